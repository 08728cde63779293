/** The org API as the web app uses it: response types and TanStack Query hooks, one per endpoint. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api';
import type { OrgUnitSummary } from './tree';

export type { OrgUnitSummary } from './tree';

export interface Ref {
  id: string;
  name: string;
}

export interface OrgUnitDetail {
  id: string;
  code: string;
  name: string;
  kind: string;
  parent: Ref | null;
  manager: Ref | null;
  path: Ref[];
  children: { id: string; name: string; code: string; kind: string }[];
  employees: { personId: string; name: string; employeeNumber: string; position: string | null; isManager: boolean }[];
  systems: Ref[];
  version?: number;
}

export interface OrgUnitInput {
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  managerPersonId: string | null;
  version?: number;
}

export type PersonKind = 'employee' | 'guest' | 'consultant';

export interface PersonListItem {
  id: string;
  employeeNumber: string;
  name: string;
  email: string | null;
  kind: PersonKind;
  position: string | null;
  unit: Ref | null;
}

export interface PersonPage {
  items: PersonListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export type EmploymentStatus = 'current' | 'future' | 'past';

export interface PersonDetail {
  id: string;
  employeeNumber: string;
  givenName: string;
  familyName: string;
  name: string;
  email: string | null;
  kind: PersonKind;
  employments: {
    id: string;
    unit: Ref;
    position: { id: string; title: string } | null;
    manager: Ref | null;
    startDate: string;
    endDate: string | null;
    isPrimary: boolean;
    status: EmploymentStatus;
  }[];
  manager: Ref | null;
  directReports: { id: string; name: string; position: string | null }[];
  ownedSystems: Ref[];
  administeredSystems: Ref[];
}

export interface PersonQuery {
  search?: string;
  unitId?: string;
  includeSubunits?: boolean;
  page?: number;
  pageSize?: number;
}

export const orgKeys = {
  all: ['org'] as const,
  units: () => ['org', 'units'] as const,
  unit: (id: string) => ['org', 'units', id] as const,
  persons: (query: PersonQuery) => ['org', 'persons', query] as const,
  person: (id: string) => ['org', 'persons', id] as const,
};

export function useOrgUnits() {
  return useQuery({ queryKey: orgKeys.units(), queryFn: () => api.get<OrgUnitSummary[]>('/api/org/units') });
}

export function useOrgUnit(id: string | undefined) {
  return useQuery({
    queryKey: orgKeys.unit(id ?? ''),
    queryFn: () => api.get<OrgUnitDetail>(`/api/org/units/${encodeURIComponent(id!)}`),
    enabled: Boolean(id),
  });
}

export function usePersons(query: PersonQuery, enabled = true) {
  return useQuery({
    queryKey: orgKeys.persons(query),
    queryFn: () =>
      api.get<PersonPage>('/api/org/persons', {
        search: query.search,
        unitId: query.unitId,
        includeSubunits: query.unitId ? query.includeSubunits ?? true : undefined,
        page: query.page,
        pageSize: query.pageSize,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: orgKeys.person(id ?? ''),
    queryFn: () => api.get<PersonDetail>(`/api/org/persons/${encodeURIComponent(id!)}`),
    enabled: Boolean(id),
  });
}

/** After any org write the tree, unit pages, people and history may all have changed. */
function useInvalidateOrg() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: orgKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['history'] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
}

export function useMoveUnit() {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: ({ id, parentId }: { id: string; parentId: string }) =>
      api.post<OrgUnitDetail>(`/api/org/units/${encodeURIComponent(id)}/move`, { parentId }),
    onSuccess: invalidate,
  });
}

export function useUpdateUnit(id: string) {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: (input: OrgUnitInput) => api.put<OrgUnitDetail>(`/api/org/units/${encodeURIComponent(id)}`, input),
    onSuccess: invalidate,
  });
}

export interface PersonInput {
  givenName: string;
  familyName: string;
  email: string | null;
  kind: PersonKind;
}

export function useUpdatePerson(id: string) {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: (input: PersonInput) => api.put<PersonDetail>(`/api/org/persons/${encodeURIComponent(id)}`, input),
    onSuccess: invalidate,
  });
}
