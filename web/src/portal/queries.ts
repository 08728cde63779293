import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api';
import type { AutomationRow, BundleReport, CodeList, CodeValue, ProcessCard, ProcessPageData, RoleGap, SearchHit } from './model';

export function useMyProcesses() {
  return useQuery({
    queryKey: ['portal', 'mine'],
    queryFn: () => api.get<{ items: ProcessCard[]; businessRoles: { id: string; name: string }[] }>('/api/portal/my-processes'),
  });
}

export function usePublishedProcesses(query: { q?: string; code?: string }) {
  return useQuery({
    queryKey: ['portal', 'processes', query],
    queryFn: () => api.get<{ items: ProcessCard[] }>('/api/portal/processes', { q: query.q || undefined, code: query.code || undefined }),
    placeholderData: keepPreviousData,
  });
}

export function useProcessPage(id: string) {
  return useQuery({ queryKey: ['portal', 'process', id], queryFn: () => api.get<ProcessPageData>(`/api/portal/processes/${id}`) });
}

export function useSearch(q: string) {
  return useQuery({
    queryKey: ['portal', 'search', q],
    queryFn: () => api.get<{ items: SearchHit[] }>('/api/search', { q }),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function useAutomationRanking() {
  return useQuery({ queryKey: ['portal', 'automation'], queryFn: () => api.get<{ items: AutomationRow[]; totalHoursPerYear: number }>('/api/portal/automation') });
}

export function useSaveAssessment(processId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { occurrencesPerYear: number; minutesEach: number; automationDegree: number; assessment: string }) =>
      api.put<void>(`/api/portal/processes/${processId}/automation`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['portal'] }),
  });
}

export function useRoleGaps() {
  return useQuery({ queryKey: ['portal', 'role-gaps'], queryFn: () => api.get<{ items: RoleGap[] }>('/api/portal/role-gaps') });
}

export function useRoleGap(id: string) {
  return useQuery({ queryKey: ['portal', 'role-gaps', id], queryFn: () => api.get<RoleGap>(`/api/portal/role-gaps/${id}`) });
}

/** Adopting a suggestion goes through the access module's own route: its change and audit path. */
export function useAdoptSystemRole(businessRoleId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (systemRoleId: string) => api.post<unknown>(`/api/access/business-roles/${businessRoleId}/system-roles`, { systemRoleId }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['portal', 'role-gaps'] }),
  });
}

export function useBundleImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.post<BundleReport>('/api/portal/bundle-imports', form);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['portal'] }),
  });
}

export function useCodeLists() {
  return useQuery({ queryKey: ['portal', 'code-lists'], queryFn: () => api.get<{ items: CodeList[] }>('/api/code-lists') });
}

export function useCodeValues(listId: string | undefined) {
  return useQuery({
    queryKey: ['portal', 'code-values', listId],
    queryFn: () => api.get<{ items: CodeValue[] }>(`/api/code-lists/${listId}/values`),
    enabled: Boolean(listId),
  });
}

export function useLoadCodeList() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: File; key: string; name: string; kind: string }) => {
      const form = new FormData();
      form.append('key', input.key);
      form.append('name', input.name);
      form.append('kind', input.kind);
      form.append('file', input.file);
      return api.post<{ id: string; loaded: number }>('/api/code-lists', form);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['portal', 'code-lists'] }),
  });
}

export function useSetClassifications(processId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (valueIds: string[]) => api.put<unknown>(`/api/portal/processes/${processId}/classifications`, { valueIds }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['portal'] }),
  });
}
