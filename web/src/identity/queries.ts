/** The identity lifecycle API as the web app uses it: types and TanStack Query hooks. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api';

export interface Placement {
  unitCode: string;
  position: string | null;
  manager: string | null;
}

export interface HrPreview {
  runId: string;
  fileName: string;
  asOf: string;
  state: string;
  counts: Record<string, number>;
  warning: string | null;
  joiners: (Placement & { line: number; employeeNumber: string; givenName: string; familyName: string; startDate: string; endDate: string | null })[];
  movers: { line: number; personId: string; employeeNumber: string; name: string; from: Placement; to: Placement; employmentStartDate: string }[];
  nameChanges: { line: number; personId: string; employeeNumber: string; from: { givenName: string; familyName: string }; to: { givenName: string; familyName: string } }[];
  leavers: { line: number | null; personId: string; employeeNumber: string; name: string; endDate: string; reason: 'absent' | 'end_date' }[];
}

export type ChangeKind = 'transfer' | 'position' | 'end' | 'manager';

export interface ScheduledChange {
  id: string;
  personId: string;
  personName: string;
  kind: ChangeKind;
  effectiveDate: string;
  state: string;
  newUnitName: string | null;
  newPositionTitle: string | null;
  newManagerName: string | null;
  endDate: string | null;
  note: string;
  createdBy: string;
}

export interface Guest {
  personId: string;
  name: string;
  kind: string;
  username: string | null;
  email: string | null;
  sponsorPersonId: string;
  sponsorName: string;
  endDate: string;
  purpose: string;
  remindedAt: string | null;
  endedAt: string | null;
  unitName: string | null;
}

export interface IdentitySettings {
  usernameTemplate: string;
  emailTemplate: string;
  emailDomain: string;
  reservedWords: string[];
  guestReminderDays: number;
}

export interface PersonIdentity {
  username: string | null;
  email: string | null;
  kind: string;
  guest: Guest | null;
}

export interface Notice {
  id: string;
  kind: string;
  subjectPersonId: string | null;
  message: string;
  createdAt: string;
}

const keys = {
  all: ['identity'] as const,
  changes: (query: Record<string, string | undefined>) => ['identity', 'changes', query] as const,
  guests: (scope: string) => ['identity', 'guests', scope] as const,
  settings: () => ['identity', 'settings'] as const,
  person: (id: string) => ['identity', 'person', id] as const,
  notices: () => ['identity', 'notices'] as const,
  positions: () => ['identity', 'positions'] as const,
};

export function usePreviewHr() {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.post<HrPreview>('/api/identity/hr/preview', form);
    },
  });
}

export function useApplyHr() {
  return useMutation({ mutationFn: (runId: string) => api.post<{ jobId: string }>(`/api/identity/hr/runs/${runId}/apply`) });
}

export function useDiscardHr() {
  return useMutation({ mutationFn: (runId: string) => api.post<void>(`/api/identity/hr/runs/${runId}/discard`) });
}

export function useScheduledChanges(query: { scope: 'mine' | 'all'; personId?: string; state?: string }, enabled = true) {
  return useQuery({
    queryKey: keys.changes(query),
    queryFn: () => api.get<ScheduledChange[]>('/api/identity/scheduled-changes', query),
    enabled,
  });
}

export interface ScheduleInput {
  personId: string;
  kind: ChangeKind;
  effectiveDate: string;
  newOrgUnitId?: string | null;
  newPositionId?: string | null;
  newManagerPersonId?: string | null;
  note?: string;
}

export function useScheduleChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ScheduleInput) => api.post<{ id: string }>('/api/identity/scheduled-changes', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useCancelChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/api/identity/scheduled-changes/${id}/cancel`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useRunDue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ today: string; changesDone: number; guestsEnded: number; remindersSent: number }>('/api/identity/scheduled-changes/run'),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useGuests(scope: 'mine' | 'all') {
  return useQuery({ queryKey: keys.guests(scope), queryFn: () => api.get<Guest[]>('/api/identity/guests', { scope }) });
}

export interface GuestInput {
  givenName: string;
  familyName: string;
  kind: 'guest' | 'consultant';
  sponsorPersonId: string;
  orgUnitId: string;
  endDate: string;
  purpose?: string;
}

export function useRegisterGuest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: GuestInput) => api.post<{ personId: string; username: string | null; email: string | null }>('/api/identity/guests', input),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useSettings(enabled = true) {
  return useQuery({ queryKey: keys.settings(), queryFn: () => api.get<IdentitySettings>('/api/identity/settings'), enabled });
}

export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: IdentitySettings) => api.put<IdentitySettings>('/api/identity/settings', input),
    onSuccess: (saved) => queryClient.setQueryData(keys.settings(), saved),
  });
}

export function usePersonIdentity(id: string) {
  return useQuery({ queryKey: keys.person(id), queryFn: () => api.get<PersonIdentity>(`/api/identity/persons/${id}`) });
}

export function useRename(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { givenName: string; familyName: string }) =>
      api.post<{ before: { username: string | null; email: string | null }; after: { username: string | null; email: string | null } }>(`/api/identity/persons/${id}/name`, input),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useNotices() {
  return useQuery({ queryKey: keys.notices(), queryFn: () => api.get<Notice[]>('/api/identity/notices') });
}

export function usePositions() {
  return useQuery({ queryKey: keys.positions(), queryFn: () => api.get<{ id: string; title: string; count: number }[]>('/api/org/positions') });
}
