import { useQuery } from '@tanstack/react-query';
import { api } from '../app/api';

export interface ScimOverview {
  endpoint: string;
  tokens: { id: string; name: string; createdAt: string; lastUsedAt: string | null }[];
  counts: { linkedUsers: number; deprovisionedUsers: number; groups: number };
  activity: {
    id: number;
    occurredAt: string;
    actorName: string | null;
    action: string;
    entityType: string;
    entityId: string | null;
    entityLabel: string | null;
  }[];
}

export function useScimOverview() {
  return useQuery({ queryKey: ['scim', 'overview'], queryFn: () => api.get<ScimOverview>('/api/scim/overview') });
}
