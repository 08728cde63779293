/**
 * The provisioning module's front door: the access engine's differences (and the lifecycle
 * module's name changes) become a batch of operations, judged by the mass-removal guard, and are
 * then dispatched to the durable queue after the caller's transaction has committed.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/database/connection.ts';
import { inTenant, type Actor } from '../../platform/database/tenant-scope.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { desiredEntitlements, systemRoles } from '../access/tables.ts';
import { defaultGuardSettings, judgeBatch, needsAccountBase, recentRemovalWindowMinutes } from './rules/mass-removal.ts';
import {
  provisioningBatches,
  provisioningOperations,
  provisioningSettings,
  systemConnectors,
  targetAccounts,
  type OperationAction,
} from './tables.ts';
import { provisioningWorkJob, workSendOptions } from './work-job.ts';

export type EntitlementChange = { personId: string; systemRoleId: string; action: 'grant' | 'revoke'; reason: string };
export type SubmittedBatch = { batchId: string; state: 'released' | 'held' } | null;

export interface PlannedOperation {
  personId: string;
  systemId: string;
  systemRoleId: string | null;
  action: OperationAction;
  reason: string;
}

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
const pairKey = (personId: string, systemId: string) => `${personId}|${systemId}`;

async function currentTenant(tx: Executor): Promise<string> {
  const [row] = rowsOf<{ tenant: string | null }>(await tx.execute(sql`select grunnmur_current_tenant()::text as tenant`));
  if (!row?.tenant) throw new Error('submitEntitlementChanges must run inside inTenant');
  return row.tenant;
}

/** The connected systems (enabled connector) among these, with their connector kind. */
async function connectorKinds(tx: Executor, systemIds: string[]): Promise<Map<string, string>> {
  if (systemIds.length === 0) return new Map();
  const rows = await tx
    .select({ systemId: systemConnectors.systemId, kind: systemConnectors.kind })
    .from(systemConnectors)
    .where(and(inArray(systemConnectors.systemId, systemIds), eq(systemConnectors.enabled, true)));
  return new Map(rows.map((r) => [r.systemId, r.kind]));
}

export async function guardSettingsOf(tx: Executor) {
  const [row] = await tx.select().from(provisioningSettings).limit(1);
  return row ? { percent: row.massRemovalPercent, minimum: row.massRemovalMinimum, reviewScimChanges: row.reviewScimChanges } : { ...defaultGuardSettings, reviewScimChanges: false };
}

/**
 * Stores the changes as one batch of operations in the caller's transaction. Systems without a
 * connector are not provisioned (the desired state is still there for reconciliation). A batch
 * that removes more than the tenant's threshold, or a full recompute over an empty population,
 * is stored 'held' with every operation held.
 */
