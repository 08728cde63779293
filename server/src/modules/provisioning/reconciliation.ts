/**
 * Reconciliation [avstemming]: read the accounts a system actually has (LDAP search, SCIM list or
 * a CSV from the system) into target_accounts/target_account_roles, compare with desired access,
 * and store the differences as findings, each with an action.
 */
import Papa from 'papaparse';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../platform/database/connection.ts';
import { inTenant, type Actor } from '../../platform/database/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { JobDefinition, JobQueue } from '../../platform/jobs/job-queue.ts';
import { desiredEntitlements, systemRoles } from '../access/tables.ts';
import { systems } from '../catalogue/tables.ts';
import { persons } from '../org/tables.ts';
import { createConnector } from './connectors/index.ts';
import type { ObservedAccount } from './connectors/types.ts';
import { compareAccess } from './rules/compare.ts';
import { judgeBatch } from './rules/mass-removal.ts';
import { guardSettingsOf, storeBatch } from './submit-changes.ts';
import {
  reconciliationFindings,
  reconciliationRuns,
  systemConnectorSecrets,
  systemConnectors,
  targetAccountRoles,
  targetAccounts,
} from './tables.ts';

const payload = z.object({ runId: z.uuid(), csv: z.string().optional() });

/** Reads a system's CSV: brukernavn;e-post;aktiv;grupper (groups separated by "|"). Row problems name their line. */
export function parseAccountsCsv(text: string): ObservedAccount[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim().toLowerCase() });
  const problems: { line: number; field: string; message: string }[] = [];
  const pick = (row: Record<string, string>, ...names: string[]) => names.map((n) => row[n]).find((v) => v !== undefined)?.trim() ?? '';
  const accounts = parsed.data.map((row, index) => {
    const username = pick(row, 'brukernavn', 'username', 'uid');
    if (!username) problems.push({ line: index + 2, field: 'brukernavn', message: 'Brukernavn mangler' });
    const active = pick(row, 'aktiv', 'active').toLowerCase();
    return {
      username,
      externalId: pick(row, 'id', 'external_id') || username,
      active: !['nei', 'no', 'false', '0', 'deaktivert'].includes(active),
      email: pick(row, 'e-post', 'epost', 'email', 'mail') || null,
      displayName: pick(row, 'navn', 'name') || null,
      groups: pick(row, 'grupper', 'groups').split('|').map((g) => g.trim()).filter(Boolean),
    };
  });
  if (!parsed.meta.fields?.some((f) => ['brukernavn', 'username', 'uid'].includes(f))) problems.push({ line: 1, field: 'brukernavn', message: 'Filen mangler kolonnen «brukernavn»' });
  if (problems.length) throw new AppError('import_rejected', `Kontofilen har ${problems.length} feil, og ingenting er lest inn.`, problems.slice(0, 50));
  return accounts;
}

export const reconcileJob: JobDefinition<z.infer<typeof payload>> = {
  name: 'provisioning-reconcile',
  payload,
  async handle({ runId, csv }, context) {
    const { db } = context.database;
    const setRun = (values: Partial<typeof reconciliationRuns.$inferInsert>) =>
      inTenant(db, context.actor, (tx) => tx.update(reconciliationRuns).set({ ...values, updatedAt: new Date() }).where(eq(reconciliationRuns.id, runId)));
    try {
      await setRun({ state: 'running' });
      const run = await inTenant(db, context.actor, async (tx) => {
        const [row] = await tx.select().from(reconciliationRuns).where(eq(reconciliationRuns.id, runId));
        const [connector] = row ? await tx.select().from(systemConnectors).where(eq(systemConnectors.systemId, row.systemId)) : [];
        const [secret] = connector ? await tx.select().from(systemConnectorSecrets).where(eq(systemConnectorSecrets.connectorId, connector.id)) : [];
        return row ? { ...row, connector, secrets: secret?.secrets ?? {} } : null;
      });
      if (!run) throw new Error('Avstemmingen finnes ikke lenger');
      let observed: ObservedAccount[];
      if (csv !== undefined) observed = parseAccountsCsv(csv);
      else {
        if (!run.connector || run.connector.kind === 'manual') throw new Error('Systemet har ingen automatisk kobling; last opp en CSV-fil fra systemet i stedet.');
        const connector = createConnector(run.connector.kind, run.connector.settings, run.secrets);
        try {
          observed = await connector.listAccounts();
        } finally {
          await connector.close();
        }
      }
      await context.reportProgress(0, observed.length);
      const counts = await inTenant(db, context.actor, (tx) => storeObservation(tx, context.actor.tenantId, runId, run.systemId, observed));
      await context.reportProgress(observed.length, observed.length);
      await setRun({ state: 'completed', finishedAt: new Date(), accountCount: observed.length, ...counts });
      return { accounts: observed.length, ...counts };
    } catch (error) {
      await setRun({ state: 'failed', error: error instanceof AppError ? `${error.detail} ${error.problems.map((p) => `linje ${p.line}: ${p.message}`).join('; ')}` : (error as Error).message, finishedAt: new Date() });
      throw error;
    }
  },
};

