/**
 * The durable half of provisioning: one pg-boss job per system of a batch carries out each
 * person's operations in order (create, update, grant, revoke, disable). An operation is claimed
 * by moving it from 'queued' to 'running', so a job sent twice does the work once; a done operation
 * is never run again; connectors check the target's current state before they act. A failure puts
 * the operation back to 'queued' and throws, so pg-boss retries with back-off; after the last
 * attempt (or an error retrying cannot fix) it is 'failed' with its error, for a person to retry.
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../platform/database/connection.ts';
import { inTenant, type Actor } from '../../platform/database/tenant-scope.ts';
import type { JobDefinition, SendOptions } from '../../platform/jobs/job-queue.ts';
import { systemRoles } from '../access/tables.ts';
import { persons } from '../org/tables.ts';
import { createConnector } from './connectors/index.ts';
import { ConnectorError, type AccountData, type Connector, type Outcome } from './connectors/types.ts';
import {
  provisioningOperations,
  systemConnectorSecrets,
  systemConnectors,
  targetAccountRoles,
  targetAccounts,
  type OperationAction,
} from './tables.ts';

export const maxAttempts = 5;

/** Retry with back-off: 10 s, 20 s, 40 s, 80 s by default (GRUNNMUR_PROVISIONING_RETRY_DELAY sets the first, in seconds). */
export function workSendOptions(): SendOptions {
  const delay = Number(process.env.GRUNNMUR_PROVISIONING_RETRY_DELAY ?? 10);
  return { track: false, retryLimit: maxAttempts - 1, retryDelay: Number.isFinite(delay) && delay >= 0 ? delay : 10, retryBackoff: true };
}

const payload = z.object({ batchId: z.uuid(), systemId: z.uuid() });
export type WorkPayload = z.infer<typeof payload>;

const actionOrder: Record<OperationAction, number> = { create_account: 0, update_account: 1, grant: 2, revoke: 3, disable_account: 4 };

/** Connectors for tests that reach a target the settings cannot describe; by system id. */
const connectorOverrides = new Map<string, () => Connector>();
export function overrideConnector(systemId: string, factory: (() => Connector) | null): void {
  if (factory) connectorOverrides.set(systemId, factory);
  else connectorOverrides.delete(systemId);
}

/** One job per batch × system: one connection to the target serves every person of the batch. */
export const provisioningWorkJob: JobDefinition<WorkPayload> = {
  name: 'provisioning-work',
  payload,
  async handle(work, context) {
    const result = await runSystemWork(context.database.db, context.actor, work);
    if (result.retry) throw new Error(result.retry);
    return result;
  },
};

type Claimed = typeof provisioningOperations.$inferSelect;

/** The person as the target system should see them. */
export function accountDataOf(person: { username: string | null; email: string | null; givenName: string; familyName: string; employeeNumber: string }, externalId?: string | null): AccountData {
  return {
    username: person.username ?? person.employeeNumber.toLowerCase(),
    email: person.email,
    givenName: person.givenName,
    familyName: person.familyName,
    employeeNumber: person.employeeNumber,
    externalId: externalId ?? null,
  };
}

type Result = { op: Claimed; outcome?: Outcome; error?: string; permanent?: boolean };

/**
 * Runs one system's queued operations of a batch, person by person, each person's in order.
 * Returns `retry` (an error message) when an operation failed and has attempts left, so that the
 * job throws and pg-boss retries it (only what is still queued runs again).
 */
