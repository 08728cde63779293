import { z } from 'zod';
import { criticalities } from '../catalogue/tables.ts';
import {
  integrationKinds,
  integrationModes,
  personalDataCategories,
  sensitivities,
  serviceAudiences,
  technologyKinds,
} from './tables.ts';

export const idParams = z.object({ id: z.uuid() });
const name = z.string().trim().min(1, 'Navn må fylles ut').max(200);
const description = z.string().max(10_000).default('');
const ids = z.array(z.uuid()).max(1000).default([]);
const version = z.number().int().positive();

export const listQuery = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type ListQuery = z.infer<typeof listQuery>;

const ref = z.object({ id: z.uuid(), name: z.string() });

export const serviceInput = z.object({
  name,
  description,
  audience: z.enum(serviceAudiences).default('citizens'),
  criticality: z.enum(criticalities).default('medium'),
  ownerPersonId: z.uuid().nullable().default(null),
  owningUnitId: z.uuid().nullable().default(null),
  systemIds: ids,
  processIds: ids,
});
export type ServiceInput = z.infer<typeof serviceInput>;
export const serviceDetail = serviceInput.extend({
  id: z.uuid(),
  version: z.number().int(),
  owner: ref.nullable(),
  owningUnit: ref.nullable(),
  systems: z.array(ref),
  updatedAt: z.string(),
});

export const informationObjectInput = z.object({
  name,
  description,
  personalDataCategory: z.enum(personalDataCategories).default('none'),
  sensitivity: z.enum(sensitivities).default('internal'),
  ownerPersonId: z.uuid().nullable().default(null),
  /** Systems that hold it. */
  systemIds: ids,
});
export type InformationObjectInput = z.infer<typeof informationObjectInput>;
export const informationObjectDetail = informationObjectInput.extend({
  id: z.uuid(),
  version: z.number().int(),
  owner: ref.nullable(),
  systems: z.array(ref),
  updatedAt: z.string(),
});

export const integrationInput = z.object({
  name,
  description,
  fromSystemId: z.uuid({ error: 'Velg systemet dataene kommer fra' }),
  toSystemId: z.uuid({ error: 'Velg systemet dataene går til' }),
  kind: z.enum(integrationKinds).default('api'),
  mode: z.enum(integrationModes).default('sync'),
  frequency: z.string().trim().max(200).default(''),
  informationObjectIds: ids,
});
export type IntegrationInput = z.infer<typeof integrationInput>;
export const integrationDetail = integrationInput.extend({
  id: z.uuid(),
  version: z.number().int(),
  fromSystem: ref,
  toSystem: ref,
  informationObjects: z.array(ref),
  updatedAt: z.string(),
});

export const technologyInput = z.object({
  name,
  description,
  kind: z.enum(technologyKinds).default('server'),
  provider: z.string().trim().max(200).default(''),
  location: z.string().trim().max(200).default(''),
  /** Systems that run on it. */
  systemIds: ids,
});
export type TechnologyInput = z.infer<typeof technologyInput>;
export const technologyDetail = technologyInput.extend({
  id: z.uuid(),
  version: z.number().int(),
  systems: z.array(ref),
  updatedAt: z.string(),
});

export const withVersion = <T extends z.ZodObject>(schema: T) => schema.extend({ version });

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const pickList = z.object({ items: z.array(ref) });
