import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantOwned, timestamps } from '../../platform/database/columns.ts';
import { systemRoles } from '../access/tables.ts';
import { systems } from '../catalogue/tables.ts';
import { persons } from '../org/tables.ts';

export const connectorKinds = ['scim', 'ldap', 'manual'] as const;
export type ConnectorKind = (typeof connectorKinds)[number];

/**
 * How the platform reaches one system's accounts [kobling]. `settings` holds the kind's options;
 * secrets (bind password, bearer token) live in `system_connector_secrets`, which the API never
 * returns and the audit log never copies.
 */
export const systemConnectors = pgTable(
  'system_connectors',
  {
    ...tenantOwned,
    systemId: uuid('system_id')
      .notNull()
      .references(() => systems.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: connectorKinds }).notNull().default('manual'),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    /** When the secrets were last set (the secrets themselves are kept apart and never audited). */
    secretsSetAt: timestamp('secrets_set_at', { withTimezone: true }),
    /** Off: changes are still recorded but not carried out (kept queued). */
    enabled: boolean('enabled').notNull().default(true),
    ...timestamps,
  },
  (table) => [uniqueIndex('system_connectors_system_idx').on(table.tenantId, table.systemId)],
);

/** A connector's secrets, apart from its settings so that audit rows never carry them. */
export const systemConnectorSecrets = pgTable(
  'system_connector_secrets',
  {
    ...tenantOwned,
    connectorId: uuid('connector_id')
      .notNull()
      .references(() => systemConnectors.id, { onDelete: 'cascade' }),
    secrets: jsonb('secrets').$type<Record<string, string>>().notNull().default({}),
    ...timestamps,
  },
  (table) => [uniqueIndex('system_connector_secrets_connector_idx').on(table.tenantId, table.connectorId)],
);

export const batchOrigins = ['full_recompute', 'person_event', 'account_update', 'reconciliation', 'manual'] as const;
export const batchStates = ['released', 'held', 'approved', 'rejected'] as const;
export type BatchState = (typeof batchStates)[number];