/** Replaces the system's account mirror with what was read, and records the differences. */
async function storeObservation(tx: Executor, tenantId: string, runId: string, systemId: string, observed: ObservedAccount[]) {
  const roles = await tx.select({ id: systemRoles.id, name: systemRoles.name, targetGroup: systemRoles.targetGroup }).from(systemRoles).where(eq(systemRoles.systemId, systemId));
  const roleByGroup = new Map(roles.filter((r) => r.targetGroup).map((r) => [r.targetGroup!.toLowerCase(), r.id]));
  const existing = await tx.select().from(targetAccounts).where(eq(targetAccounts.systemId, systemId));
  const existingByName = new Map(existing.map((a) => [a.username.toLowerCase(), a]));
  const people = await tx.select({ id: persons.id, username: persons.username, email: persons.email }).from(persons);
  const byUsername = new Map(people.filter((p) => p.username).map((p) => [p.username!.toLowerCase(), p.id]));
  const byEmail = new Map(people.filter((p) => p.email).map((p) => [p.email!.toLowerCase(), p.id]));

  const seen = new Set<string>();
  const actual = [];
  for (const account of observed) {
    const key = account.username.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const previous = existingByName.get(key);
    // A link a person made by hand (linking an orphan) stands; otherwise match by username, then e-mail.
    const personId = previous?.personId ?? byUsername.get(key) ?? (account.email ? byEmail.get(account.email.toLowerCase()) : undefined) ?? null;
    const status = account.active ? ('active' as const) : ('disabled' as const);
    let accountId = previous?.id;
    if (previous) {
      await tx.update(targetAccounts).set({ personId, externalId: account.externalId, status, observedAt: new Date(), updatedAt: new Date() }).where(eq(targetAccounts.id, previous.id));
      await tx.delete(targetAccountRoles).where(eq(targetAccountRoles.accountId, previous.id));
    } else {
      const [row] = await tx.insert(targetAccounts).values({ tenantId, systemId, personId, username: account.username, externalId: account.externalId, status }).returning({ id: targetAccounts.id });
      accountId = row!.id;
    }
    const roleIds = [...new Set(account.groups.map((g) => roleByGroup.get(g.toLowerCase())).filter((id): id is string => Boolean(id)))];
    if (roleIds.length) await tx.insert(targetAccountRoles).values(roleIds.map((systemRoleId) => ({ tenantId, accountId: accountId!, systemRoleId })));
    actual.push({ accountId: accountId!, username: account.username, personId, active: account.active, roleIds });
  }
  const gone = existing.filter((a) => !seen.has(a.username.toLowerCase())).map((a) => a.id);
  if (gone.length) await tx.delete(targetAccounts).where(inArray(targetAccounts.id, gone));

  const desired = roles.length
    ? await tx
        .select({ personId: desiredEntitlements.personId, systemRoleId: desiredEntitlements.systemRoleId })
        .from(desiredEntitlements)
        .where(and(inArray(desiredEntitlements.systemRoleId, roles.map((r) => r.id)), eq(desiredEntitlements.state, 'active')))
    : [];
  const findings = compareAccess(actual, desired, new Map(roles.map((r) => [r.id, r.name])));
  for (let i = 0; i < findings.length; i += 1000) {
    await tx.insert(reconciliationFindings).values(findings.slice(i, i + 1000).map((f) => ({ tenantId, runId, systemId, ...f })));
  }
  return {
    orphanCount: findings.filter((f) => f.kind === 'orphan_account').length,
    missingCount: findings.filter((f) => f.kind === 'missing_access').length,
    excessCount: findings.filter((f) => f.kind === 'excess_access').length,
  };
}

