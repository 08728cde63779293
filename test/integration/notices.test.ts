import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../server/src/modules/auth/tables.ts';
import { persons } from '../../server/src/modules/org/tables.ts';
import { remindOverdueReviews } from '../../server/src/modules/processes/queries.ts';
import { inTenant, systemActor } from '../../server/src/platform/database/tenant-scope.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** The bell: notices to a process's owner and author when its version moves, and the yearly review. */
describe('notices: process governance and the yearly review reach the people they concern', () => {
  let t: TestApp;
  let tenantId: string;
  let owner: Record<string, string>;
  let approver: Record<string, string>;
  let employee: Record<string, string>;
  let processId: string;

  const notices = async (headers: Record<string, string>) => (await t.inject({ method: 'GET', url: '/api/notices', headers })).json();

  beforeAll(async () => {
    t = await createTestApp();
    tenantId = await t.createTenant('demo');
    owner = await t.sessionHeaders('demo', 'process_owner');
    approver = await t.sessionHeaders('demo', 'architect');
    employee = await t.sessionHeaders('demo', 'employee');
    const [ola, kari] = await inTenant(t.database.db, systemActor(tenantId), (tx) =>
      tx
        .insert(persons)
        .values([
          { tenantId, employeeNumber: 'N-1', givenName: 'Ola', familyName: 'Eier' },
          { tenantId, employeeNumber: 'N-2', givenName: 'Kari', familyName: 'Godkjenner' },
        ])
        .returning(),
    );
    await t.database.db.update(users).set({ personId: ola!.id }).where(eq(users.displayName, 'Test process_owner'));
    await t.database.db.update(users).set({ personId: kari!.id }).where(eq(users.displayName, 'Test architect'));
    const created = await t.inject({ method: 'POST', url: '/api/processes', headers: owner, payload: { name: 'Behandle klage', level: 'process', parentId: null } });
    expect(created.statusCode, created.body).toBe(201);
    processId = created.json().id;
    await t.inject({ method: 'PUT', url: `/api/processes/${processId}`, headers: owner, payload: { name: 'Behandle klage', level: 'process', parentId: null, ownerPersonId: ola!.id } });
    await t.inject({ method: 'PUT', url: '/api/process-modelling-rules', headers: approver, payload: { levels: { 'grunnmur/lane-business-role': 'off' } } });
  });
  afterAll(() => t.close());

  it('tells the owner and author when another approves and publishes, but not the one who took the step', async () => {
    const versionId = (await t.inject({ method: 'GET', url: `/api/processes/${processId}`, headers: owner })).json().latest.id;
    expect((await t.inject({ method: 'POST', url: `/api/process-versions/${versionId}/submit`, headers: owner })).statusCode).toBe(200);
    expect((await notices(owner)).items).toEqual([]);
    expect((await t.inject({ method: 'POST', url: `/api/process-versions/${versionId}/approve`, headers: approver })).statusCode).toBe(200);
    expect((await t.inject({ method: 'POST', url: `/api/process-versions/${versionId}/publish`, headers: approver })).statusCode).toBe(200);
    const mine = await notices(owner);
    expect(mine.unread).toBe(2);
    expect(mine.items.map((n: { kind: string }) => n.kind)).toEqual(['process_version_published', 'process_version_approved']);
    expect(mine.items[1]).toMatchObject({ message: 'Test architect har godkjent «Behandle klage» versjon 1. Den kan nå publiseres.', link: `/processes/${processId}`, read: false });
    expect((await notices(approver)).items).toEqual([]);
  });

  it('gives the owner a notice with a link when the yearly review is due', async () => {
    const actor = systemActor(tenantId);
    await inTenant(t.database.db, actor, (tx) => remindOverdueReviews(tx, actor, new Date(Date.now() + 395 * 24 * 3600 * 1000)));
    const mine = await notices(owner);
    expect(mine.unread).toBe(3);
    expect(mine.items[0]).toMatchObject({ kind: 'process_review_due', link: `/processes/${processId}` });
    expect(mine.items[0].message).toContain('«Behandle klage» er ikke gjennomgått på 12 måneder');
  });

  it('marks one notice read, refuses to touch someone else’s, and marks all read', async () => {
    const first = (await notices(owner)).items[0].id;
    const afterOne = (await t.inject({ method: 'POST', url: `/api/notices/${first}/read`, headers: owner })).json();
    expect(afterOne.unread).toBe(2);
    expect(afterOne.items[0]).toMatchObject({ id: first, read: true });
    const theirs = await t.inject({ method: 'POST', url: `/api/notices/${afterOne.items[1].id}/read`, headers: approver });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.headers['content-type']).toContain('application/problem+json');
    expect((await t.inject({ method: 'POST', url: '/api/notices/read-all', headers: owner })).json().unread).toBe(0);
  });

  it('gives a user who is not a person an empty list', async () => {
    expect(await notices(employee)).toEqual({ unread: 0, items: [] });
  });
});
