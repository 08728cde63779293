import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemRoles } from '../../server/src/modules/access/tables.ts';
import { systems } from '../../server/src/modules/catalogue/tables.ts';
import { persons } from '../../server/src/modules/org/tables.ts';
import { dispatchBatch, submitEntitlementChanges } from '../../server/src/modules/provisioning/submit-changes.ts';
import { provisioningOperations, systemConnectorSecrets, systemConnectors } from '../../server/src/modules/provisioning/tables.ts';
import { inTenant, systemActor } from '../../server/src/platform/database/tenant-scope.ts';
import { startScimPeer, type ScimPeer } from '../support/scim-peer.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { until } from './provisioning-fixture.ts';

process.env.GRUNNMUR_PROVISIONING_RETRY_DELAY = '1';

describe('provisioning work through a SCIM service that is briefly down', () => {
  let t: TestApp;
  let peer: ScimPeer;
  let tenantId: string;
  const actor = () => systemActor(tenantId, 'Gjentakelsestest');

  beforeAll(async () => {
    peer = await startScimPeer();
    peer.addGroup('Leser');
    t = await createTestApp({ workJobs: true, env: { LOG_LEVEL: 'fatal' } });
    tenantId = await t.createTenant('retry', 'Gjentakelse kommune');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await peer?.stop();
  });

  it('retries with back-off until the service answers, then does the work once', async () => {
    const { batch, personId } = await inTenant(t.database.db, actor(), async (tx) => {
      const [system] = await tx.insert(systems).values({ tenantId, name: 'Skytjeneste' }).returning();
      const [role] = await tx.insert(systemRoles).values({ tenantId, systemId: system!.id, name: 'Leser', targetGroup: 'Leser' }).returning();
      const [person] = await tx.insert(persons).values({ tenantId, employeeNumber: '42', givenName: 'Kari', familyName: 'Nordmann', username: 'kari.nordmann', email: 'kari@kommune.test' }).returning();
      const [connector] = await tx.insert(systemConnectors).values({ tenantId, systemId: system!.id, kind: 'scim', settings: { baseUrl: peer.baseUrl } }).returning();
      await tx.insert(systemConnectorSecrets).values({ tenantId, connectorId: connector!.id, secrets: { bearerToken: peer.token } });
      const batch = await submitEntitlementChanges(tx, { origin: 'person_event', changes: [{ personId: person!.id, systemRoleId: role!.id, action: 'grant', reason: 'Regel' }] });
      return { batch, personId: person!.id };
    });
    expect(batch?.state).toBe('released');
    peer.failNext(2);
    const started = Date.now();
    await dispatchBatch(t.jobs, actor(), batch!.batchId);
    const ops = await until(
      () => inTenant(t.database.db, actor(), (tx) => tx.select().from(provisioningOperations).where(eq(provisioningOperations.personId, personId))),
      (rows) => rows.every((r) => r.state === 'done'),
      90_000,
    );
    // Two failed attempts, each followed by a wait (1 s, then 2 s with back-off), then success.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2500);
    expect(ops.find((o) => o.action === 'create_account')).toMatchObject({ state: 'done', attempts: 3, lastError: null });
    expect(ops.find((o) => o.action === 'grant')).toMatchObject({ state: 'done', attempts: 1 });
    const users = [...peer.users.values()];
    expect(users).toHaveLength(1);
    const group = [...peer.groups.values()][0] as { members?: { value: string }[] };
    expect(group.members).toEqual([expect.objectContaining({ value: users[0]!.id })]);

    // Sending the same batch again does nothing: every operation is done.
    await dispatchBatch(t.jobs, actor(), batch!.batchId);
    await new Promise((r) => setTimeout(r, 1500));
    expect([...peer.users.values()]).toHaveLength(1);
  }, 120_000);
});
