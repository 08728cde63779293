/** The access API (role model, "why does this person have this", recompute) as the web app uses it. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../app/api';

export type Sensitivity = 'normal' | 'sensitive';

export interface SystemRole {
  id: string;
  systemId: string;
  systemName: string;
  name: string;
  description: string;
  accessLevel: string;
  consumesLicence: boolean;
  sensitivity: Sensitivity;
  targetGroup: string | null;
  businessRoleCount: number;
}
export type SystemRoleInput = Omit<SystemRole, 'id' | 'systemName' | 'businessRoleCount'>;

export interface BusinessRoleSummary {
  id: string;
  name: string;
  description: string;
  ownerPersonId: string | null;
  ownerName: string | null;
  requestable: boolean;
  systemRoleCount: number;
  ruleCount: number;
  sensitive: boolean;
}
export interface AssignmentRule {
  id: string;
  businessRoleId: string;
  orgUnitId: string | null;
  orgUnitName: string | null;
  includeSubUnits: boolean;
  positionId: string | null;
  positionTitle: string | null;
  note: string;
}
export interface Competence {
  id: string;
  name: string;
  description: string;
  validityMonths: number | null;
}
export type CompetenceInput = Omit<Competence, 'id'>;
export interface BusinessRoleDetail extends BusinessRoleSummary {
  systemRoles: SystemRole[];
  rules: AssignmentRule[];
  requiredCompetences: Competence[];
  holderCount: number;
}
export interface BusinessRoleInput {
  name: string;
  description: string;
  ownerPersonId: string | null;
  requestable: boolean;
}

export type ReasonKind = 'rule' | 'request' | 'manual' | 'delegation';
export type TargetState = 'present' | 'missing' | 'not_reconciled' | 'held_back';
export interface PersonEntitlements {
  personId: string;
  computedAt: string | null;
  entitlements: {
    systemRoleId: string;
    systemRoleName: string;
    systemId: string;
    systemName: string;
    sensitivity: Sensitivity;
    state: 'active' | 'held';
    reasons: { kind: ReasonKind; businessRoleId: string; businessRoleName: string; description: string; missingCompetenceIds: string[] }[];
    missingCompetences: { id: string; name: string }[];
    target: TargetState;
  }[];
  excess: { systemRoleId: string; systemRoleName: string; systemName: string; username: string }[];
  competences: { id: string; competenceId: string; competenceName: string; achievedOn: string | null; expiresOn: string | null; valid: boolean }[];
  assignments: { id: string; businessRoleId: string; businessRoleName: string; source: Exclude<ReasonKind, 'rule'>; validFrom: string; validTo: string | null; note: string }[];
}

export interface RecomputeRun {
  id: string;
  kind: 'full' | 'people';
  state: 'running' | 'done' | 'failed';
  actorName: string;
  peopleCount: number;
  entitlementCount: number;
  heldCount: number;
  grantCount: number;
  revokeCount: number;
  reasonChangeCount: number;
  batchState: string | null;
  durationMs: number | null;
  error: string | null;
  startedAt: string;
}

const keys = {
  all: ['access'] as const,
  businessRoles: (query: object) => ['access', 'business-roles', query] as const,
  businessRole: (id: string) => ['access', 'business-role', id] as const,
  systemRoles: (systemId?: string) => ['access', 'system-roles', systemId ?? 'all'] as const,
  competences: () => ['access', 'competences'] as const,
  person: (id: string) => ['access', 'person', id] as const,
  runs: () => ['access', 'runs'] as const,
};

export function useBusinessRoles(query: { q?: string; requestable?: boolean } = {}) {
  return useQuery({
    queryKey: keys.businessRoles(query),
    queryFn: () =>
      api.get<{ items: BusinessRoleSummary[] }>(
        withQuery('/api/access/business-roles', { q: query.q || undefined, requestable: query.requestable === undefined ? undefined : String(query.requestable) }),
      ),
  });
}

export function useBusinessRole(id: string | undefined) {
  return useQuery({
    queryKey: keys.businessRole(id ?? ''),
    queryFn: () => api.get<BusinessRoleDetail>(`/api/access/business-roles/${encodeURIComponent(id!)}`),
    enabled: Boolean(id),
  });
}

export function useSystemRoles(systemId?: string) {
  return useQuery({
    queryKey: keys.systemRoles(systemId),
    queryFn: () => api.get<{ items: SystemRole[] }>(withQuery('/api/access/system-roles', { systemId })),
  });
}

export function useCompetences() {
  return useQuery({ queryKey: keys.competences(), queryFn: () => api.get<{ items: Competence[] }>('/api/access/competences') });
}

export function usePersonEntitlements(personId: string, enabled = true) {
  return useQuery({
    queryKey: keys.person(personId),
    queryFn: () => api.get<PersonEntitlements>(`/api/access/people/${encodeURIComponent(personId)}/entitlements`),
    enabled,
  });
}

export function useRecomputeRuns(enabled = true) {
  return useQuery({ queryKey: keys.runs(), queryFn: () => api.get<{ items: RecomputeRun[] }>('/api/access/recompute-runs'), enabled });
}

/** Every change to the role model can change anyone's access: refresh all access queries after it. */
function useAccessMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: keys.all }) });
}