/** One set of changes decided together; the mass-removal guard holds or releases it as a whole. */
export const provisioningBatches = pgTable(
  'provisioning_batches',
  {
    ...tenantOwned,
    origin: text('origin', { enum: batchOrigins }).notNull(),
    state: text('state', { enum: batchStates }).notNull().default('released'),
    /** Why the guard held it, in Norwegian for the approver; null when released. */
    holdReason: text('hold_reason'),
    grantCount: integer('grant_count').notNull().default(0),
    revokeCount: integer('revoke_count').notNull().default(0),
    otherCount: integer('other_count').notNull().default(0),
    /** The removal threshold in force when the batch was judged, and the account base it was measured against. */
    threshold: integer('threshold'),
    accountBase: integer('account_base'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [index('provisioning_batches_state_idx').on(table.tenantId, table.state, table.createdAt)],
);

export const operationActions = ['create_account', 'update_account', 'grant', 'revoke', 'disable_account'] as const;
export type OperationAction = (typeof operationActions)[number];
export const operationStates = ['queued', 'running', 'done', 'failed', 'manual_pending', 'held', 'discarded'] as const;
export type OperationState = (typeof operationStates)[number];

/** One piece of work for one connector: durable, retried, idempotent by `idempotency_key`. */
export const provisioningOperations = pgTable(
  'provisioning_operations',
  {
    ...tenantOwned,
    batchId: uuid('batch_id')
      .notNull()
      .references(() => provisioningBatches.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    systemId: uuid('system_id')
      .notNull()
      .references(() => systems.id, { onDelete: 'cascade' }),
    /** The access module's system role, for grant and revoke. */
    systemRoleId: uuid('system_role_id').references(() => systemRoles.id, { onDelete: 'set null' }),
    action: text('action', { enum: operationActions }).notNull(),
    state: text('state', { enum: operationStates }).notNull().default('queued'),
    reason: text('reason').notNull().default(''),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    idempotencyKey: text('idempotency_key').notNull(),
    /** What the connector reported (e.g. the account's external id, "already in the group"). */
    outcome: text('outcome'),
    completedBy: text('completed_by'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('provisioning_operations_key_idx').on(table.tenantId, table.idempotencyKey),
    index('provisioning_operations_state_idx').on(table.tenantId, table.state, table.systemId),
    index('provisioning_operations_batch_idx').on(table.tenantId, table.batchId),
    index('provisioning_operations_person_idx').on(table.tenantId, table.personId),
  ],
);

export const targetAccountStatuses = ['active', 'disabled'] as const;

/** An account as it actually exists in a target system, last read by reconciliation or written by a connector. */
export const targetAccounts = pgTable(
  'target_accounts',
  {
    ...tenantOwned,
    systemId: uuid('system_id')
      .notNull()
      .references(() => systems.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => persons.id, { onDelete: 'set null' }),
    username: text('username').notNull(),
    externalId: text('external_id'),
    status: text('status', { enum: targetAccountStatuses }).notNull().default('active'),
    observedAt: timestamp('observed_at', { withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('target_accounts_username_idx').on(table.tenantId, table.systemId, table.username),
    index('target_accounts_person_idx').on(table.tenantId, table.personId),
  ],
);

/** A system role (group) an existing account holds in the target system. */
export const targetAccountRoles = pgTable(
  'target_account_roles',
  {
    ...tenantOwned,
    accountId: uuid('account_id')
      .notNull()
      .references(() => targetAccounts.id, { onDelete: 'cascade' }),
    systemRoleId: uuid('system_role_id')
      .notNull()
      .references(() => systemRoles.id, { onDelete: 'cascade' }),
    observedAt: timestamp('observed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('target_account_roles_idx').on(table.tenantId, table.accountId, table.systemRoleId)],
);

/** A municipality's provisioning settings; one row per tenant, defaults when absent. */
export const provisioningSettings = pgTable(
  'provisioning_settings',
  {
    ...tenantOwned,
    /** A batch removing more than max(percent of accounts, minimum) is held for approval. */
    massRemovalPercent: integer('mass_removal_percent').notNull().default(2),
    massRemovalMinimum: integer('mass_removal_minimum').notNull().default(25),
    /** Access changes from SCIM pushes (joiners, movers, leavers) wait for a person to approve them. */
    reviewScimChanges: boolean('review_scim_changes').notNull().default(false),
    ...timestamps,
  },
  (table) => [uniqueIndex('provisioning_settings_tenant_idx').on(table.tenantId)],
);

export const reconciliationStates = ['queued', 'running', 'completed', 'failed'] as const;

/** One reading of a system's actual accounts compared with desired access. */
export const reconciliationRuns = pgTable(
  'reconciliation_runs',
  {
    ...tenantOwned,
    systemId: uuid('system_id')
      .notNull()
      .references(() => systems.id, { onDelete: 'cascade' }),
    source: text('source', { enum: ['connector', 'csv'] }).notNull(),
    state: text('state', { enum: reconciliationStates }).notNull().default('queued'),
    jobId: uuid('job_id'),
    accountCount: integer('account_count').notNull().default(0),
    orphanCount: integer('orphan_count').notNull().default(0),
    missingCount: integer('missing_count').notNull().default(0),
    excessCount: integer('excess_count').notNull().default(0),
    error: text('error'),
    startedBy: text('started_by').notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [index('reconciliation_runs_system_idx').on(table.tenantId, table.systemId, table.createdAt)],
);

export const findingKinds = ['orphan_account', 'missing_access', 'excess_access'] as const;
export type FindingKind = (typeof findingKinds)[number];
export const findingResolutions = ['open', 'provisioned', 'revoked', 'linked', 'ignored'] as const;

/** A difference between what a system has and what people should have [avvik]. */
export const reconciliationFindings = pgTable(
  'reconciliation_findings',
  {
    ...tenantOwned,
    runId: uuid('run_id')
      .notNull()
      .references(() => reconciliationRuns.id, { onDelete: 'cascade' }),
    systemId: uuid('system_id')
      .notNull()
      .references(() => systems.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: findingKinds }).notNull(),
    accountId: uuid('account_id').references(() => targetAccounts.id, { onDelete: 'set null' }),
    personId: uuid('person_id').references(() => persons.id, { onDelete: 'set null' }),
    systemRoleId: uuid('system_role_id').references(() => systemRoles.id, { onDelete: 'set null' }),
    username: text('username'),
    detail: text('detail').notNull().default(''),
    resolution: text('resolution', { enum: findingResolutions }).notNull().default('open'),
    resolvedBy: text('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [index('reconciliation_findings_run_idx').on(table.tenantId, table.runId, table.kind)],
);
