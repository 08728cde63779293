import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rememberQueue } from '../../server/src/modules/access/provisioning-port.ts';
import { recomputeNow } from '../../server/src/modules/identity/downstream.ts';
import { applyHrRun, previewHrFile } from '../../server/src/modules/identity/hr-import.ts';
import { LdapConnector } from '../../server/src/modules/provisioning/connectors/ldap.ts';
import { persons } from '../../server/src/modules/org/tables.ts';
import { provisioningBatches, provisioningOperations, systemConnectors } from '../../server/src/modules/provisioning/tables.ts';
import { inTenant, systemActor } from '../../server/src/platform/database/tenant-scope.ts';
import { slapdUnavailable, startSlapd, type Slapd } from '../support/slapd.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { hrCsv, until, wireTenant, type Wired } from './provisioning-fixture.ts';
import { scimClient, scimTokenFor } from './scim-client.ts';

const skip = slapdUnavailable();
process.env.GRUNNMUR_PROVISIONING_RETRY_DELAY = '1';

describe.skipIf(skip)('provisioning from HR to a real slapd, with the mass-removal guard', () => {
  let t: TestApp;
  let slapd: Slapd;
  let tenantId: string;
  let wired: Wired;
  let ldap: LdapConnector;
  const actor = () => systemActor(tenantId, 'Provisjoneringstest');
  const people = Array.from({ length: 60 }, (_, i) => 1000 + i);

  async function importHr(numbers: number[]) {
    const preview = await previewHrFile(t.database.db, actor(), hrCsv(numbers), 'hr.csv');
    const applied = await applyHrRun(t.database.db, actor(), preview.runId);
    await recomputeNow(t.database.db, actor(), applied.personIds);
    return applied;
  }
  const operations = () => inTenant(t.database.db, actor(), (tx) => tx.select().from(provisioningOperations));
  const activeAccounts = async () => (await ldap.listAccounts()).filter((a) => a.active);
  /** The username the lifecycle module gave an employee number. */
  const usernameOf = async (employeeNumber: number) => {
    const [row] = await inTenant(t.database.db, actor(), (tx) => tx.select({ username: persons.username }).from(persons).where(eq(persons.employeeNumber, String(employeeNumber))));
    return row!.username!;
  };

  beforeAll(async () => {
    slapd = await startSlapd({ groups: ['larere', 'kontor'] });
    t = await createTestApp({ workJobs: true, env: { GRUNNMUR_RATE_LIMIT: '1000000', LOG_LEVEL: 'fatal' } });
    rememberQueue(t.database.db, t.jobs);
    tenantId = await t.createTenant('prov', 'Provisjonering kommune');
    wired = await wireTenant(t.database.db, tenantId, slapd);
    ldap = new LdapConnector({ url: slapd.url, bindDn: slapd.rootDn, usersDn: slapd.usersDn, disabledDn: slapd.disabledDn, groupsDn: slapd.groupsDn, flavour: 'openldap' }, { bindPassword: slapd.rootPassword });
  }, 60_000);
  afterAll(async () => {
    await ldap?.close();
    await t?.close();
    await slapd?.stop();
  });

  it('creates an account and group membership in slapd for every joiner of the HR file', async () => {
    await importHr(people);
    const accounts = await until(activeAccounts, (list) => list.length === 60, 120_000);
    const username1000 = await usernameOf(1000);
    const username1001 = await usernameOf(1001);
    expect(accounts.find((a) => a.username === username1000)?.groups).toEqual([wired.teacherGroup]);
    expect(accounts.find((a) => a.username === username1001)?.groups).toEqual([wired.officeGroup]);
    await until(operations, (ops) => ops.every((o) => o.state === 'done'));
  }, 180_000);

  it('holds the run fed an HR file that lost half the people: nothing is removed until someone approves', async () => {
    const before = await operations();
    await importHr(people.slice(0, 30));
    const batches = await inTenant(t.database.db, actor(), (tx) => tx.select().from(provisioningBatches).where(eq(provisioningBatches.state, 'held')));
    expect(batches).toHaveLength(1);
    const held = batches[0]!;
    expect(held.holdReason).toMatch(/over terskelen på 25/);
    const heldOps = (await operations()).filter((o) => o.batchId === held.id);
    expect(heldOps.filter((o) => o.action === 'disable_account')).toHaveLength(30);
    expect(heldOps.every((o) => o.state === 'held')).toBe(true);
    expect((await operations()).length).toBe(before.length + heldOps.length);
    // A moment later slapd still has everyone.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await activeAccounts()).toHaveLength(60);

    // The API shows exactly what it would do, and a security officer approves it.
    const officer = await t.tokenHeaders(tenantId, 'security_officer');
    const detail = await t.inject({ method: 'GET', url: `/api/provisioning/batches/${held.id}`, headers: officer });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().operations).toHaveLength(heldOps.length);
    const employee = await t.tokenHeaders(tenantId, 'employee');
    expect((await t.inject({ method: 'POST', url: `/api/provisioning/batches/${held.id}/approve`, headers: employee })).statusCode).toBe(403);
    expect((await t.inject({ method: 'POST', url: `/api/provisioning/batches/${held.id}/approve`, headers: officer })).statusCode).toBe(204);
    await until(activeAccounts, (list) => list.length === 30, 120_000);
    expect((await t.inject({ method: 'POST', url: `/api/provisioning/batches/${held.id}/approve`, headers: officer })).statusCode).toBe(409);
  }, 240_000);

  it('lets a small change through, and a rejected batch does nothing', async () => {
    // Two leavers are under the threshold: released at once.
    await importHr(people.slice(0, 28));
    await until(activeAccounts, (list) => list.length === 28, 120_000);
    // Now set a threshold so low that one leaver is held, and reject it.
    const admin = await t.tokenHeaders(tenantId, 'admin');
    expect((await t.inject({ method: 'PUT', url: '/api/provisioning/settings', headers: admin, payload: { massRemovalPercent: 0, massRemovalMinimum: 0 } })).statusCode).toBe(200);
    await importHr(people.slice(0, 27));
    const held = await inTenant(t.database.db, actor(), (tx) => tx.select().from(provisioningBatches).where(eq(provisioningBatches.state, 'held')));
    expect(held).toHaveLength(1);
    expect((await t.inject({ method: 'POST', url: `/api/provisioning/batches/${held[0]!.id}/reject`, headers: admin })).statusCode).toBe(204);
    const ops = (await operations()).filter((o) => o.batchId === held[0]!.id);
    expect(ops.every((o) => o.state === 'discarded')).toBe(true);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await activeAccounts()).toHaveLength(28);
  }, 240_000);

  it('shows work that keeps failing with its error, and a retry carries it out once the cause is fixed', async () => {
    const admin = await t.tokenHeaders(tenantId, 'admin');
    await t.inject({ method: 'PUT', url: '/api/provisioning/settings', headers: admin, payload: { massRemovalPercent: 2, massRemovalMinimum: 25 } });
    // A wrong group DN: the directory says there is no such group, which retrying cannot fix.
    await inTenant(t.database.db, actor(), (tx) => tx.execute(`update system_roles set target_group = 'cn=feil,${slapd.groupsDn}' where id = '${wired.teacherRoleId}'`));
    await importHr([...people.slice(0, 27), 2000]);
    const failed = await until(operations, (ops) => ops.some((o) => o.state === 'failed'));
    const op = failed.find((o) => o.state === 'failed')!;
    expect(op.lastError).toMatch(/finnes ikke/);
    const listed = await t.inject({ method: 'GET', url: '/api/provisioning/operations?state=failed', headers: admin });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items).toEqual([expect.objectContaining({ id: op.id, lastError: op.lastError, action: 'grant' })]);

    await inTenant(t.database.db, actor(), (tx) => tx.execute(`update system_roles set target_group = '${wired.teacherGroup}' where id = '${wired.teacherRoleId}'`));
    expect((await t.inject({ method: 'POST', url: `/api/provisioning/operations/${op.id}/retry`, headers: admin })).statusCode).toBe(204);
    await until(operations, (ops) => ops.find((o) => o.id === op.id)?.state === 'done');
    const username = await usernameOf(2000);
    const joiner = (await activeAccounts()).find((a) => a.username === username);
    expect(joiner?.groups).toEqual([wired.teacherGroup]);
  }, 180_000);

  it('turns work for a system without an API into a manual task the administrator ticks off, with a CSV export', async () => {
    const admin = await t.tokenHeaders(tenantId, 'admin');
    const saved = await t.inject({ method: 'PUT', url: `/api/provisioning/connectors/${wired.systemId}`, headers: admin, payload: { kind: 'manual', settings: {}, enabled: true } });
    expect(saved.statusCode).toBe(200);
    await importHr([...people.slice(0, 27), 2000, 2002]);
    const tasks = await t.inject({ method: 'GET', url: `/api/provisioning/manual-tasks?systemId=${wired.systemId}`, headers: admin });
    const items = tasks.json().items as { id: string; action: string; employeeNumber: string }[];
    expect(items.map((i) => i.action).sort()).toEqual(['create_account', 'grant']);
    const csv = await t.inject({ method: 'GET', url: `/api/provisioning/manual-tasks.csv?systemId=${wired.systemId}`, headers: admin });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Opprett konto');
    expect(csv.body).toContain('2002');
    for (const item of items) expect((await t.inject({ method: 'POST', url: `/api/provisioning/manual-tasks/${item.id}/complete`, headers: admin })).statusCode).toBe(204);
    expect((await t.inject({ method: 'POST', url: `/api/provisioning/manual-tasks/${items[0]!.id}/complete`, headers: admin })).statusCode).toBe(409);
    const done = (await operations()).filter((o) => items.some((i) => i.id === o.id));
    expect(done.every((o) => o.state === 'done' && o.completedBy)).toBe(true);
  }, 120_000);

  it('never returns connector secrets', async () => {
    const admin = await t.tokenHeaders(tenantId, 'admin');
    await t.inject({
      method: 'PUT',
      url: `/api/provisioning/connectors/${wired.systemId}`,
      headers: admin,
      payload: { kind: 'ldap', settings: { url: slapd.url, bindDn: slapd.rootDn, usersDn: slapd.usersDn, disabledDn: slapd.disabledDn }, secrets: { bindPassword: slapd.rootPassword }, enabled: true },
    });
    const listed = await t.inject({ method: 'GET', url: '/api/provisioning/connectors', headers: admin });
    expect(listed.body).not.toContain(slapd.rootPassword);
    expect(listed.json().items.find((c: { systemId: string }) => c.systemId === wired.systemId)).toMatchObject({ kind: 'ldap', hasSecrets: true });
    const bad = await t.inject({ method: 'PUT', url: `/api/provisioning/connectors/${wired.systemId}`, headers: admin, payload: { kind: 'ldap', settings: { url: 'http://x' } } });
    expect(bad.statusCode).toBe(400);
    const [row] = await inTenant(t.database.db, actor(), (tx) => tx.select().from(systemConnectors).where(eq(systemConnectors.systemId, wired.systemId)));
    expect(JSON.stringify(row)).not.toContain(slapd.rootPassword);
  });

  it('holds deletions that come one by one over SCIM once together they pass the threshold', async () => {
    const admin = await t.tokenHeaders(tenantId, 'admin');
    expect((await t.inject({ method: 'PUT', url: '/api/provisioning/settings', headers: admin, payload: { massRemovalPercent: 0, massRemovalMinimum: 3 } })).statusCode).toBe(200);
    const scim = scimClient(t, await scimTokenFor(t, tenantId, 'Entra ID'));
    const leavers = people.slice(10, 16);
    const personIdOf = async (employeeNumber: number) => {
      const [row] = await inTenant(t.database.db, actor(), (tx) => tx.select({ id: persons.id }).from(persons).where(eq(persons.employeeNumber, String(employeeNumber))));
      return row!.id;
    };
    const batches = () => inTenant(t.database.db, actor(), (tx) => tx.select().from(provisioningBatches));
    for (const employeeNumber of leavers) {
      const before = (await batches()).length;
      const deleted = await scim.request('DELETE', `/Users/${await personIdOf(employeeNumber)}`);
      expect(deleted.statusCode, deleted.body).toBe(204);
      // Each deletion is its own event: wait for its batch before sending the next.
      await until(batches, (list) => list.length > before);
    }
    const fromEvents = (await batches()).filter((b) => b.origin === 'person_event' && Date.now() - b.createdAt.getTime() < 60 * 60_000);
    const held = fromEvents.filter((b) => b.state === 'held');
    expect(held.length).toBeGreaterThan(0);
    expect(held[0]!.holdReason).toMatch(/den siste timen/);
    // What was let through without a human stays within the threshold, however the deletions were spread.
    const released = fromEvents.filter((b) => b.state === 'released').map((b) => b.id);
    const releasedRemovals = new Set(
      (await operations()).filter((o) => released.includes(o.batchId) && (o.action === 'revoke' || o.action === 'disable_account')).map((o) => `${o.personId}:${o.systemId}`),
    );
    expect(releasedRemovals.size).toBeLessThanOrEqual(3);
  }, 180_000);

  it('holds access changes pushed over SCIM for review when the municipality wants that, and carries them out once approved', async () => {
    const admin = await t.tokenHeaders(tenantId, 'admin');
    const saved = await t.inject({ method: 'PUT', url: '/api/provisioning/settings', headers: admin, payload: { massRemovalPercent: 2, massRemovalMinimum: 25, reviewScimChanges: true } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ reviewScimChanges: true });
    const scim = scimClient(t, await scimTokenFor(t, tenantId, 'HR-system'));
    const batches = () => inTenant(t.database.db, actor(), (tx) => tx.select().from(provisioningBatches));
    const before = (await batches()).length;
    const accountsBefore = (await activeAccounts()).length;
    const joiner = await scim.request('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
      userName: 'ny.laerer@prov.kommune.no',
      name: { givenName: 'Nina', familyName: 'Nyansatt' },
      externalId: '3001',
      active: true,
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { employeeNumber: '3001', department: 'SKOLE' },
    });
    expect(joiner.statusCode, joiner.body).toBe(201);
    const all = await until(batches, (list) => list.length > before);
    const held = all.find((b) => b.state === 'held' && /SCIM/.test(b.holdReason ?? ''))!;
    expect(held.holdReason).toMatch(/skal godkjennes/);
    const heldOps = (await operations()).filter((o) => o.batchId === held.id);
    expect(heldOps.map((o) => o.action).sort()).toEqual(['create_account', 'grant']);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await activeAccounts()).toHaveLength(accountsBefore);

    const officer = await t.tokenHeaders(tenantId, 'security_officer');
    expect((await t.inject({ method: 'POST', url: `/api/provisioning/batches/${held.id}/approve`, headers: officer })).statusCode).toBe(204);
    await until(operations, (ops) => ops.filter((o) => o.batchId === held.id).every((o) => o.state === 'done'), 120_000);
    expect(await activeAccounts()).toHaveLength(accountsBefore + 1);

    // Changes from the HR file are not SCIM pushes: they go through at once as before.
    expect((await t.inject({ method: 'PUT', url: '/api/provisioning/settings', headers: admin, payload: { massRemovalPercent: 2, massRemovalMinimum: 25 } })).json()).toMatchObject({ reviewScimChanges: false });
  }, 180_000);
});
