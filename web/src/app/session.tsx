import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { api, ApiError, setCsrfToken } from './api';
import { PageLoading } from './PageLoading';

export interface Me {
  tenant: { id: string; slug: string; name: string };
  user: { id: string; displayName: string; personId: string | null; roles: string[] };
  permissions: string[];
  csrfToken?: string;
}

export interface Session extends Me {
  can(permission: string): boolean;
}

export const sessionQueryKey = ['session'] as const;

const SessionContext = createContext<Session | null>(null);

export function useSessionQuery() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: async () => {
      const me = await api.get<Me>('/api/auth/me');
      setCsrfToken(me.csrfToken);
      return me;
    },
    retry: false,
    staleTime: 5 * 60_000,
  });
}

/** Where to send someone who is not signed in, remembering where they were going. */
export function signInPath(from: string): string {
  return from && from !== '/' ? `/sign-in?next=${encodeURIComponent(from)}` : '/sign-in';
}

/** Renders its children only for a signed-in user; anyone else goes to the sign-in page. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const location = useLocation();
  const { data, error, isPending } = useSessionQuery();
  if (isPending) return <PageLoading />;
  if (error) {
    if (error instanceof ApiError && error.status === 401) {
      return <Navigate to={signInPath(location.pathname + location.search)} replace />;
    }
    throw error;
  }
  const permissions = new Set(data.permissions);
  const session: Session = { ...data, can: (permission) => permissions.has(permission) };
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
