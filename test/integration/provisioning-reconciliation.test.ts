import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rememberQueue } from '../../server/src/modules/access/provisioning-port.ts';
import { recomputeNow } from '../../server/src/modules/identity/downstream.ts';
import { applyHrRun, previewHrFile } from '../../server/src/modules/identity/hr-import.ts';
import { LdapConnector } from '../../server/src/modules/provisioning/connectors/ldap.ts';
import { persons } from '../../server/src/modules/org/tables.ts';
import { inTenant, systemActor } from '../../server/src/platform/database/tenant-scope.ts';
import { slapdUnavailable, startSlapd, type Slapd } from '../support/slapd.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { hrCsv, until, wireTenant, type Wired } from './provisioning-fixture.ts';

const skip = slapdUnavailable();
process.env.GRUNNMUR_PROVISIONING_RETRY_DELAY = '1';

interface Finding {
  id: string;
  kind: string;
  username: string | null;
  personId: string | null;
  systemRoleName: string | null;
  resolution: string;
}

describe.skipIf(skip)('reconciliation against what slapd actually has', () => {
  let t: TestApp;
  let slapd: Slapd;
  let ldap: LdapConnector;
  let tenantId: string;
  let wired: Wired;
  let admin: Record<string, string>;
  const actor = () => systemActor(tenantId, 'Avstemmingstest');

  async function reconcile(body: Record<string, unknown> = {}) {
    const started = await t.inject({ method: 'POST', url: `/api/provisioning/reconciliation/${wired.systemId}`, headers: admin, payload: body });
    expect(started.statusCode, started.body).toBe(202);
    const { runId } = started.json() as { runId: string };
    const run = await until(
      async () => (await t.inject({ method: 'GET', url: `/api/provisioning/reconciliation/runs/${runId}`, headers: admin })).json(),
      (r: { state: string }) => r.state === 'completed' || r.state === 'failed',
    );
    return run as { state: string; error: string | null; accountCount: number; findings: Finding[] };
  }

  beforeAll(async () => {
    slapd = await startSlapd({ groups: ['larere', 'kontor'] });
    t = await createTestApp({ workJobs: true, env: { GRUNNMUR_RATE_LIMIT: '1000000', LOG_LEVEL: 'fatal' } });
    rememberQueue(t.database.db, t.jobs);
    tenantId = await t.createTenant('avstem', 'Avstemming kommune');
    wired = await wireTenant(t.database.db, tenantId, slapd);
    admin = await t.tokenHeaders(tenantId, 'admin');
    ldap = new LdapConnector({ url: slapd.url, bindDn: slapd.rootDn, usersDn: slapd.usersDn, disabledDn: slapd.disabledDn, groupsDn: slapd.groupsDn, flavour: 'openldap' }, { bindPassword: slapd.rootPassword });
    const preview = await previewHrFile(t.database.db, actor(), hrCsv([1, 2, 3, 4]), 'hr.csv');
    const applied = await applyHrRun(t.database.db, actor(), preview.runId);
    await recomputeNow(t.database.db, actor(), applied.personIds);
    await until(() => ldap.listAccounts(), (l) => l.filter((a) => a.groups.length > 0).length === 4);
  }, 120_000);
  afterAll(async () => {
    await ldap?.close();
    await t?.close();
    await slapd?.stop();
  });

  it('finds nothing when slapd has exactly what people should have', async () => {
    const run = await reconcile();
    expect(run.state).toBe('completed');
    expect(run.accountCount).toBe(4);
    expect(run.findings).toEqual([]);
  }, 60_000);

  it('finds an orphan account, missing access and excess access made behind its back, and acts on each', async () => {
    const accounts = await ldap.listAccounts();
    const teacher = accounts.find((a) => a.groups.includes(wired.teacherGroup))!;
    const clerk = accounts.find((a) => a.groups.includes(wired.officeGroup))!;
    const data = (username: string) => ({ username, email: null, givenName: 'X', familyName: 'Y', employeeNumber: '0' });
    await ldap.removeFromGroup(data(teacher.username), wired.teacherGroup);
    await ldap.addToGroup(data(clerk.username), wired.teacherGroup);
    await ldap.createAccount({ username: 'gammel.konto', email: null, givenName: 'Gammel', familyName: 'Konto', employeeNumber: '9' });

    const run = await reconcile();
    const summary = run.findings.map((f) => [f.kind, f.username, f.systemRoleName]).sort();
    expect(summary).toEqual(
      [
        ['excess_access', clerk.username, 'Lærer'],
        ['missing_access', teacher.username, 'Lærer'],
        ['orphan_account', 'gammel.konto', null],
      ].sort(),
    );
    const act = (finding: Finding, action: string, personId?: string) =>
      t.inject({ method: 'POST', url: `/api/provisioning/reconciliation/findings/${finding.id}/resolve`, headers: admin, payload: { action, ...(personId ? { personId } : {}) } });
    const missing = run.findings.find((f) => f.kind === 'missing_access')!;
    const excess = run.findings.find((f) => f.kind === 'excess_access')!;
    const orphan = run.findings.find((f) => f.kind === 'orphan_account')!;
    expect((await act(missing, 'provision')).statusCode).toBe(204);
    expect((await act(excess, 'revoke')).statusCode).toBe(204);
    expect((await act(orphan, 'provision')).statusCode).toBe(400);
    // The old account belonged to someone who has left (a person with no employment).
    const [former] = await inTenant(t.database.db, actor(), (tx) => tx.insert(persons).values({ tenantId, employeeNumber: '777', givenName: 'Tidligere', familyName: 'Ansatt' }).returning());
    expect((await act(orphan, 'link', former!.id)).statusCode).toBe(204);
    expect((await act(orphan, 'ignore')).statusCode).toBe(409);
    await until(
      () => ldap.listAccounts(),
      (l) => l.find((a) => a.username === teacher.username)!.groups.includes(wired.teacherGroup) && !l.find((a) => a.username === clerk.username)!.groups.includes(wired.teacherGroup),
    );
    // The orphan is now linked to a person who should have nothing, so it shows as access to remove.
    const again = await reconcile();
    expect(again.findings.map((f) => [f.kind, f.username])).toEqual([['excess_access', 'gammel.konto']]);
  }, 120_000);

  it('reads a CSV from a system, refusing a file with a missing username by line', async () => {
    const bad = await t.inject({ method: 'POST', url: `/api/provisioning/reconciliation/${wired.systemId}`, headers: admin, payload: { csv: 'brukernavn;grupper\n;x\n' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors ?? bad.json().problems ?? bad.body).toBeTruthy();
    expect(bad.body).toContain('Brukernavn mangler');
    const run = await reconcile({ csv: `brukernavn;e-post;aktiv;grupper\nukjent.person;;ja;${wired.teacherGroup}\n` });
    expect(run.state).toBe('completed');
    expect(run.findings.map((f) => f.kind).sort()).toContain('orphan_account');
    expect(run.findings.filter((f) => f.kind === 'missing_access').length).toBe(4);
  }, 60_000);
});
