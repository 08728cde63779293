/**
 * `npm run bench:provisioning`: how fast provisioning carries joiners out into a real OpenLDAP
 * slapd, on PostgreSQL, and what the mass-removal guard costs a large removal.
 *
 * 1. N joiners (default 2,000) in two units get desired access (access `recomputePeople`, in slices),
 *    which submits batches; the time until every account and group membership exists in slapd
 *    (pg-boss jobs, one per batch × system, one LDAP connection each).
 * 2. Half of them leave (employments ended, recompute): the batch is held; time to decide and store it.
 *
 * BENCH_POSTGRES_URL picks the server (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { rememberQueue } from '../server/src/modules/access/provisioning-port.ts';
import { recomputePeople } from '../server/src/modules/access/recompute-people.ts';
import { createJobQueue } from '../server/src/modules/jobs.ts';
import { LdapConnector } from '../server/src/modules/provisioning/connectors/ldap.ts';
import { dispatchBatch } from '../server/src/modules/provisioning/submit-changes.ts';
import { tenants } from '../server/src/modules/tenants/tables.ts';
import { addDays, clock } from '../server/src/platform/clock.ts';
import { openDatabase } from '../server/src/platform/database/connection.ts';
import { inTenant, systemActor } from '../server/src/platform/database/tenant-scope.ts';
import { wireTenant } from '../test/integration/provisioning-fixture.ts';
import { createScratchDatabase } from '../test/support/scratch-postgres.ts';
import { startSlapd } from '../test/support/slapd.ts';
import { describeMachine, today as benchDay } from './support/machine.ts';
import { seconds, writeResultsSection } from './support/results.ts';

const { values: options } = parseArgs({ options: { people: { type: 'string', default: '2000' }, 'no-write': { type: 'boolean', default: false } } });
const people = Number(options.people);
const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const slice = 500;

const slapd = await startSlapd({ groups: ['larere', 'kontor'] });
const scratch = await createScratchDatabase(adminUrl, 'grunnmur_bench_provisioning');
const database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 4 });
const jobs = createJobQueue(database);
const ldap = new LdapConnector({ url: slapd.url, bindDn: slapd.rootDn, usersDn: slapd.usersDn, disabledDn: slapd.disabledDn, groupsDn: slapd.groupsDn, flavour: 'openldap' }, { bindPassword: slapd.rootPassword });

const count = async (query: ReturnType<typeof sql>) => Number(((await database.db.execute(query)) as unknown as { rows: { n: number }[] }).rows[0]!.n);

try {
  await database.migrate();
  await jobs.start();
  rememberQueue(database.db, jobs);
  const [tenant] = await database.db.insert(tenants).values({ slug: 'bench', name: 'Benk kommune' }).returning();
  const tenantId = tenant!.id;
  const actor = systemActor(tenantId, 'Benchmark');
  const wired = await wireTenant(database.db, tenantId, slapd);
  await database.executeSql(`
    insert into persons (tenant_id, employee_number, given_name, family_name, email, username)
      select '${tenantId}', 'B' || n, 'Person', 'Nummer' || n, 'p' || n || '@bench.test', 'p' || n from generate_series(1, ${people}) n;
    insert into employments (tenant_id, person_id, org_unit_id, start_date)
      select p.tenant_id, p.id, case when substr(p.employee_number, 2)::int % 2 = 0 then '${wired.schoolUnitId}'::uuid else '${wired.officeUnitId}'::uuid end, '2020-01-01'
      from persons p where p.tenant_id = '${tenantId}';`);
  const ids = ((await database.executeSql(`select id from persons where tenant_id = $1 order by employee_number`, [tenantId])).rows as { id: string }[]).map((r) => r.id);

  console.log(`${people} joiners → slapd …`);
  const started = performance.now();
  for (let i = 0; i < ids.length; i += slice) {
    const { batchId } = await recomputePeople(database.db, actor, ids.slice(i, i + slice));
    if (batchId) await dispatchBatch(jobs, actor, batchId);
  }
  const submitted = performance.now() - started;
  const operations = await count(sql`select count(*)::int as n from provisioning_operations`);
  for (;;) {
    const open = await count(sql`select count(*)::int as n from provisioning_operations where state in ('queued', 'running')`);
    if (open === 0) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const carried = performance.now() - started;
  const failed = await count(sql`select count(*)::int as n from provisioning_operations where state = 'failed'`);
  const inSlapd = (await ldap.listAccounts()).filter((a) => a.active && a.groups.length === 1).length;
  console.log(`decided and queued ${operations} operations in ${seconds(submitted)}; all carried out in ${seconds(carried)} (${Math.round(operations / (carried / 1000))} ops/s); ${inSlapd} accounts in slapd with their group; ${failed} failed`);

  console.log('Half of them leave …');
  const leavers = ids.filter((_, i) => i % 2 === 0);
  await inTenant(database.db, actor, (tx) => tx.execute(sql`update employments set end_date = ${addDays(clock.today(), -1)} where person_id in ${leavers}`));
  const guardStart = performance.now();
  let heldState = '';
  for (let i = 0; i < leavers.length; i += slice * 4) {
    const { batchId } = await recomputePeople(database.db, actor, leavers.slice(i, i + slice * 4));
    heldState = String(((await database.executeSql(`select state from provisioning_batches where id = $1`, [batchId])).rows[0] as { state: string }).state);
  }
  const guard = performance.now() - guardStart;
  const held = await count(sql`select count(*)::int as n from provisioning_operations where state = 'held'`);
  console.log(`${leavers.length} leavers recomputed and judged in ${seconds(guard)}: last batch ${heldState}, ${held} operations held; slapd still has ${(await ldap.listAccounts()).filter((a) => a.active).length} active accounts`);

  if (!options['no-write']) {
    writeResultsSection(
      'Provisioning: joiners into a real slapd, and the mass-removal guard (issue 3)',
      `Run ${benchDay()} with \`npm run bench:provisioning\` on PostgreSQL and a local OpenLDAP slapd (mdb).

- Machine: ${describeMachine()} (other work on the machine slows every figure).
- ${people.toLocaleString('en')} joiners in two units, one system role (LDAP group) each: access recompute and
  \`submitEntitlementChanges\` in slices of ${slice} decided and queued ${operations.toLocaleString('en')} operations (create account + grant)
  in **${seconds(submitted)}**; the work queue (one pg-boss job per batch × system, one LDAP connection
  each) had carried them all out into slapd **${seconds(carried)}** after the start
  (${Math.round(operations / (carried / 1000))} operations/s); ${failed} failed; ${inSlapd.toLocaleString('en')} accounts found in slapd with their group.
- Then half of them left: recomputing ${leavers.length.toLocaleString('en')} people and judging the batches took **${seconds(guard)}**; the guard
  held them (${held.toLocaleString('en')} operations held, nothing removed in slapd).`,
    );
  }
} finally {
  await ldap.close();
  await jobs.stop().catch(() => undefined);
  await database.close();
  await scratch.drop();
  await slapd.stop();
}
