/**
 * The joiner → mover → leaver story, end to end against a real OpenLDAP slapd: the HR file comes
 * in through the lifecycle module, the access engine works out desired access, provisioning
 * carries it out, and the accounts and groups in slapd follow. A future-dated transfer is carried
 * out on its date by the daily lifecycle run, with the clock moved by the test.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rememberQueue } from '../../server/src/modules/access/provisioning-port.ts';
import { recomputeNow } from '../../server/src/modules/identity/downstream.ts';
import { applyHrRun, previewHrFile } from '../../server/src/modules/identity/hr-import.ts';
import { runDueChanges, scheduleChange } from '../../server/src/modules/identity/lifecycle.ts';
import { persons } from '../../server/src/modules/org/tables.ts';
import { LdapConnector } from '../../server/src/modules/provisioning/connectors/ldap.ts';
import type { ObservedAccount } from '../../server/src/modules/provisioning/connectors/types.ts';
import { dispatchPending } from '../../server/src/modules/provisioning/submit-changes.ts';
import { resetClock, setClock } from '../../server/src/platform/clock.ts';
import { inTenant, systemActor } from '../../server/src/platform/database/tenant-scope.ts';
import { slapdUnavailable, startSlapd, type Slapd } from '../support/slapd.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { until, wireTenant, type Wired } from './provisioning-fixture.ts';

const skip = slapdUnavailable();
process.env.GRUNNMUR_PROVISIONING_RETRY_DELAY = '1';

type Row = [number: string, given: string, family: string, unit: 'SKOLE' | 'KONTOR'];
const csv = (rows: Row[]) =>
  new TextEncoder().encode(
    ['ansattnummer;fornavn;etternavn;enhetskode;stilling;leder;startdato;sluttdato', ...rows.map(([n, g, f, u]) => `${n};${g};${f};${u};${u === 'SKOLE' ? 'Lærer' : 'Rådgiver'};;2020-01-01;`)].join('\n') + '\n',
  );

describe.skipIf(skip)('joiner → mover → leaver, from the HR file to slapd', () => {
  let t: TestApp;
  let slapd: Slapd;
  let ldap: LdapConnector;
  let tenantId: string;
  let wired: Wired;
  const actor = () => systemActor(tenantId, 'Livsløpshistorie');

  async function hrFile(rows: Row[]) {
    const preview = await previewHrFile(t.database.db, actor(), csv(rows), 'hr.csv');
    const applied = await applyHrRun(t.database.db, actor(), preview.runId);
    await recomputeNow(t.database.db, actor(), applied.personIds);
    // Name changes are queued by the lifecycle module inside its transaction; the sweep sends them.
    await dispatchPending(t.jobs, actor());
    return preview;
  }
  const person = async (employeeNumber: string) => {
    const [row] = await inTenant(t.database.db, actor(), (tx) => tx.select().from(persons).where(eq(persons.employeeNumber, employeeNumber)));
    return row!;
  };
  const accounts = () => ldap.listAccounts();
  const accountOf = (list: ObservedAccount[], username: string) => list.find((a) => a.username === username);

  beforeAll(async () => {
    setClock('2027-01-04');
    slapd = await startSlapd({ groups: ['larere', 'kontor'] });
    t = await createTestApp({ workJobs: true, env: { GRUNNMUR_RATE_LIMIT: '1000000', LOG_LEVEL: 'fatal' } });
    rememberQueue(t.database.db, t.jobs);
    tenantId = await t.createTenant('historie', 'Historie kommune');
    wired = await wireTenant(t.database.db, tenantId, slapd);
    ldap = new LdapConnector({ url: slapd.url, bindDn: slapd.rootDn, usersDn: slapd.usersDn, disabledDn: slapd.disabledDn, groupsDn: slapd.groupsDn, flavour: 'openldap' }, { bindPassword: slapd.rootPassword });
  }, 60_000);
  afterAll(async () => {
    resetClock();
    await ldap?.close();
    await t?.close();
    await slapd?.stop();
  });

  const kari: Row = ['3001', 'Kari', 'Nordmann', 'SKOLE'];
  const ola: Row = ['3002', 'Ola', 'Berg', 'KONTOR'];
  const per: Row = ['3003', 'Per', 'Dahl', 'SKOLE'];

  it('joiners: the HR file creates their accounts in slapd, in the groups their units give', async () => {
    const preview = await hrFile([kari, ola, per]);
    expect(preview.counts).toMatchObject({ joiners: 3 });
    const [k, o, p] = [await person('3001'), await person('3002'), await person('3003')];
    const list = await until(accounts, (l) => l.filter((a) => a.active && a.groups.length > 0).length === 3);
    expect(accountOf(list, k.username!)).toMatchObject({ active: true, email: k.email, groups: [wired.teacherGroup] });
    expect(accountOf(list, o.username!)).toMatchObject({ active: true, groups: [wired.officeGroup] });
    expect(accountOf(list, p.username!)).toMatchObject({ active: true, groups: [wired.teacherGroup] });
  }, 120_000);

  it('mover: a new unit in the HR file moves the account from one group to the other', async () => {
    await hrFile([kari, ['3002', 'Ola', 'Berg', 'SKOLE'], per]);
    const o = await person('3002');
    const list = await until(accounts, (l) => accountOf(l, o.username!)?.groups.join() === wired.teacherGroup);
    expect(accountOf(list, o.username!)).toMatchObject({ active: true, groups: [wired.teacherGroup] });
  }, 120_000);

  it('name change: a new family name renames the account (modifyDN) and it keeps its groups', async () => {
    const before = (await person('3001')).username!;
    await hrFile([['3001', 'Kari', 'Hansen', 'SKOLE'], ['3002', 'Ola', 'Berg', 'SKOLE'], per]);
    const after = await person('3001');
    expect(after.username).not.toBe(before);
    const list = await until(accounts, (l) => Boolean(accountOf(l, after.username!)));
    expect(accountOf(list, before)).toBeUndefined();
    expect(accountOf(list, after.username!)).toMatchObject({ active: true, email: after.email, groups: [wired.teacherGroup] });
  }, 120_000);

  it('future-dated transfer: nothing happens before its date; on the date the daily run moves the account', async () => {
    const p = await person('3003');
    await inTenant(t.database.db, actor(), (tx) => scheduleChange(tx, actor(), { personId: p.id, kind: 'transfer', effectiveDate: '2027-01-11', newOrgUnitId: wired.officeUnitId }));
    const early = await runDueChanges(t.database.db, actor());
    expect(early.changesDone).toBe(0);
    await recomputeNow(t.database.db, actor(), early.personIds);
    await new Promise((r) => setTimeout(r, 1000));
    expect(accountOf(await accounts(), p.username!)?.groups).toEqual([wired.teacherGroup]);

    setClock('2027-01-11');
    const due = await runDueChanges(t.database.db, actor());
    expect(due.changesDone).toBe(1);
    await recomputeNow(t.database.db, actor(), due.personIds);
    const list = await until(accounts, (l) => accountOf(l, p.username!)?.groups.join() === wired.officeGroup);
    expect(accountOf(list, p.username!)).toMatchObject({ active: true, groups: [wired.officeGroup] });
  }, 120_000);

  it('leaver: gone from the HR file, the account is disabled and leaves every group', async () => {
    const o = await person('3002');
    await hrFile([['3001', 'Kari', 'Hansen', 'SKOLE'], ['3003', 'Per', 'Dahl', 'KONTOR']]);
    const list = await until(accounts, (l) => accountOf(l, o.username!)?.active === false);
    expect(accountOf(list, o.username!)).toMatchObject({ active: false, groups: [], externalId: `uid=${o.username},${slapd.disabledDn}` });
    expect(list.filter((a) => a.active)).toHaveLength(2);
  }, 120_000);
});
