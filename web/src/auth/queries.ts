import { useQuery } from '@tanstack/react-query';
import { api } from '../app/api';

export interface SignInOptions {
  demo: boolean;
  oidc: boolean;
  tenants: { slug: string; name: string }[];
}

export interface DemoUser {
  id: string;
  displayName: string;
  roles: string[];
  position: string | null;
  unit: string | null;
}

export function useSignInOptions() {
  return useQuery({ queryKey: ['auth', 'options'], queryFn: () => api.get<SignInOptions>('/api/auth/options'), staleTime: Infinity });
}

export function useDemoUsers(tenant: string, enabled: boolean) {
  return useQuery({
    queryKey: ['auth', 'demo-users', tenant],
    queryFn: () => api.get<DemoUser[]>('/api/auth/demo-users', { tenant }),
    enabled,
  });
}