export async function submitEntitlementChanges(
  tx: Executor,
  input: { origin: 'full_recompute' | 'person_event'; changes: EntitlementChange[]; /** Where the event came from, when it matters: SCIM pushes may await review. */ source?: 'scim' },
): Promise<SubmittedBatch> {
  if (input.changes.length === 0) return null;
  const tenantId = await currentTenant(tx);
  const roleIds = [...new Set(input.changes.map((c) => c.systemRoleId))];
  const roles = new Map<string, string>();
  for (let i = 0; i < roleIds.length; i += 5000) {
    const slice = roleIds.slice(i, i + 5000);
    for (const r of await tx.select({ id: systemRoles.id, systemId: systemRoles.systemId }).from(systemRoles).where(inArray(systemRoles.id, slice))) roles.set(r.id, r.systemId);
  }
  const kinds = await connectorKinds(tx, [...new Set(roles.values())]);
  const changes = input.changes.filter((c) => kinds.has(roles.get(c.systemRoleId) ?? ''));
  if (changes.length === 0) return null;

  const personIds = [...new Set(changes.map((c) => c.personId))];
  const systemIds = [...new Set(changes.map((c) => roles.get(c.systemRoleId)!))];

  // What each affected person × system has: an account, an account on its way, access left after this change.
  const accounts = new Set<string>();
  const creating = new Set<string>();
  const remaining = new Map<string, number>();
  for (let i = 0; i < personIds.length; i += 5000) {
    const people = personIds.slice(i, i + 5000);
    for (const a of await tx
      .select({ personId: targetAccounts.personId, systemId: targetAccounts.systemId })
      .from(targetAccounts)
      .where(and(inArray(targetAccounts.personId, people), inArray(targetAccounts.systemId, systemIds), eq(targetAccounts.status, 'active')))) {
      accounts.add(pairKey(a.personId!, a.systemId));
    }
    for (const o of await tx
      .select({ personId: provisioningOperations.personId, systemId: provisioningOperations.systemId })
      .from(provisioningOperations)
      .where(
        and(
          inArray(provisioningOperations.personId, people),
          inArray(provisioningOperations.systemId, systemIds),
          eq(provisioningOperations.action, 'create_account'),
          inArray(provisioningOperations.state, ['queued', 'running', 'held', 'manual_pending', 'failed']),
        ),
      )) {
      creating.add(pairKey(o.personId, o.systemId));
    }
    for (const d of await tx
      .select({ personId: desiredEntitlements.personId, systemId: systemRoles.systemId, n: sql<number>`count(*)::int` })
      .from(desiredEntitlements)
      .innerJoin(systemRoles, and(eq(systemRoles.id, desiredEntitlements.systemRoleId), eq(systemRoles.tenantId, desiredEntitlements.tenantId)))
      .where(and(inArray(desiredEntitlements.personId, people), inArray(systemRoles.systemId, systemIds), eq(desiredEntitlements.state, 'active')))
      .groupBy(desiredEntitlements.personId, systemRoles.systemId)) {
      remaining.set(pairKey(d.personId, d.systemId), Number(d.n));
    }
  }

  const planned: PlannedOperation[] = [];
  const created = new Set<string>();
  const disabled = new Set<string>();
  const grants = changes.filter((c) => c.action === 'grant');
  const revokes = changes.filter((c) => c.action === 'revoke');
  for (const change of grants) {
    const systemId = roles.get(change.systemRoleId)!;
    const key = pairKey(change.personId, systemId);
    if (!accounts.has(key) && !creating.has(key) && !created.has(key)) {
      created.add(key);
      planned.push({ personId: change.personId, systemId, systemRoleId: null, action: 'create_account', reason: change.reason });
    }
    planned.push({ personId: change.personId, systemId, systemRoleId: change.systemRoleId, action: 'grant', reason: change.reason });
  }
  for (const change of revokes) {
    const systemId = roles.get(change.systemRoleId)!;
    planned.push({ personId: change.personId, systemId, systemRoleId: change.systemRoleId, action: 'revoke', reason: change.reason });
  }
  for (const change of revokes) {
    const systemId = roles.get(change.systemRoleId)!;
    const key = pairKey(change.personId, systemId);
    if ((remaining.get(key) ?? 0) === 0 && !disabled.has(key)) {
      disabled.add(key);
      planned.push({ personId: change.personId, systemId, systemRoleId: null, action: 'disable_account', reason: change.reason });
    }
  }

  const removals = new Set(revokes.map((c) => pairKey(c.personId, roles.get(c.systemRoleId)!))).size;
  const settings = await guardSettingsOf(tx);
  const recent = input.origin === 'person_event' && removals > 0 ? await recentEventRemovals(tx) : 0;
  const base = needsAccountBase(settings, removals, recent) ? await accountBase(tx, input.origin === 'person_event') : null;
  const verdict = judgeBatch(settings, {
    origin: input.origin,
    removals,
    recentRemovals: recent,
    accountBase: base ?? 0,
    activePeople: input.origin === 'full_recompute' && removals > 0 ? await activePeople(tx) : 1,
    awaitsReview: input.source === 'scim' && settings.reviewScimChanges,
  });
  return storeBatch(tx, tenantId, input.origin, planned, kinds, verdict.hold ? { reason: verdict.reason, threshold: verdict.threshold } : null, base);
}

/** Accounts (person × system) that event batches released without a human took access from lately. */
async function recentEventRemovals(tx: Executor): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`select count(distinct (o.person_id, o.system_id))::int as n
      from provisioning_batches b join provisioning_operations o on o.batch_id = b.id and o.tenant_id = b.tenant_id
      where b.state = 'released' and b.origin = 'person_event'
        and b.created_at > now() - make_interval(mins => ${recentRemovalWindowMinutes})
        and o.action in ('revoke', 'disable_account')`),
  );
  return Number(row?.n ?? 0);
}

/**
 * Accounts the tenant has: those seen or made in the target systems, else those it should have.
 * Counting them reads every desired entitlement (a million rows in a big municipality, 0.3 s), so
 * an event may use the count a batch of the last hour was judged by: the number moves slowly and
 * the threshold is a percentage of it. A full run always counts afresh.
 */
async function accountBase(tx: Executor, recentCountWillDo: boolean): Promise<number> {
  if (recentCountWillDo) {
    const [recent] = rowsOf<{ n: number }>(
      await tx.execute(sql`select account_base as n from provisioning_batches
        where account_base is not null and created_at > now() - interval '1 hour' order by created_at desc limit 1`),
    );
    if (recent) return Number(recent.n);
  }
  return countAccounts(tx);
}

