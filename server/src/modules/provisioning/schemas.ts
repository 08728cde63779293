import { z } from 'zod';
import { batchStates, connectorKinds, operationActions, operationStates } from './tables.ts';

export const idParams = z.object({ id: z.uuid({ message: 'Ugyldig id' }) });
export const systemParams = z.object({ systemId: z.uuid({ message: 'Ugyldig system-id' }) });

export const operation = z.object({
  id: z.string(),
  batchId: z.string(),
  personId: z.string(),
  personName: z.string(),
  username: z.string().nullable(),
  employeeNumber: z.string(),
  email: z.string().nullable(),
  systemId: z.string(),
  systemName: z.string(),
  systemRoleId: z.string().nullable(),
  systemRoleName: z.string().nullable(),
  targetGroup: z.string().nullable(),
  action: z.enum(operationActions),
  state: z.enum(operationStates),
  reason: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  outcome: z.string().nullable(),
  completedBy: z.string().nullable(),
  completedAt: z.string().nullable(),
  updatedAt: z.string(),
});

export const operationQuery = z.object({
  state: z.enum(operationStates).optional(),
  systemId: z.uuid().optional(),
  batchId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const operationPage = z.object({ items: z.array(operation), total: z.number(), page: z.number(), pageSize: z.number() });

export const overview = z.object({
  operations: z.record(z.enum(operationStates), z.number()),
  heldBatches: z.number(),
});

export const batch = z.object({
  id: z.string(),
  origin: z.string(),
  state: z.enum(batchStates),
  holdReason: z.string().nullable(),
  grantCount: z.number(),
  revokeCount: z.number(),
  otherCount: z.number(),
  threshold: z.number().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const batchDetail = batch.extend({ operations: z.array(operation) });
export const batchQuery = z.object({ state: z.enum(batchStates).optional() });

export const connector = z.object({
  systemId: z.string(),
  systemName: z.string(),
  kind: z.enum(connectorKinds).nullable(),
  settings: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
  hasSecrets: z.boolean(),
});

export const connectorInput = z.object({
  kind: z.enum(connectorKinds),
  settings: z.record(z.string(), z.unknown()).default({}),
  secrets: z.record(z.string(), z.string().max(4000)).optional(),
  enabled: z.boolean().default(true),
});

export const settings = z.object({
  massRemovalPercent: z.number().int().min(0, 'Prosenten kan ikke være negativ').max(100),
  massRemovalMinimum: z.number().int().min(0, 'Minimum kan ikke være negativt').max(1_000_000),
  /** Access changes pushed over SCIM wait for a person's approval, shown as a held batch. */
  reviewScimChanges: z.boolean().default(false),
});

export const manualTaskQuery = z.object({ systemId: z.uuid().optional() });

export const reconciliationStart = z.object({
  /** A CSV exported from the system (brukernavn;e-post;aktiv;grupper); without it the connector is read. */
  csv: z.string().max(20_000_000).optional(),
});
export const reconciliationRun = z.object({
  id: z.string(),
  systemId: z.string(),
  systemName: z.string(),
  source: z.enum(['connector', 'csv']),
  state: z.enum(['queued', 'running', 'completed', 'failed']),
  accountCount: z.number(),
  orphanCount: z.number(),
  missingCount: z.number(),
  excessCount: z.number(),
  error: z.string().nullable(),
  startedBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const finding = z.object({
  id: z.string(),
  kind: z.enum(['orphan_account', 'missing_access', 'excess_access']),
  accountId: z.string().nullable(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  systemRoleId: z.string().nullable(),
  systemRoleName: z.string().nullable(),
  username: z.string().nullable(),
  detail: z.string(),
  resolution: z.enum(['open', 'provisioned', 'revoked', 'linked', 'ignored']),
  resolvedBy: z.string().nullable(),
});
export const reconciliationDetail = reconciliationRun.extend({ jobId: z.string().nullable(), findings: z.array(finding) });
export const findingResolve = z.object({ action: z.enum(['provision', 'revoke', 'link', 'ignore']), personId: z.uuid().optional() });
