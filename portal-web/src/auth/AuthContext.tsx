import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { onSessionChange, session as currentSession } from '../api/client';
import type { Session } from './tokens';

const AuthContext = createContext<Session | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(currentSession());
  useEffect(() => {
    const stop = onSessionChange(setSession);
    return () => void stop();
  }, []);
  return <AuthContext.Provider value={session}>{children}</AuthContext.Provider>;
}

export function useSession() {
  return useContext(AuthContext);
}

/** Whether the signed-in user's token carries a permission (the backend refuses anyway). */
export function useCan() {
  const session = useSession();
  return (permission: string) => !!session?.claims.permissions.includes(permission);
}