/** Starts a reading of a system (from its connector, or from an uploaded CSV). After commit: send. */
export async function startReconciliation(jobs: JobQueue, actor: Actor, systemId: string, csv?: string) {
  if (csv !== undefined) parseAccountsCsv(csv); // a bad file is refused before anything is stored
  const run = await inTenant(jobs.database.db, actor, async (tx) => {
    const [system] = await tx.select({ id: systems.id }).from(systems).where(eq(systems.id, systemId));
    if (!system) throw new AppError('not_found', 'Fant ikke systemet.');
    if (csv === undefined) {
      const [connector] = await tx.select().from(systemConnectors).where(eq(systemConnectors.systemId, systemId));
      if (!connector || connector.kind === 'manual') throw new AppError('validation_failed', 'Systemet har ingen automatisk kobling. Last opp en CSV-fil med kontoene fra systemet.');
    }
    const [row] = await tx.insert(reconciliationRuns).values({ tenantId: actor.tenantId, systemId, source: csv === undefined ? 'connector' : 'csv', startedBy: actor.actorName }).returning();
    return row!;
  });
  const jobId = await jobs.send(reconcileJob, actor, { runId: run.id, ...(csv === undefined ? {} : { csv }) }, { retryLimit: 0 });
  await inTenant(jobs.database.db, actor, (tx) => tx.update(reconciliationRuns).set({ jobId }).where(eq(reconciliationRuns.id, run.id)));
  return { runId: run.id, jobId };
}

/** The latest run of each system that has been reconciled. */
export async function reconciliationSummary(tx: Executor) {
  const latest = await tx.execute(sql`select distinct on (r.system_id) r.id, r.system_id as "systemId", s.name as "systemName", r.source, r.state,
      r.account_count as "accountCount", r.orphan_count as "orphanCount", r.missing_count as "missingCount", r.excess_count as "excessCount",
      r.error, r.started_by as "startedBy", r.created_at as "createdAt", r.finished_at as "finishedAt"
    from reconciliation_runs r join systems s on s.id = r.system_id and s.tenant_id = r.tenant_id
    order by r.system_id, r.created_at desc`);
  return (latest as unknown as { rows: Record<string, unknown>[] }).rows;
}

export async function getRun(tx: Executor, id: string) {
  const [run] = await tx.select().from(reconciliationRuns).where(eq(reconciliationRuns.id, id));
  if (!run) throw new AppError('not_found', 'Fant ikke avstemmingen.');
  const findings = await tx
    .select({
      id: reconciliationFindings.id,
      kind: reconciliationFindings.kind,
      accountId: reconciliationFindings.accountId,
      personId: reconciliationFindings.personId,
      personName: sql<string | null>`${persons.givenName} || ' ' || ${persons.familyName}`,
      systemRoleId: reconciliationFindings.systemRoleId,
      systemRoleName: systemRoles.name,
      username: reconciliationFindings.username,
      detail: reconciliationFindings.detail,
      resolution: reconciliationFindings.resolution,
      resolvedBy: reconciliationFindings.resolvedBy,
    })
    .from(reconciliationFindings)
    .leftJoin(persons, eq(persons.id, reconciliationFindings.personId))
    .leftJoin(systemRoles, eq(systemRoles.id, reconciliationFindings.systemRoleId))
    .where(eq(reconciliationFindings.runId, id))
    .orderBy(reconciliationFindings.kind, reconciliationFindings.username)
    .limit(5000);
  const [system] = await tx.select({ name: systems.name }).from(systems).where(eq(systems.id, run.systemId));
  return { ...run, systemName: system?.name ?? '', findings };
}

