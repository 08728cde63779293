import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api';

export type OperationState = 'queued' | 'running' | 'done' | 'failed' | 'manual_pending' | 'held' | 'discarded';
export type OperationAction = 'create_account' | 'update_account' | 'grant' | 'revoke' | 'disable_account';

export interface Operation {
  id: string;
  batchId: string;
  personId: string;
  personName: string;
  username: string | null;
  employeeNumber: string;
  email: string | null;
  systemId: string;
  systemName: string;
  systemRoleId: string | null;
  systemRoleName: string | null;
  targetGroup: string | null;
  action: OperationAction;
  state: OperationState;
  reason: string;
  attempts: number;
  lastError: string | null;
  outcome: string | null;
  completedBy: string | null;
  completedAt: string | null;
  updatedAt: string;
}

export interface Batch {
  id: string;
  origin: string;
  state: 'released' | 'held' | 'approved' | 'rejected';
  holdReason: string | null;
  grantCount: number;
  revokeCount: number;
  otherCount: number;
  threshold: number | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export interface Connector {
  systemId: string;
  systemName: string;
  kind: 'scim' | 'ldap' | 'manual' | null;
  settings: Record<string, unknown>;
  enabled: boolean;
  hasSecrets: boolean;
}

export interface Settings {
  massRemovalPercent: number;
  massRemovalMinimum: number;
  /** Access changes pushed over SCIM wait for approval as a held batch. */
  reviewScimChanges: boolean;
}

const key = ['provisioning'] as const;

export const useOverview = () =>
  useQuery({ queryKey: [...key, 'overview'], queryFn: () => api.get<{ operations: Record<OperationState, number>; heldBatches: number }>('/api/provisioning/overview'), refetchInterval: 5000 });

export const useOperations = (state: OperationState | undefined, page: number) =>
  useQuery({
    queryKey: [...key, 'operations', state, page],
    queryFn: () => api.get<{ items: Operation[]; total: number; page: number; pageSize: number }>('/api/provisioning/operations', { state, page, pageSize: 25 }),
    refetchInterval: 5000,
  });

export const useBatches = (state?: Batch['state']) => useQuery({ queryKey: [...key, 'batches', state], queryFn: () => api.get<{ items: Batch[] }>('/api/provisioning/batches', { state }) });

export const useBatch = (id: string | null) =>
  useQuery({ queryKey: [...key, 'batch', id], queryFn: () => api.get<Batch & { operations: Operation[] }>(`/api/provisioning/batches/${id}`), enabled: Boolean(id) });

export const useManualTasks = (systemId?: string) =>
  useQuery({ queryKey: [...key, 'manual', systemId], queryFn: () => api.get<{ items: Operation[] }>('/api/provisioning/manual-tasks', { systemId }) });

export const useConnectors = () => useQuery({ queryKey: [...key, 'connectors'], queryFn: () => api.get<{ items: Connector[] }>('/api/provisioning/connectors') });

export const useSettings = () => useQuery({ queryKey: [...key, 'settings'], queryFn: () => api.get<Settings>('/api/provisioning/settings') });

/** Any provisioning change refreshes the whole area's data. */
function useAction<Input, Output = unknown>(run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: key }) });
}

export const useRetry = () => useAction((id: string) => api.post<void>(`/api/provisioning/operations/${id}/retry`));
export const useDecideBatch = () => useAction(({ id, decision }: { id: string; decision: 'approve' | 'reject' }) => api.post<void>(`/api/provisioning/batches/${id}/${decision}`));
export const useCompleteTask = () => useAction((id: string) => api.post<void>(`/api/provisioning/manual-tasks/${id}/complete`));
export const useSaveConnector = () =>
  useAction(({ systemId, ...body }: { systemId: string; kind: string; settings: Record<string, unknown>; secrets?: Record<string, string>; enabled: boolean }) =>
    api.put<Connector>(`/api/provisioning/connectors/${systemId}`, body),
  );
export const useSaveSettings = () => useAction((settings: Settings) => api.put<Settings>('/api/provisioning/settings', settings));

export interface ReconciliationRun {
  id: string;
  systemId: string;
  systemName: string;
  source: 'connector' | 'csv';
  state: 'queued' | 'running' | 'completed' | 'failed';
  accountCount: number;
  orphanCount: number;
  missingCount: number;
  excessCount: number;
  error: string | null;
  startedBy: string;
  createdAt: string;
  finishedAt: string | null;
}

export interface Finding {
  id: string;
  kind: 'orphan_account' | 'missing_access' | 'excess_access';
  accountId: string | null;
  personId: string | null;
  personName: string | null;
  systemRoleId: string | null;
  systemRoleName: string | null;
  username: string | null;
  detail: string;
  resolution: 'open' | 'provisioned' | 'revoked' | 'linked' | 'ignored';
  resolvedBy: string | null;
}

export const useReconciliations = () =>
  useQuery({
    queryKey: [...key, 'reconciliation'],
    queryFn: () => api.get<{ items: ReconciliationRun[] }>('/api/provisioning/reconciliation'),
    refetchInterval: (query) => (query.state.data?.items.some((r) => r.state === 'queued' || r.state === 'running') ? 2000 : false),
  });

export const useReconciliationRun = (id: string | null) =>
  useQuery({
    queryKey: [...key, 'reconciliation-run', id],
    queryFn: () => api.get<ReconciliationRun & { findings: Finding[] }>(`/api/provisioning/reconciliation/runs/${id}`),
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data && ['queued', 'running'].includes(query.state.data.state) ? 2000 : false),
  });

export const useStartReconciliation = () =>
  useAction(({ systemId, csv }: { systemId: string; csv?: string }) => api.post<{ runId: string; jobId: string }>(`/api/provisioning/reconciliation/${systemId}`, csv === undefined ? {} : { csv }));

export const useResolveFinding = () =>
  useAction(({ id, action, personId }: { id: string; action: 'provision' | 'revoke' | 'link' | 'ignore'; personId?: string }) =>
    api.post<void>(`/api/provisioning/reconciliation/findings/${id}/resolve`, { action, ...(personId ? { personId } : {}) }),
  );
