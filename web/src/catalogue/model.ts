/** The catalogue's shapes as the API sends them (server/src/modules/catalogue/schemas.ts). */
export const lifecyclePhases = ['idea', 'requirements', 'implementation', 'operation', 'phase_out', 'retired'] as const;
export const criticalities = ['low', 'medium', 'high', 'critical'] as const;
export const hostingKinds = ['on_premises', 'saas', 'private_cloud', 'public_cloud', 'hybrid'] as const;
export const dpaStatuses = ['not_needed', 'missing', 'in_progress', 'signed', 'expired'] as const;

export type LifecyclePhase = (typeof lifecyclePhases)[number];
export type Criticality = (typeof criticalities)[number];
export type HostingKind = (typeof hostingKinds)[number];
export type DpaStatus = (typeof dpaStatuses)[number];

export interface Ref {
  id: string;
  name: string;
}

export interface LicencePool {
  licenceType: string;
  count: number;
  unitPrice: number;
}

export interface SystemSummary {
  id: string;
  name: string;
  lifecyclePhase: LifecyclePhase;
  criticality: Criticality;
  supplier: string | null;
  owner: Ref | null;
  owningUnit: Ref | null;
  annualCost: number | null;
  dpaStatus: DpaStatus;
  updatedAt: string;
}

export interface SystemDetail extends SystemSummary {
  description: string;
  administrator: Ref | null;
  hosting: HostingKind | null;
  licences: (LicencePool & { id: string })[];
  licenceCost: number;
  version: number;
  createdAt: string;
}

export interface SystemInput {
  name: string;
  description: string;
  lifecyclePhase: LifecyclePhase;
  criticality: Criticality;
  ownerPersonId: string | null;
  administratorPersonId: string | null;
  owningUnitId: string | null;
  supplier: string | null;
  hosting: HostingKind | null;
  annualCost: number | null;
  dpaStatus: DpaStatus;
  licences: LicencePool[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface SystemFacets {
  suppliers: string[];
  owners: Ref[];
  units: Ref[];
}

export const systemSortKeys = ['name', 'lifecyclePhase', 'criticality', 'supplier', 'annualCost', 'updatedAt'] as const;
export type SystemSortKey = (typeof systemSortKeys)[number];

export interface SystemListQuery {
  search?: string;
  lifecyclePhase?: LifecyclePhase;
  criticality?: Criticality;
  ownerPersonId?: string;
  owningUnitId?: string;
  supplier?: string;
  sort: SystemSortKey;
  order: 'asc' | 'desc';
  page: number;
  pageSize?: number;
}