export async function runSystemWork(db: Executor, actor: Actor, work: WorkPayload): Promise<{ done: number; failed: number; retry?: string }> {
  const loaded = await inTenant(db, actor, async (tx) => {
    const claimed = await tx
      .update(provisioningOperations)
      .set({ state: 'running', updatedAt: new Date() })
      .where(
        and(
          eq(provisioningOperations.batchId, work.batchId),
          eq(provisioningOperations.systemId, work.systemId),
          or(
            eq(provisioningOperations.state, 'queued'),
            // A worker that died mid-operation leaves it running; take it over after ten minutes.
            and(eq(provisioningOperations.state, 'running'), sql`${provisioningOperations.updatedAt} < now() - interval '10 minutes'`),
          ),
        ),
      )
      .returning();
    if (claimed.length === 0) return null;
    const personIds = [...new Set(claimed.map((o) => o.personId))];
    const people = new Map((await tx.select().from(persons).where(inArray(persons.id, personIds))).map((p) => [p.id, p]));
    const [connector] = await tx.select().from(systemConnectors).where(eq(systemConnectors.systemId, work.systemId));
    const [secret] = connector ? await tx.select().from(systemConnectorSecrets).where(eq(systemConnectorSecrets.connectorId, connector.id)) : [];
    const accounts = new Map(
      (await tx.select().from(targetAccounts).where(and(eq(targetAccounts.systemId, work.systemId), inArray(targetAccounts.personId, personIds)))).map((a) => [a.personId!, a]),
    );
    const roleIds = [...new Set(claimed.map((o) => o.systemRoleId).filter((id): id is string => Boolean(id)))];
    const groups = new Map(
      roleIds.length ? (await tx.select({ id: systemRoles.id, targetGroup: systemRoles.targetGroup }).from(systemRoles).where(inArray(systemRoles.id, roleIds))).map((r) => [r.id, r.targetGroup]) : [],
    );
    return { claimed, people, connector, secrets: secret?.secrets ?? {}, accounts, groups };
  });
  if (!loaded) return { done: 0, failed: 0 };
  const { claimed, people, connector: connectorRow, secrets, accounts, groups } = loaded;

  const byPerson = new Map<string, Claimed[]>();
  for (const op of claimed) byPerson.set(op.personId, [...(byPerson.get(op.personId) ?? []), op]);
  const results: Result[] = [];
  const fail = (op: Claimed, error: unknown): Result => ({ op, error: error instanceof Error ? error.message : String(error), permanent: error instanceof ConnectorError && error.permanent });
  let connector: Connector | undefined;
  try {
    if (!connectorRow) throw new ConnectorError('Systemet har ingen kobling', true);
    connector = connectorOverrides.get(work.systemId)?.() ?? createConnector(connectorRow.kind, connectorRow.settings, secrets);
    for (const [personId, ops] of byPerson) {
      const person = people.get(personId);
      if (!person) {
        results.push(fail(ops[0]!, new ConnectorError('Personen finnes ikke lenger', true)));
        continue;
      }
      const account = accounts.get(personId);
      const data = accountDataOf(person, account?.externalId);
      for (const op of ops.sort((a, b) => actionOrder[a.action] - actionOrder[b.action])) {
        try {
          results.push({ op, outcome: await execute(connector, op, data, account?.username ?? null, groups) });
        } catch (error) {
          results.push(fail(op, error));
          break; // this person's later operations wait for this one
        }
      }
    }
  } catch (error) {
    // No connection at all: every claimed operation shares the error.
    for (const op of claimed) if (!results.some((r) => r.op.id === op.id)) results.push(fail(op, error));
  } finally {
    await connector?.close();
  }

  let retry: string | undefined;
  await inTenant(db, actor, async (tx) => {
    const finished = new Set<string>();
    for (const { op, outcome, error, permanent } of results) {
      finished.add(op.id);
      if (outcome) {
        await tx
          .update(provisioningOperations)
          .set({ state: 'done', attempts: op.attempts + 1, outcome: outcome.note, lastError: null, completedBy: actor.actorName, completedAt: new Date(), updatedAt: new Date() })
          .where(eq(provisioningOperations.id, op.id));
        const person = people.get(op.personId);
        if (person) await recordAccount(tx, op, accountDataOf(person).username, outcome.externalId);
      } else {
        const attempts = op.attempts + 1;
        const final = permanent || attempts >= maxAttempts;
        await tx
          .update(provisioningOperations)
          .set({ state: final ? 'failed' : 'queued', attempts, lastError: error ?? 'Ukjent feil', updatedAt: new Date() })
          .where(eq(provisioningOperations.id, op.id));
        if (!final) retry = error;
      }
    }
    // Operations not reached wait in the queue behind the one that failed.
    const waiting = claimed.filter((op) => !finished.has(op.id)).map((op) => op.id);
    if (waiting.length) await tx.update(provisioningOperations).set({ state: 'queued' }).where(inArray(provisioningOperations.id, waiting));
  });
  return { done: results.filter((r) => r.outcome).length, failed: results.filter((r) => r.error).length, ...(retry ? { retry } : {}) };
}

async function execute(connector: Connector, op: Claimed, data: AccountData, knownUsername: string | null, groups: Map<string, string | null>): Promise<Outcome> {
  switch (op.action) {
    case 'create_account':
      return connector.createAccount(data);
    case 'update_account':
      return knownUsername && knownUsername !== data.username ? connector.renameAccount(knownUsername, data) : connector.updateAccount(data);
    case 'disable_account':
      return connector.disableAccount(data);
    case 'grant':
    case 'revoke': {
      const group = op.systemRoleId ? groups.get(op.systemRoleId) : null;
      if (!group) return { note: 'Systemrollen har ingen gruppe i målsystemet; ingenting å gjøre der' };
      return op.action === 'grant' ? connector.addToGroup(data, group) : connector.removeFromGroup(data, group);
    }
  }
}

/** Keeps the mirror of the target system (target_accounts/roles) in step with what was done. */
export async function recordAccount(tx: Executor, op: { tenantId: string; personId: string; systemId: string; systemRoleId: string | null; action: OperationAction }, username: string, externalId?: string) {
  const [existing] = await tx
    .select()
    .from(targetAccounts)
    .where(and(eq(targetAccounts.systemId, op.systemId), or(eq(targetAccounts.personId, op.personId), eq(targetAccounts.username, username))));
  let accountId = existing?.id;
  const status = op.action === 'disable_account' ? ('disabled' as const) : ('active' as const);
  if (!existing) {
    if (op.action === 'disable_account' || op.action === 'revoke') return;
    const [row] = await tx
      .insert(targetAccounts)
      .values({ tenantId: op.tenantId, systemId: op.systemId, personId: op.personId, username, externalId: externalId ?? null, status, observedAt: new Date() })
      .returning({ id: targetAccounts.id });
    accountId = row!.id;
  } else {
    const nextStatus = op.action === 'create_account' || op.action === 'disable_account' ? status : existing.status;
    await tx
      .update(targetAccounts)
      .set({ personId: op.personId, username, status: nextStatus, ...(externalId ? { externalId } : {}), observedAt: new Date(), updatedAt: new Date() })
      .where(eq(targetAccounts.id, existing.id));
  }
  if (op.action === 'disable_account') await tx.delete(targetAccountRoles).where(eq(targetAccountRoles.accountId, accountId!));
  if (op.systemRoleId && op.action === 'grant') {
    await tx.insert(targetAccountRoles).values({ tenantId: op.tenantId, accountId: accountId!, systemRoleId: op.systemRoleId }).onConflictDoNothing();
  }
  if (op.systemRoleId && op.action === 'revoke') {
    await tx.delete(targetAccountRoles).where(and(eq(targetAccountRoles.accountId, accountId!), eq(targetAccountRoles.systemRoleId, op.systemRoleId)));
  }
}