export const useCreateBusinessRole = () => useAccessMutation((input: BusinessRoleInput) => api.post<BusinessRoleDetail>('/api/access/business-roles', input));
export const useUpdateBusinessRole = (id: string) =>
  useAccessMutation((input: BusinessRoleInput) => api.put<BusinessRoleDetail>(`/api/access/business-roles/${id}`, input));
export const useDeleteBusinessRole = (id: string) => useAccessMutation(() => api.delete<void>(`/api/access/business-roles/${id}`));
export const useLinkSystemRole = (id: string) =>
  useAccessMutation((systemRoleId: string) => api.post<BusinessRoleDetail>(`/api/access/business-roles/${id}/system-roles`, { systemRoleId }));
export const useUnlinkSystemRole = (id: string) => useAccessMutation((systemRoleId: string) => api.delete<void>(`/api/access/business-roles/${id}/system-roles/${systemRoleId}`));
export const useAddRule = (id: string) =>
  useAccessMutation((rule: { orgUnitId: string | null; includeSubUnits: boolean; positionId: string | null }) =>
    api.post<BusinessRoleDetail>(`/api/access/business-roles/${id}/rules`, rule),
  );
export const useDeleteRule = (id: string) => useAccessMutation((ruleId: string) => api.delete<void>(`/api/access/business-roles/${id}/rules/${ruleId}`));
export const useRequireCompetence = (id: string) =>
  useAccessMutation((competenceId: string) => api.post<BusinessRoleDetail>(`/api/access/business-roles/${id}/competences`, { competenceId }));
export const useDropCompetence = (id: string) => useAccessMutation((competenceId: string) => api.delete<void>(`/api/access/business-roles/${id}/competences/${competenceId}`));
export const useCreateSystemRole = () => useAccessMutation((input: SystemRoleInput) => api.post<SystemRole>('/api/access/system-roles', input));
export const useDeleteSystemRole = () => useAccessMutation((id: string) => api.delete<void>(`/api/access/system-roles/${id}`));
export const useCreateCompetence = () => useAccessMutation((input: CompetenceInput) => api.post<Competence>('/api/access/competences', input));
export const useUpdateSystemRole = (id: string) => useAccessMutation((input: SystemRoleInput) => api.put<SystemRole>(`/api/access/system-roles/${id}`, input));
export const useUpdateCompetence = (id: string) => useAccessMutation((input: CompetenceInput) => api.put<Competence>(`/api/access/competences/${id}`, input));
export const useDeleteCompetence = () => useAccessMutation((id: string) => api.delete<void>(`/api/access/competences/${id}`));
export const useSetPersonCompetence = (personId: string) =>
  useAccessMutation((input: { competenceId: string; expiresOn: string | null }) => api.post(`/api/access/people/${personId}/competences`, input));
export const useRemovePersonCompetence = (personId: string) =>
  useAccessMutation((competenceId: string) => api.delete<void>(`/api/access/people/${personId}/competences/${competenceId}`));
/** A business role given to one person by hand, with the reason written down. */
export const useAssignRole = (personId: string) =>
  useAccessMutation((input: { businessRoleId: string; note: string; validTo: string | null }) =>
    api.post<PersonEntitlements>(`/api/access/people/${personId}/assignments`, { ...input, source: 'manual' }),
  );
export const useEndAssignment = (personId: string) => useAccessMutation((assignmentId: string) => api.delete<void>(`/api/access/people/${personId}/assignments/${assignmentId}`));
export const useRecompute = () => useAccessMutation(() => api.post<{ jobId: string }>('/api/access/recompute'));
