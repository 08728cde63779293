import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api';
import type { Page, SystemDetail, SystemFacets, SystemInput, SystemListQuery, SystemSummary } from './model';

export const catalogueKeys = {
  all: ['systems'] as const,
  list: (query: SystemListQuery) => ['systems', 'list', query] as const,
  facets: ['systems', 'facets'] as const,
  detail: (id: string) => ['systems', 'detail', id] as const,
};

export function useSystemList(query: SystemListQuery) {
  return useQuery({
    queryKey: catalogueKeys.list(query),
    queryFn: () => api.get<Page<SystemSummary>>('/api/systems', { ...query }),
    placeholderData: keepPreviousData,
  });
}

/** How many systems match each value of a filter, one small request per value. */
export function useSystemCounts<K extends 'lifecyclePhase' | 'criticality'>(filter: K, values: readonly string[]) {
  return useQueries({
    queries: values.map((value) => ({
      queryKey: ['systems', 'count', filter, value],
      queryFn: () => api.get<Page<SystemSummary>>('/api/systems', { [filter]: value, pageSize: 1 }).then((page) => page.total),
    })),
  });
}

export function useSystemFacets() {
  return useQuery({ queryKey: catalogueKeys.facets, queryFn: () => api.get<SystemFacets>('/api/systems/facets') });
}

export function useSystem(id: string | undefined) {
  return useQuery({
    queryKey: catalogueKeys.detail(id ?? ''),
    queryFn: () => api.get<SystemDetail>(`/api/systems/${id}`),
    enabled: Boolean(id),
  });
}

export function useSaveSystem(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SystemInput & { version?: number }) =>
      id ? api.put<SystemDetail>(`/api/systems/${id}`, input) : api.post<SystemDetail>('/api/systems', input),
    onSuccess: (saved) => {
      queryClient.setQueryData(catalogueKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: catalogueKeys.all, predicate: (query) => query.queryKey[1] !== 'detail' });
      void queryClient.invalidateQueries({ queryKey: ['history'] });
    },
  });
}

export function useDeleteSystem(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(`/api/systems/${id}`),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: catalogueKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
    },
  });
}
