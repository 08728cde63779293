/** Reads and commands behind the provisioning routes: queue, held batches, manual tasks, connectors. */
import Papa from 'papaparse';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { systemRoles } from '../access/tables.ts';
import { systems } from '../catalogue/tables.ts';
import { persons } from '../org/tables.ts';
import { ldapSettingsSchema } from './connectors/ldap.ts';
import { scimSettingsSchema } from './connectors/scim.ts';
import { defaultGuardSettings } from './rules/mass-removal.ts';
import {
  operationStates,
  provisioningBatches,
  provisioningOperations,
  provisioningSettings,
  systemConnectorSecrets,
  systemConnectors,
  type OperationState,
} from './tables.ts';
import { accountDataOf, recordAccount } from './work-job.ts';

export async function overview(tx: Executor) {
  const byState = await tx.select({ state: provisioningOperations.state, n: count() }).from(provisioningOperations).groupBy(provisioningOperations.state);
  const counts = Object.fromEntries(operationStates.map((s) => [s, 0])) as Record<OperationState, number>;
  for (const row of byState) counts[row.state] = Number(row.n);
  const [held] = await tx.select({ n: count() }).from(provisioningBatches).where(eq(provisioningBatches.state, 'held'));
  return { operations: counts, heldBatches: Number(held?.n ?? 0) };
}

const operationColumns = {
  id: provisioningOperations.id,
  batchId: provisioningOperations.batchId,
  personId: provisioningOperations.personId,
  personName: sql<string>`${persons.givenName} || ' ' || ${persons.familyName}`,
  username: persons.username,
  employeeNumber: persons.employeeNumber,
  email: persons.email,
  systemId: provisioningOperations.systemId,
  systemName: systems.name,
  systemRoleId: provisioningOperations.systemRoleId,
  systemRoleName: systemRoles.name,
  targetGroup: systemRoles.targetGroup,
  action: provisioningOperations.action,
  state: provisioningOperations.state,
  reason: provisioningOperations.reason,
  attempts: provisioningOperations.attempts,
  lastError: provisioningOperations.lastError,
  outcome: provisioningOperations.outcome,
  completedBy: provisioningOperations.completedBy,
  completedAt: provisioningOperations.completedAt,
  updatedAt: provisioningOperations.updatedAt,
};

function operationsQuery(tx: Executor) {
  return tx
    .select(operationColumns)
    .from(provisioningOperations)
    .innerJoin(persons, eq(persons.id, provisioningOperations.personId))
    .innerJoin(systems, eq(systems.id, provisioningOperations.systemId))
    .leftJoin(systemRoles, eq(systemRoles.id, provisioningOperations.systemRoleId));
}

