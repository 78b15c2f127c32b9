import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, RouterProvider, type RouteObject } from 'react-router';
import { AuthProvider } from '../auth/AuthContext';
import { routes } from './routes';

export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

export function createRouter(extra: RouteObject[] = []) {
  return createBrowserRouter([...routes, ...extra, { path: '*', element: <Navigate to="/" replace /> }], { basename: '/portal' });
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <RouterProvider router={createRouter()} />
      </AuthProvider>
    </QueryClientProvider>
  );
}
