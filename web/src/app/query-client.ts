import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';
import { sessionQueryKey } from './session';

/** A 401 anywhere means the session ended: refetching it lets the session provider send the user to sign in. */
function onError(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
}

export const queryClient: QueryClient = new QueryClient({
  // Not for the session query itself: its own 401 would invalidate it again, refetching forever.
  queryCache: new QueryCache({ onError: (error, query) => query.queryKey[0] !== sessionQueryKey[0] && onError(error) }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
    },
  },
});