export async function listOperations(tx: Executor, query: { state?: OperationState; systemId?: string; batchId?: string; page: number; pageSize: number }) {
  const where = and(
    query.state ? eq(provisioningOperations.state, query.state) : undefined,
    query.systemId ? eq(provisioningOperations.systemId, query.systemId) : undefined,
    query.batchId ? eq(provisioningOperations.batchId, query.batchId) : undefined,
  );
  const items = await operationsQuery(tx)
    .where(where)
    .orderBy(desc(provisioningOperations.updatedAt), asc(provisioningOperations.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.select({ n: count() }).from(provisioningOperations).where(where);
  return { items, total: Number(total?.n ?? 0), page: query.page, pageSize: query.pageSize };
}

/** A failed operation back in the queue with fresh attempts; the caller dispatches it after commit. */
export async function retryOperation(tx: Executor, id: string) {
  const [op] = await tx.select().from(provisioningOperations).where(eq(provisioningOperations.id, id));
  if (!op) throw new AppError('not_found', 'Fant ikke denne provisjoneringsoppgaven.');
  if (op.state !== 'failed') throw new AppError('conflict', 'Bare oppgaver som har feilet kan prøves på nytt.');
  await tx.update(provisioningOperations).set({ state: 'queued', attempts: 0, updatedAt: new Date() }).where(eq(provisioningOperations.id, id));
  return op.batchId;
}

export async function listBatches(tx: Executor, state?: (typeof provisioningBatches.$inferSelect)['state']) {
  return tx
    .select()
    .from(provisioningBatches)
    .where(state ? eq(provisioningBatches.state, state) : undefined)
    .orderBy(desc(provisioningBatches.createdAt))
    .limit(100);
}

export async function getBatch(tx: Executor, id: string) {
  const [batch] = await tx.select().from(provisioningBatches).where(eq(provisioningBatches.id, id));
  if (!batch) throw new AppError('not_found', 'Fant ikke denne kjøringen.');
  const operations = await operationsQuery(tx).where(eq(provisioningOperations.batchId, id)).orderBy(asc(systems.name), asc(persons.familyName)).limit(5000);
  return { ...batch, operations };
}

/** A person approves or rejects a held batch; approval releases its operations to the queue. */
export async function decideBatch(tx: Executor, id: string, decision: 'approve' | 'reject', actorName: string) {
  const [batch] = await tx.select().from(provisioningBatches).where(eq(provisioningBatches.id, id)).for('update');
  if (!batch) throw new AppError('not_found', 'Fant ikke denne kjøringen.');
  if (batch.state !== 'held') throw new AppError('conflict', 'Kjøringen venter ikke lenger på godkjenning.');
  await tx
    .update(provisioningBatches)
    .set({ state: decision === 'approve' ? 'approved' : 'rejected', decidedBy: actorName, decidedAt: new Date(), updatedAt: new Date() })
    .where(eq(provisioningBatches.id, id));
  if (decision === 'reject') {
    await tx.update(provisioningOperations).set({ state: 'discarded', updatedAt: new Date() }).where(and(eq(provisioningOperations.batchId, id), eq(provisioningOperations.state, 'held')));
    return;
  }
  const manual = tx.select({ id: systemConnectors.systemId }).from(systemConnectors).where(eq(systemConnectors.kind, 'manual'));
  await tx
    .update(provisioningOperations)
    .set({ state: sql`case when ${provisioningOperations.systemId} in (${manual}) then 'manual_pending' else 'queued' end`, updatedAt: new Date() })
    .where(and(eq(provisioningOperations.batchId, id), eq(provisioningOperations.state, 'held')));
}

export async function manualTasks(tx: Executor, systemId?: string) {
  return operationsQuery(tx)
    .where(and(eq(provisioningOperations.state, 'manual_pending'), systemId ? eq(provisioningOperations.systemId, systemId) : undefined))
    .orderBy(asc(systems.name), asc(provisioningOperations.createdAt))
    .limit(2000);
}

const actionLabels: Record<string, string> = {
  create_account: 'Opprett konto',
  update_account: 'Oppdater konto',
  grant: 'Gi tilgang',
  revoke: 'Fjern tilgang',
  disable_account: 'Deaktiver konto',
};

/** The manual tasks of a system as CSV (semicolon, as Norwegian Excel expects). */
export async function manualTasksCsv(tx: Executor, systemId?: string): Promise<string> {
  const tasks = await manualTasks(tx, systemId);
  return Papa.unparse(
    {
      fields: ['oppgave_id', 'system', 'handling', 'rolle', 'gruppe', 'person', 'ansattnummer', 'brukernavn', 'epost', 'begrunnelse', 'registrert'],
      data: tasks.map((t) => [t.id, t.systemName, actionLabels[t.action] ?? t.action, t.systemRoleName ?? '', t.targetGroup ?? '', t.personName, t.employeeNumber, t.username ?? '', t.email ?? '', t.reason, t.updatedAt.toISOString()]),
    },
    { delimiter: ';', escapeFormulae: true },
  );
}

/** The system administrator has done it by hand: the operation is done (audited by the trigger). */
export async function completeManualTask(tx: Executor, id: string, actorName: string) {
  const [op] = await tx.select().from(provisioningOperations).where(eq(provisioningOperations.id, id)).for('update');
  if (!op) throw new AppError('not_found', 'Fant ikke denne oppgaven.');
  if (op.state !== 'manual_pending') throw new AppError('conflict', 'Oppgaven er ikke lenger åpen.');
  await tx
    .update(provisioningOperations)
    .set({ state: 'done', attempts: op.attempts + 1, outcome: 'Utført manuelt', completedBy: actorName, completedAt: new Date(), updatedAt: new Date() })
    .where(eq(provisioningOperations.id, id));
  const [person] = await tx.select().from(persons).where(eq(persons.id, op.personId));
  if (person) await recordAccount(tx, op, accountDataOf(person).username);
}

export async function listConnectors(tx: Executor) {
  const rows = await tx
    .select({
      systemId: systems.id,
      systemName: systems.name,
      connectorId: systemConnectors.id,
      kind: systemConnectors.kind,
      settings: systemConnectors.settings,
      enabled: systemConnectors.enabled,
      secretsSetAt: systemConnectors.secretsSetAt,
    })
    .from(systems)
    .leftJoin(systemConnectors, eq(systemConnectors.systemId, systems.id))
    .orderBy(asc(systems.name));
  return rows.map((r) => ({ ...r, kind: r.kind ?? null, settings: r.settings ?? {}, enabled: r.enabled ?? false, hasSecrets: Boolean(r.secretsSetAt) }));
}

export interface ConnectorInput {
  kind: 'scim' | 'ldap' | 'manual';
  settings: Record<string, unknown>;
  /** Omitted: keep the stored secrets. */
  secrets?: Record<string, string>;
  enabled: boolean;
}

/** Sets a system's connector. Settings are checked for the kind; secrets are stored apart and never returned. */
export async function saveConnector(tx: Executor, tenantId: string, systemId: string, input: ConnectorInput) {
  const [system] = await tx.select({ id: systems.id }).from(systems).where(eq(systems.id, systemId));
  if (!system) throw new AppError('not_found', 'Fant ikke systemet.');
  const schema = input.kind === 'ldap' ? ldapSettingsSchema : input.kind === 'scim' ? scimSettingsSchema : null;
  const parsed = schema ? schema.safeParse(input.settings) : { success: true as const, data: {} };
  if (!parsed.success) {
    throw new AppError(
      'validation_failed',
      'Innstillingene for koblingen er ikke gyldige.',
      parsed.error.issues.map((i) => ({ field: `settings.${i.path.join('.')}`, message: i.message })),
    );
  }
  const [connector] = await tx
    .insert(systemConnectors)
    .values({ tenantId, systemId, kind: input.kind, settings: parsed.data as Record<string, unknown>, enabled: input.enabled, ...(input.secrets ? { secretsSetAt: new Date() } : {}) })
    .onConflictDoUpdate({
      target: [systemConnectors.tenantId, systemConnectors.systemId],
      set: { kind: input.kind, settings: parsed.data as Record<string, unknown>, enabled: input.enabled, updatedAt: new Date(), ...(input.secrets ? { secretsSetAt: new Date() } : {}) },
    })
    .returning();
  if (input.secrets) {
    await tx
      .insert(systemConnectorSecrets)
      .values({ tenantId, connectorId: connector!.id, secrets: input.secrets })
      .onConflictDoUpdate({ target: [systemConnectorSecrets.tenantId, systemConnectorSecrets.connectorId], set: { secrets: input.secrets, updatedAt: new Date() } });
  }
  return (await listConnectors(tx)).find((c) => c.systemId === systemId)!;
}

export async function getSettings(tx: Executor) {
  const [row] = await tx.select().from(provisioningSettings).limit(1);
  return {
    massRemovalPercent: row?.massRemovalPercent ?? defaultGuardSettings.percent,
    massRemovalMinimum: row?.massRemovalMinimum ?? defaultGuardSettings.minimum,
    reviewScimChanges: row?.reviewScimChanges ?? false,
  };
}

export async function saveSettings(tx: Executor, tenantId: string, input: { massRemovalPercent: number; massRemovalMinimum: number; reviewScimChanges: boolean }) {
  await tx
    .insert(provisioningSettings)
    .values({ tenantId, ...input })
    .onConflictDoUpdate({ target: [provisioningSettings.tenantId], set: { ...input, updatedAt: new Date() } });
  return getSettings(tx);
}

