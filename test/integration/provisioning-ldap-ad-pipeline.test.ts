/**
 * The Active Directory flavour through the whole pipeline (HR file → recompute → work queue →
 * connector), against slapd with the AD imitation schema: joiners become enabled AD users in their
 * groups, a leaver is disabled (userAccountControl 514) and leaves them. The connector's own cases
 * for both flavours are in provisioning-ldap.test.ts.
 */
import { Client } from 'ldapts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rememberQueue } from '../../server/src/modules/access/provisioning-port.ts';
import { recomputeNow } from '../../server/src/modules/identity/downstream.ts';
import { applyHrRun, previewHrFile } from '../../server/src/modules/identity/hr-import.ts';
import { LdapConnector } from '../../server/src/modules/provisioning/connectors/ldap.ts';
import { persons } from '../../server/src/modules/org/tables.ts';
import { provisioningOperations } from '../../server/src/modules/provisioning/tables.ts';
import { inTenant, systemActor } from '../../server/src/platform/database/tenant-scope.ts';
import { slapdUnavailable, startSlapd, type Slapd } from '../support/slapd.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { hrCsv, until, wireTenant, type Wired } from './provisioning-fixture.ts';

const skip = slapdUnavailable();
process.env.GRUNNMUR_PROVISIONING_RETRY_DELAY = '1';

describe.skipIf(skip)('provisioning from HR to an (imitated) Active Directory', () => {
  let t: TestApp;
  let slapd: Slapd;
  let tenantId: string;
  let wired: Wired;
  let ldap: LdapConnector;
  let raw: Client;
  const actor = () => systemActor(tenantId, 'Provisjoneringstest AD');
  const people = [2000, 2001, 2002, 2003];

  async function importHr(numbers: number[]) {
    const preview = await previewHrFile(t.database.db, actor(), hrCsv(numbers), 'hr.csv');
    const applied = await applyHrRun(t.database.db, actor(), preview.runId);
    await recomputeNow(t.database.db, actor(), applied.personIds);
  }
  const operations = () => inTenant(t.database.db, actor(), (tx) => tx.select().from(provisioningOperations));
  const usernameOf = async (employeeNumber: number) => {
    const [row] = await inTenant(t.database.db, actor(), (tx) => tx.select({ username: persons.username }).from(persons).where(eq(persons.employeeNumber, String(employeeNumber))));
    return row!.username!;
  };
  const uacOf = async (username: string) => {
    const { searchEntries } = await raw.search(slapd.suffix, { filter: `(sAMAccountName=${username})`, attributes: ['userAccountControl'] });
    return searchEntries[0]?.userAccountControl;
  };

  beforeAll(async () => {
    slapd = await startSlapd({ groups: ['larere', 'kontor'], flavour: 'active_directory' });
    t = await createTestApp({ workJobs: true, env: { GRUNNMUR_RATE_LIMIT: '1000000', LOG_LEVEL: 'fatal' } });
    rememberQueue(t.database.db, t.jobs);
    tenantId = await t.createTenant('prov-ad', 'AD kommune');
    wired = await wireTenant(t.database.db, tenantId, slapd, { flavour: 'active_directory', upnSuffix: 'kommune.no' });
    ldap = new LdapConnector({ url: slapd.url, bindDn: slapd.rootDn, usersDn: slapd.usersDn, disabledDn: slapd.disabledDn, groupsDn: slapd.groupsDn, flavour: 'active_directory', upnSuffix: 'kommune.no' }, { bindPassword: slapd.rootPassword });
    raw = new Client({ url: slapd.url });
    await raw.bind(slapd.rootDn, slapd.rootPassword);
  }, 60_000);
  afterAll(async () => {
    await ldap?.close();
    await raw?.unbind().catch(() => undefined);
    await t?.close();
    await slapd?.stop();
  });

  it('makes every joiner an enabled AD user (userAccountControl 512) in the group of their unit', async () => {
    await importHr(people);
    const accounts = await until(() => ldap.listAccounts(), (list) => list.filter((a) => a.active).length === 4);
    await until(operations, (ops) => ops.length > 0 && ops.every((o) => o.state === 'done'));
    const school = await usernameOf(2000);
    const office = await usernameOf(2001);
    expect(accounts.find((a) => a.username === school)?.groups).toEqual([wired.teacherGroup]);
    expect(accounts.find((a) => a.username === office)?.groups).toEqual([wired.officeGroup]);
    expect(await uacOf(school)).toBe('512');
  }, 120_000);

  it('disables a leaver with userAccountControl 514 and takes them out of their groups', async () => {
    const leaver = await usernameOf(2003);
    await importHr(people.slice(0, 3));
    const accounts = await until(
      () => ldap.listAccounts(),
      (list) => list.find((a) => a.username === leaver)?.active === false,
    );
    expect(accounts.find((a) => a.username === leaver)).toMatchObject({ active: false, groups: [] });
    expect(accounts.filter((a) => a.active)).toHaveLength(3);
    expect(await uacOf(leaver)).toBe('514');
    await until(operations, (ops) => ops.every((o) => o.state === 'done'));
  }, 120_000);
});
