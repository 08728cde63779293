import { and, desc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents } from '../../server/src/modules/audit/tables.ts';
import { employments, orgUnits, persons, positions } from '../../server/src/modules/org/tables.ts';
import { addDays, clock } from '../../server/src/platform/clock.ts';
import { inTenant, systemActor } from '../../server/src/platform/database/tenant-scope.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { enterpriseSchema, errorSchema, patchOp, scimClient, scimTokenFor, userSchema, type ScimTestClient } from './scim-client.ts';

/**
 * What a SCIM write means for the org model: a User is a person; a department is where their
 * primary employment is; a new department is a mover, active=false or DELETE a leaver — with the
 * history kept, the audit naming the SCIM client, and the access module asked to recompute.
 */
describe('SCIM Users as people: joiners, movers, leavers', () => {
  let t: TestApp;
  let tenantId: string;
  let scim: ScimTestClient;
  const unit: Record<string, string> = {};
  let hrPersonId: string;
  let leaderId: string;

  const employmentsOf = (personId: string) =>
    inTenant(t.database.db, systemActor(tenantId), (tx) =>
      tx
        .select({ unitId: employments.orgUnitId, start: employments.startDate, end: employments.endDate, managerPersonId: employments.managerPersonId, positionId: employments.positionId })
        .from(employments)
        .where(eq(employments.personId, personId))
        .orderBy(employments.startDate, employments.createdAt),
    );

  beforeAll(async () => {
    t = await createTestApp();
    tenantId = await t.createTenant('demo');
    scim = scimClient(t, await scimTokenFor(t, tenantId, 'Entra ID'));
    await inTenant(t.database.db, systemActor(tenantId), async (tx) => {
      const [leader] = await tx.insert(persons).values({ tenantId, employeeNumber: '1001', givenName: 'Kari', familyName: 'Nordmann', username: 'kanor' }).returning();
      leaderId = leader!.id;
      const rows = await tx
        .insert(orgUnits)
        .values([
          { tenantId, code: '2100', name: 'Ålgård skole', kind: 'school', managerPersonId: leaderId },
          { tenantId, code: '3000', name: 'Helse', kind: 'sector' },
        ])
        .returning();
      unit.school = rows[0]!.id;
      unit.health = rows[1]!.id;
      const [hr] = await tx.insert(persons).values({ tenantId, employeeNumber: '2002', givenName: 'Liv', familyName: 'Berg', email: 'liv.berg@demo.kommune.no', username: 'libe' }).returning();
      hrPersonId = hr!.id;
      await tx.insert(employments).values({ tenantId, personId: hrPersonId, orgUnitId: unit.school!, startDate: '2020-08-01' });
    });
  });
  afterAll(() => t.close());

  it('shows people from the HR import as Users, found by userName, with department and the unit leader as manager', async () => {
    const response = await scim.request('GET', `/Users?filter=${encodeURIComponent('userName eq "libe"')}`);
    const [user] = response.json().Resources;
    expect(user).toMatchObject({
      id: hrPersonId,
      userName: 'libe',
      active: true,
      emails: [{ value: 'liv.berg@demo.kommune.no', type: 'work', primary: true }],
      [enterpriseSchema]: { employeeNumber: '2002', department: '2100', manager: { value: leaderId, displayName: 'Kari Nordmann' } },
    });
    expect(user.externalId).toBeUndefined();
  });

  it('a joiner: POST with department, title and manager starts an employment today in that unit', async () => {
    const send = vi.spyOn(t.jobs, 'send');
    const response = await scim.request('POST', '/Users', {
      schemas: [userSchema, enterpriseSchema],
      userName: 'ola.hansen',
      externalId: 'entra-0001',
      name: { givenName: 'Ola', familyName: 'Hansen' },
      title: 'Lærer',
      emails: [{ value: 'ola.hansen@demo.kommune.no', type: 'work', primary: true }],
      [enterpriseSchema]: { employeeNumber: '3003', department: 'Ålgård skole', manager: { value: leaderId } },
    });
    expect(response.statusCode, response.body).toBe(201);
    const id = response.json().id;
    expect(response.json()).toMatchObject({ title: 'Lærer', [enterpriseSchema]: { department: '2100', employeeNumber: '3003', manager: { value: leaderId } } });
    const [employment] = await employmentsOf(id);
    expect(employment).toMatchObject({ unitId: unit.school, start: clock.today(), end: null, managerPersonId: leaderId });
    const [position] = await inTenant(t.database.db, systemActor(tenantId), (tx) => tx.select().from(positions).where(eq(positions.id, employment!.positionId!)));
    expect(position!.title).toBe('Lærer');
    // The access module is asked to recompute this person, after the transaction.
    expect(send).toHaveBeenCalledWith(expect.objectContaining({ name: 'access-recompute-people' }), expect.objectContaining({ actorName: 'SCIM: Entra ID' }), { personIds: [id], source: 'scim' });
    send.mockRestore();
  });

  it('a mover: a new department ends the old employment yesterday and starts one today; history stays', async () => {
    const response = await scim.request('PATCH', `/Users/${hrPersonId}`, {
      schemas: [patchOp],
      Operations: [{ op: 'Replace', path: `${enterpriseSchema}:department`, value: '3000' }],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()[enterpriseSchema].department).toBe('3000');
    expect(response.json()[enterpriseSchema].manager).toBeUndefined();
    const history = await employmentsOf(hrPersonId);
    expect(history).toEqual([
      expect.objectContaining({ unitId: unit.school, start: '2020-08-01', end: addDays(clock.today(), -1) }),
      expect.objectContaining({ unitId: unit.health, start: clock.today(), end: null }),
    ]);
    expect(response.json().externalId).toBeUndefined();
  });

  it('refuses a department that is no org unit with 400 invalidValue and changes nothing', async () => {
    const response = await scim.request('PATCH', `/Users/${hrPersonId}`, { schemas: [patchOp], Operations: [{ op: 'replace', path: `${enterpriseSchema}:department`, value: '9999' }] });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ schemas: [errorSchema], scimType: 'invalidValue' });
    expect(await employmentsOf(hrPersonId)).toHaveLength(2);
  });

  it('a leaver: active "False" (as Entra ID sends it) ends the employment; the person stays, inactive', async () => {
    const response = await scim.request('PATCH', `/Users/${hrPersonId}`, { schemas: [patchOp], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().active).toBe(false);
    const history = await employmentsOf(hrPersonId);
    // Begun today, so it never took effect: removed rather than ended before it began.
    expect(history).toEqual([expect.objectContaining({ unitId: unit.school, end: addDays(clock.today(), -1) })]);
    const again = await scim.request('GET', `/Users/${hrPersonId}`);
    expect(again.json().active).toBe(false);
    const back = await scim.request('PATCH', `/Users/${hrPersonId}`, {
      schemas: [patchOp],
      Operations: [{ op: 'replace', value: { active: true, [`${enterpriseSchema}:department`]: '2100' } }],
    });
    expect(back.json()).toMatchObject({ active: true, [enterpriseSchema]: { department: '2100' } });
    expect(await employmentsOf(hrPersonId)).toHaveLength(2);
  });

  it('DELETE makes the person a leaver and hides the User (404), keeping the person; POSTing the userName again brings them back', async () => {
    const deleted = await scim.request('DELETE', `/Users/${hrPersonId}`);
    expect(deleted.statusCode).toBe(204);
    expect((await scim.request('GET', `/Users/${hrPersonId}`)).statusCode).toBe(404);
    expect((await scim.request('GET', `/Users?filter=${encodeURIComponent('userName eq "libe"')}`)).json().totalResults).toBe(0);
    const [person] = await inTenant(t.database.db, systemActor(tenantId), (tx) => tx.select().from(persons).where(eq(persons.id, hrPersonId)));
    expect(person).toBeDefined();
    expect((await employmentsOf(hrPersonId)).every((employment) => employment.end !== null && employment.end < clock.today())).toBe(true);
    const rehired = await scim.request('POST', '/Users', { schemas: [userSchema], userName: 'libe', name: { givenName: 'Liv', familyName: 'Berg' }, [enterpriseSchema]: { department: '3000' } });
    expect(rehired.statusCode, rehired.body).toBe(201);
    expect(rehired.json()).toMatchObject({ id: hrPersonId, active: true, [enterpriseSchema]: { department: '3000' } });
  });

  it('audits every write with the actor «SCIM: <token name>»', async () => {
    const group = await scim.request('POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Lærere', members: [{ value: hrPersonId }] });
    expect(group.statusCode).toBe(201);
    const events = await t.database.db
      .select({ entityType: auditEvents.entityType, action: auditEvents.action, actorName: auditEvents.actorName })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), like(auditEvents.actorName, 'SCIM:%')))
      .orderBy(desc(auditEvents.id));
    const kinds = new Set(events.map((event) => `${event.entityType}:${event.action}`));
    for (const kind of ['persons:insert', 'persons:update', 'employments:insert', 'employments:update', 'scim_users:insert', 'scim_groups:insert', 'scim_group_members:insert']) {
      expect(kinds, kind).toContain(kind);
    }
    expect(new Set(events.map((event) => event.actorName))).toEqual(new Set(['SCIM: Entra ID']));
  });

  it('shows an admin the endpoint, the SCIM tokens and recent SCIM activity; others may not see it', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/scim/overview', headers: await t.sessionHeaders('demo', 'admin') });
    expect(response.statusCode, response.body).toBe(200);
    const overview = response.json();
    expect(overview.endpoint).toBe('http://localhost:80/scim/v2');
    expect(overview.tokens.map((token: { name: string }) => token.name)).toEqual(['Entra ID']);
    expect(overview.counts).toEqual({ linkedUsers: 2, deprovisionedUsers: 0, groups: 1 });
    expect(overview.activity.length).toBeGreaterThan(5);
    expect(overview.activity[0]).toMatchObject({ actorName: 'SCIM: Entra ID', entityType: expect.stringMatching(/^scim_group/) });
    const employee = await t.inject({ method: 'GET', url: '/api/scim/overview', headers: await t.sessionHeaders('demo', 'employee') });
    expect(employee.statusCode).toBe(403);
  });

  it('lets only a bearer token with scim:provision in: 401 without one, 403 for a token without the permission', async () => {
    const none = await t.inject({ method: 'GET', url: '/scim/v2/Users' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ schemas: [errorSchema], status: '401' });
    const unknown = await t.inject({ method: 'GET', url: '/scim/v2/Users', headers: { authorization: 'Bearer gm_nonsense' } });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.headers['content-type']).toMatch(/^application\/scim\+json/);
    const employee = await t.inject({ method: 'GET', url: '/scim/v2/Users', headers: await t.tokenHeaders(tenantId, 'employee') });
    expect(employee.statusCode).toBe(403);
    expect(employee.json()).toMatchObject({ schemas: [errorSchema], status: '403' });
    const session = await t.inject({ method: 'GET', url: '/scim/v2/Users', headers: await t.sessionHeaders('demo', 'admin') });
    expect(session.statusCode).toBe(401);
  });
});
