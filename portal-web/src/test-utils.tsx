import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AuthProvider } from './auth/AuthContext';
import { setSession } from './api/client';
import { saveSession } from './auth/tokens';
import { routes } from './app/routes';

/** An unsigned JWT with the given claims: the app only reads them (the gateway verifies signatures). */
export function fakeToken(claims: Record<string, unknown>) {
  const encode = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${encode({ alg: 'ES256' })}.${encode({ exp: Math.floor(Date.now() / 1000) + 900, entities: [], ...claims })}.sig`;
}

export function signInAs(permissions: string[], name = 'Test User') {
  setSession(saveSession(fakeToken({ sub: 'u-1', merchant_id: 'm-1', permissions, role: 'x', email: 'test@example.com', name, locale: 'en' }), 'refresh'));
}

type Handler = (url: URL, init: RequestInit) => { status?: number; body?: unknown } | undefined;

/** Replaces fetch with answers per path; unknown paths answer 404 problems. */
export function mockApi(handler: Handler) {
  const calls: { url: URL; init: RequestInit }[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    calls.push({ url, init });
    const answer = handler(url, init) ?? { status: 404, body: { message: 'Not found', errors: [{ error_code: 'not_found' }] } };
    const status = answer.status ?? 200;
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  }) as typeof fetch;
  return calls;
}

export function renderAt(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </QueryClientProvider>,
  );
}
