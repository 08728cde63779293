import { z } from 'zod';
import { criticalities, dpaStatuses, hostingKinds, lifecyclePhases } from './tables.ts';

export const licencePoolInput = z.object({
  licenceType: z.string().trim().min(1, 'Lisenstype må fylles ut').max(200),
  count: z.number().int().min(0, 'Antall kan ikke være negativt'),
  unitPrice: z.number().min(0, 'Pris kan ikke være negativ'),
});

export const systemInput = z.object({
  name: z.string().trim().min(1, 'Navn må fylles ut').max(200),
  description: z.string().max(10_000).default(''),
  lifecyclePhase: z.enum(lifecyclePhases),
  criticality: z.enum(criticalities),
  ownerPersonId: z.uuid().nullable().default(null),
  administratorPersonId: z.uuid().nullable().default(null),
  owningUnitId: z.uuid().nullable().default(null),
  supplier: z.string().trim().max(200).nullable().default(null),
  hosting: z.enum(hostingKinds).nullable().default(null),
  annualCost: z.number().min(0, 'Kostnad kan ikke være negativ').nullable().default(null),
  dpaStatus: z.enum(dpaStatuses),
  licences: z.array(licencePoolInput).max(100).default([]),
});
export type SystemInput = z.infer<typeof systemInput>;

export const systemUpdate = systemInput.extend({
  /** The version the editor started from; a stale one is refused so nobody overwrites another. */
  version: z.number().int().positive(),
});

export const systemSortKeys = ['name', 'lifecyclePhase', 'criticality', 'supplier', 'annualCost', 'updatedAt'] as const;

export const systemListQuery = z.object({
  search: z.string().trim().max(200).optional(),
  lifecyclePhase: z.enum(lifecyclePhases).optional(),
  criticality: z.enum(criticalities).optional(),
  ownerPersonId: z.uuid().optional(),
  owningUnitId: z.uuid().optional(),
  supplier: z.string().max(200).optional(),
  sort: z.enum(systemSortKeys).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type SystemListQuery = z.infer<typeof systemListQuery>;

const personRef = z.object({ id: z.uuid(), name: z.string() }).nullable();
const unitRef = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const systemSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  lifecyclePhase: z.enum(lifecyclePhases),
  criticality: z.enum(criticalities),
  supplier: z.string().nullable(),
  owner: personRef,
  owningUnit: unitRef,
  annualCost: z.number().nullable(),
  dpaStatus: z.enum(dpaStatuses),
  updatedAt: z.string(),
});

export const systemDetail = systemSummary.extend({
  description: z.string(),
  administrator: personRef,
  hosting: z.enum(hostingKinds).nullable(),
  licences: z.array(licencePoolInput.extend({ id: z.uuid() })),
  licenceCost: z.number(),
  version: z.number().int(),
  createdAt: z.string(),
});

export const systemPage = z.object({
  items: z.array(systemSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const systemFacets = z.object({
  suppliers: z.array(z.string()),
  owners: z.array(z.object({ id: z.uuid(), name: z.string() })),
  units: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

export const idParams = z.object({ id: z.uuid({ message: 'Ugyldig id' }) });