export async function latestRuns(tx: Executor, systemId: string) {
  return tx.select().from(reconciliationRuns).where(eq(reconciliationRuns.systemId, systemId)).orderBy(desc(reconciliationRuns.createdAt)).limit(20);
}

export const findingActions = ['provision', 'revoke', 'link', 'ignore'] as const;
export type FindingAction = (typeof findingActions)[number];

/**
 * Acts on a finding: provision (create/grant) missing access, revoke (or disable) excess access,
 * link an orphan account to a person, or ignore it. Work goes through the queue and the
 * mass-removal guard like any other; returns a batch to dispatch after commit.
 */
export async function resolveFinding(tx: Executor, tenantId: string, id: string, action: FindingAction, actorName: string, personId?: string): Promise<string | null> {
  const [finding] = await tx.select().from(reconciliationFindings).where(eq(reconciliationFindings.id, id)).for('update');
  if (!finding) throw new AppError('not_found', 'Fant ikke avviket.');
  if (finding.resolution !== 'open') throw new AppError('conflict', 'Avviket er allerede behandlet.');
  const allowed: Record<string, FindingAction[]> = { orphan_account: ['link', 'revoke', 'ignore'], missing_access: ['provision', 'ignore'], excess_access: ['revoke', 'ignore'] };
  if (!allowed[finding.kind]!.includes(action)) throw new AppError('validation_failed', 'Denne handlingen passer ikke for dette avviket.');
  let batchId: string | null = null;
  const resolution = { provision: 'provisioned', revoke: 'revoked', link: 'linked', ignore: 'ignored' } as const;
  if (action === 'link') {
    if (!personId || !finding.accountId) throw new AppError('validation_failed', 'Velg personen kontoen hører til.', [{ field: 'personId', message: 'Velg en person' }]);
    const [person] = await tx.select({ id: persons.id }).from(persons).where(eq(persons.id, personId));
    if (!person) throw new AppError('validation_failed', 'Fant ikke personen.', [{ field: 'personId', message: 'Fant ikke personen' }]);
    await tx.update(targetAccounts).set({ personId, updatedAt: new Date() }).where(eq(targetAccounts.id, finding.accountId));
  } else if (action !== 'ignore') {
    const [connector] = await tx.select().from(systemConnectors).where(eq(systemConnectors.systemId, finding.systemId));
    if (!connector) throw new AppError('validation_failed', 'Systemet har ingen kobling å utføre endringen med.');
    const target = finding.personId ?? (finding.accountId ? (await tx.select({ p: targetAccounts.personId }).from(targetAccounts).where(eq(targetAccounts.id, finding.accountId)))[0]?.p : null);
    if (!target) throw new AppError('validation_failed', 'Kontoen hører ikke til noen person. Koble den til en person først, eller deaktiver den i systemet.');
    const reason = `Avstemming: ${finding.detail}`;
    const planned =
      action === 'provision'
        ? [
            ...(finding.accountId ? [] : [{ personId: target, systemId: finding.systemId, systemRoleId: null, action: 'create_account' as const, reason }]),
            { personId: target, systemId: finding.systemId, systemRoleId: finding.systemRoleId, action: 'grant' as const, reason },
          ]
        : [{ personId: target, systemId: finding.systemId, systemRoleId: finding.systemRoleId, action: finding.systemRoleId ? ('revoke' as const) : ('disable_account' as const), reason }];
    const [base] = await tx.select({ n: sql<number>`count(*)::int` }).from(targetAccounts).where(eq(targetAccounts.status, 'active'));
    const verdict = judgeBatch(await guardSettingsOf(tx), { origin: 'reconciliation', removals: action === 'revoke' ? 1 : 0, accountBase: Number(base?.n ?? 0), activePeople: 1 });
    const stored = await storeBatch(tx, tenantId, 'reconciliation', planned, new Map([[finding.systemId, connector.kind]]), verdict.hold ? { reason: verdict.reason, threshold: verdict.threshold } : null);
    batchId = stored?.state === 'released' ? stored.batchId : null;
  }
  await tx
    .update(reconciliationFindings)
    .set({ resolution: resolution[action], resolvedBy: actorName, resolvedAt: new Date(), updatedAt: new Date() })
    .where(eq(reconciliationFindings.id, id));
  return batchId;
}

