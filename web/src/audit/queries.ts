import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../app/api';
import type { AuditEvent, AuditPage } from './model';

export interface AuditQuery {
  entityType?: string;
  action?: string;
  actor?: string;
  search?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export function useHistory(entityType: string, entityId: string) {
  return useQuery({
    queryKey: ['history', entityType, entityId],
    queryFn: () => api.get<AuditEvent[]>(`/api/history/${encodeURIComponent(entityType)}/${encodeURIComponent(entityId)}`),
  });
}

export function useAuditLog(query: AuditQuery) {
  return useQuery({
    queryKey: ['history', 'log', query],
    queryFn: () => api.get<AuditPage>('/api/audit', { ...query }),
    placeholderData: keepPreviousData,
  });
}

const referencePaths: Record<string, (id: string) => string> = {
  persons: (id) => `/api/org/persons/${id}`,
  org_units: (id) => `/api/org/units/${id}`,
  systems: (id) => `/api/systems/${id}`,
};

/** The current name of what a reference column points at; a history stores only the id. */
export function useReferenceName(kind: string | undefined, id: string | undefined) {
  return useQuery({
    queryKey: ['reference-name', kind, id],
    queryFn: async () => {
      if (kind === 'positions') {
        const positions = await api.get<{ id: string; title: string }[]>('/api/org/positions');
        return positions.find((position) => position.id === id)?.title ?? null;
      }
      const found = await api.get<{ name?: string; title?: string }>(referencePaths[kind!]!(id!));
      return found.name ?? found.title ?? null;
    },
    enabled: Boolean(id) && Boolean(kind && (kind in referencePaths || kind === 'positions')),
    staleTime: 5 * 60_000,
    retry: false,
  });
}
