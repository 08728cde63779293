import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api';

export interface Ref {
  id: string;
  name: string;
}

export interface CatalogueRole {
  id: string;
  name: string;
  description: string;
  sensitive: boolean;
  systems: { name: string; sensitive: boolean }[];
  held: boolean;
  pendingRequestId: string | null;
}

export type RequestState = 'pending_manager' | 'pending_owner' | 'approved' | 'rejected' | 'cancelled';
export type FulfilmentState = 'scheduled' | 'in_progress' | 'waiting_for_administrator' | 'failed' | 'held' | 'provisioned';

export interface ApprovalStep {
  id: string;
  position: number;
  kind: 'manager' | 'system_owner';
  approver: Ref | null;
  systemNames: string;
  escalation: string;
  decision: 'approved' | 'rejected' | null;
  decidedBy: Ref | null;
  comment: string | null;
  decidedAt: string | null;
  open: boolean;
  deputies: Ref[];
}

export interface AccessRequest {
  id: string;
  businessRole: Ref;
  requester: Ref;
  forPerson: Ref;
  reason: string;
  wantedFrom: string;
  wantedTo: string | null;
  state: RequestState;
  createdAt: string;
  decidedAt: string | null;
  steps: ApprovalStep[];
  fulfilment: { state: FulfilmentState; failures: { systemName: string; error: string }[]; waitingSystems: string[] } | null;
  canCancel: boolean;
}

export interface InboxItem {
  stepId: string;
  kind: 'manager' | 'system_owner';
  systemNames: string;
  asDeputyFor: Ref | null;
  request: AccessRequest;
}

export interface Deputy {
  id: string;
  manager: Ref;
  deputy: Ref;
  validFrom: string;
  validTo: string;
  reason: string;
  active: boolean;
  canEdit: boolean;
}

const keys = {
  all: ['requests'] as const,
  catalogue: (q: string) => ['requests', 'catalogue', q] as const,
  mine: ['requests', 'mine'] as const,
  inbox: ['requests', 'inbox'] as const,
  inboxCount: ['requests', 'inbox', 'count'] as const,
  deputies: ['requests', 'deputies'] as const,
};

export function useCatalogue(q: string) {
  return useQuery({
    queryKey: keys.catalogue(q),
    queryFn: () => api.get<{ items: CatalogueRole[] }>('/api/requests/catalogue', { q }),
    placeholderData: (previous) => previous,
  });
}

export function useMyRequests() {
  // Provisioning runs in the background: keep the status fresh while the page is open.
  return useQuery({ queryKey: keys.mine, queryFn: () => api.get<{ items: AccessRequest[] }>('/api/requests/mine'), refetchInterval: 5000 });
}

export function useInbox() {
  return useQuery({ queryKey: keys.inbox, queryFn: () => api.get<{ items: InboxItem[] }>('/api/requests/inbox') });
}

export function useInboxCount(enabled: boolean) {
  return useQuery({
    queryKey: keys.inboxCount,
    queryFn: () => api.get<{ count: number }>('/api/requests/inbox/count'),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useDeputies() {
  return useQuery({ queryKey: keys.deputies, queryFn: () => api.get<{ items: Deputy[] }>('/api/requests/deputies') });
}

export interface RequestInput {
  businessRoleId: string;
  reason: string;
  wantedFrom?: string;
  wantedTo?: string | null;
}

function useRequestsMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: keys.all }) });
}

export const useCreateRequest = () => useRequestsMutation((input: RequestInput) => api.post<AccessRequest>('/api/requests', input));
export const useCancelRequest = () => useRequestsMutation((id: string) => api.post<AccessRequest>(`/api/requests/${id}/cancel`));
export const useDecide = () =>
  useRequestsMutation(({ id, stepId, decision, comment }: { id: string; stepId: string; decision: 'approved' | 'rejected'; comment: string }) =>
    api.post<AccessRequest>(`/api/requests/${id}/decision`, { stepId, decision, comment }),
  );

export interface DeputyInput {
  deputyPersonId: string;
  validFrom: string;
  validTo: string;
  reason: string;
}
export const useCreateDeputy = () => useRequestsMutation((input: DeputyInput) => api.post<Deputy>('/api/requests/deputies', input));
export const useDeleteDeputy = () => useRequestsMutation((id: string) => api.delete(`/api/requests/deputies/${id}`));