async function countAccounts(tx: Executor): Promise<number> {
  const [actual] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from target_accounts where status = 'active'`));
  const [desired] = rowsOf<{ n: number }>(
    await tx.execute(sql`select count(distinct (de.person_id, sr.system_id))::int as n
      from desired_entitlements de join system_roles sr on sr.id = de.system_role_id and sr.tenant_id = de.tenant_id
      join system_connectors sc on sc.system_id = sr.system_id and sc.tenant_id = sr.tenant_id`),
  );
  return Math.max(Number(actual?.n ?? 0), Number(desired?.n ?? 0));
}

async function activePeople(tx: Executor): Promise<number> {
  const today = clock.today();
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`select count(distinct person_id)::int as n from employments
      where start_date <= ${today} and (end_date is null or end_date >= ${today})`),
  );
  return Number(row?.n ?? 0);
}

export async function storeBatch(
  tx: Executor,
  tenantId: string,
  origin: (typeof provisioningBatches.$inferInsert)['origin'],
  planned: PlannedOperation[],
  kinds: Map<string, string>,
  hold: { reason: string; threshold: number } | null,
  /** The account count the batch was judged by, when it was needed. */
  accountBase: number | null = null,
): Promise<SubmittedBatch> {
  if (planned.length === 0) return null;
  const batchId = crypto.randomUUID();
  const count = (actions: OperationAction[]) => planned.filter((p) => actions.includes(p.action)).length;
  await tx.insert(provisioningBatches).values({
    id: batchId,
    tenantId,
    origin,
    state: hold ? 'held' : 'released',
    holdReason: hold?.reason ?? null,
    threshold: hold?.threshold ?? null,
    accountBase,
    grantCount: count(['grant', 'create_account']),
    revokeCount: count(['revoke', 'disable_account']),
    otherCount: count(['update_account']),
  });
  const rows = planned.map((p, index) => ({
    tenantId,
    batchId,
    personId: p.personId,
    systemId: p.systemId,
    systemRoleId: p.systemRoleId,
    action: p.action,
    reason: p.reason.slice(0, 500),
    state: hold ? ('held' as const) : kinds.get(p.systemId) === 'manual' ? ('manual_pending' as const) : ('queued' as const),
    idempotencyKey: `${batchId}:${index}:${p.action}:${p.personId}:${p.systemId}:${p.systemRoleId ?? '-'}`,
  }));
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(provisioningOperations).values(rows.slice(i, i + 1000));
  return { batchId, state: hold ? 'held' : 'released' };
}

/**
 * Name or e-mail changes [nytt om navn]: an update (and rename) in every connected system where
 * the person has an account. Inside the caller's transaction; sent by the pending-work sweep or
 * `dispatchBatch`.
 */
export async function submitAccountUpdates(tx: Executor, personIds: string[]): Promise<SubmittedBatch> {
  const unique = [...new Set(personIds)];
  if (unique.length === 0) return null;
  const tenantId = await currentTenant(tx);
  const pairs = new Map<string, { personId: string; systemId: string }>();
  for (let i = 0; i < unique.length; i += 5000) {
    const people = unique.slice(i, i + 5000);
    for (const a of await tx
      .select({ personId: targetAccounts.personId, systemId: targetAccounts.systemId })
      .from(targetAccounts)
      .where(and(inArray(targetAccounts.personId, people), eq(targetAccounts.status, 'active')))) {
      pairs.set(pairKey(a.personId!, a.systemId), { personId: a.personId!, systemId: a.systemId });
    }
  }
  const kinds = await connectorKinds(tx, [...new Set([...pairs.values()].map((p) => p.systemId))]);
  const planned = [...pairs.values()]
    .filter((p) => kinds.has(p.systemId))
    .map((p) => ({ ...p, systemRoleId: null, action: 'update_account' as const, reason: 'Navn eller e-post er endret' }));
  return storeBatch(tx, tenantId, 'account_update', planned, kinds, null);
}

/** Sends a released batch's queued operations to the work queue, one job per system. */
export async function dispatchBatch(jobs: JobQueue, actor: Actor, batchId: string): Promise<void> {
  const groups = await inTenant(jobs.database.db, actor, (tx) =>
    tx
      .selectDistinct({ systemId: provisioningOperations.systemId })
      .from(provisioningOperations)
      .where(and(eq(provisioningOperations.batchId, batchId), eq(provisioningOperations.state, 'queued'))),
  );
  for (const group of groups) await jobs.send(provisioningWorkJob, actor, { batchId, ...group }, workSendOptions());
}

/**
 * Sends the tenant's queued operations again (e.g. account updates queued inside another module's
 * transaction, or work whose job was lost). `olderThanSeconds` leaves alone what was queued just
 * now and is probably on its way; sending twice is harmless, as each operation is claimed once.
 */
export async function dispatchPending(jobs: JobQueue, actor: Actor, olderThanSeconds = 0): Promise<number> {
  const batches = await inTenant(jobs.database.db, actor, (tx) =>
    tx
      .selectDistinct({ batchId: provisioningOperations.batchId })
      .from(provisioningOperations)
      .where(and(eq(provisioningOperations.state, 'queued'), sql`${provisioningOperations.updatedAt} <= now() - make_interval(secs => ${olderThanSeconds})`)),
  );
  for (const { batchId } of batches) await dispatchBatch(jobs, actor, batchId);
  return batches.length;
}
