import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../app/api';
import type { ElementLink } from './BpmnViewer';

export type ProcessLevel = 'area' | 'process' | 'subprocess';
export type VersionState = 'draft' | 'in_review' | 'approved' | 'published' | 'retired' | 'superseded';

export interface ProcessSummary {
  id: string;
  parentId: string | null;
  level: ProcessLevel;
  name: string;
  purpose: string;
  owner: { id: string; name: string } | null;
  published: { id: string; version: number; publishedAt: string | null; lastReviewedAt: string | null } | null;
  latest: { id: string; version: number; state: VersionState } | null;
  reviewDue: boolean;
}

export interface VersionSummary {
  id: string;
  version: number;
  state: VersionState;
  changeNote: string;
  createdBy: string | null;
  createdAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  publishedBy: string | null;
  publishedAt: string | null;
}

export interface ProcessDetail extends ProcessSummary {
  ancestors: { id: string; name: string; level: ProcessLevel }[];
  children: { id: string; name: string; level: ProcessLevel; published: boolean }[];
  versions: VersionSummary[];
  calledBy: { id: string; name: string }[];
  services: { id: string; name: string }[];
  documents: { id: string; name: string; path: string; currentVersion: number }[];
  systems: { id: string; name: string }[];
}

export interface VersionLink extends ElementLink {
  label: string | null;
  systemRoleLabel: string | null;
}

export interface VersionDetail extends VersionSummary {
  processId: string;
  processName: string;
  xml: string;
  submittedAt: string | null;
  lastReviewedAt: string | null;
  links: VersionLink[];
  comments: { id: string; author: string | null; elementId: string | null; body: string; createdAt: string }[];
}

export interface LintFinding {
  rule: string;
  level: 'warn' | 'error';
  elementId: string | null;
  message: string;
}

export interface VersionDiff {
  from: { id: string; version: number };
  to: { id: string; version: number };
  added: { id: string; type: string; name: string | null }[];
  removed: { id: string; type: string; name: string | null }[];
  renamed: { id: string; type: string; name: string | null; from: string | null }[];
  relinked: { id: string; type: string; name: string | null; from: string[]; to: string[] }[];
  flowsAdded: number;
  flowsRemoved: number;
}

export interface ModellingRule {
  name: string;
  source: 'bpmnlint' | 'grunnmur';
  description: { nb: string; en: string };
  defaultLevel: 'off' | 'warn' | 'error';
  level: 'off' | 'warn' | 'error';
}

export const useProcesses = () => useQuery({ queryKey: ['processes'], queryFn: () => api.get<{ items: ProcessSummary[] }>('/api/processes') });
export const useProcess = (id: string) => useQuery({ queryKey: ['processes', id], queryFn: () => api.get<ProcessDetail>(`/api/processes/${id}`), enabled: !!id });
export const useVersion = (id: string | undefined) =>
  useQuery({ queryKey: ['process-versions', id], queryFn: () => api.get<VersionDetail>(`/api/process-versions/${id}`), enabled: !!id });
export const useDiff = (id: string | undefined) =>
  useQuery({ queryKey: ['process-versions', id, 'diff'], queryFn: () => api.get<VersionDiff>(`/api/process-versions/${id}/diff`), enabled: !!id, retry: false });
export const useRules = () => useQuery({ queryKey: ['process-modelling-rules'], queryFn: () => api.get<{ items: ModellingRule[] }>('/api/process-modelling-rules') });
export const useReminders = () =>
  useQuery({ queryKey: ['process-reminders'], queryFn: () => api.get<{ items: { id: string; processId: string; processName: string; message: string }[] }>('/api/process-reminders') });

/** Lists other modules offer for linking; a module that is not there yet gives an empty list. */
function optionalList<T>(path: string, pick: (data: unknown) => T[]) {
  return async () => {
    try {
      return pick(await api.get<unknown>(path));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return [];
      throw error;
    }
  };
}
type Named = { id: string; name: string };
const items = (data: unknown) => ((data as { items?: Named[] }).items ?? []).map((item) => ({ id: item.id, name: item.name }));
export const useBusinessRoles = () => useQuery({ queryKey: ['link-targets', 'business-roles'], queryFn: optionalList('/api/access/business-roles', items), staleTime: 60_000 });
export const useSystems = () => useQuery({ queryKey: ['link-targets', 'systems'], queryFn: optionalList('/api/systems?pageSize=500', items), staleTime: 60_000 });
export const useSystemRoles = (systemId: string | null | undefined) =>
  useQuery({ queryKey: ['link-targets', 'system-roles', systemId], queryFn: optionalList(`/api/access/system-roles?systemId=${systemId}`, items), enabled: !!systemId, staleTime: 60_000 });
export const useServices = (enabled = true) =>
  useQuery({ queryKey: ['link-targets', 'services'], queryFn: optionalList('/api/services?pageSize=500', items), enabled, staleTime: 60_000 });
export const useInformationObjects = () =>
  useQuery({ queryKey: ['link-targets', 'information-objects'], queryFn: optionalList('/api/information-objects', items), staleTime: 60_000 });

export function useInvalidateProcesses() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: ['processes'] }), client.invalidateQueries({ queryKey: ['process-versions'] }), client.invalidateQueries({ queryKey: ['process-reminders'] })]);
}

export function useGovernance(versionId: string | undefined) {
  const invalidate = useInvalidateProcesses();
  return useMutation({
    mutationFn: ({ action, comment }: { action: 'submit' | 'return' | 'approve' | 'publish'; comment?: string }) =>
      api.post<VersionDetail>(`/api/process-versions/${versionId}/${action}`, comment ? { comment } : {}),
    onSuccess: () => invalidate(),
  });
}
