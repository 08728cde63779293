import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { persons } from '../../server/src/modules/org/tables.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

describe('system catalogue', () => {
  let t: TestApp;
  let tenantId: string;
  let headers: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    tenantId = await t.createTenant('demo');
    headers = await t.tokenHeaders(tenantId, 'admin');
  });
  afterAll(() => t.close());

  const system = { name: 'Public 360', lifecyclePhase: 'operation', criticality: 'high', dpaStatus: 'signed' };

  it('creates a system with licences and reports their yearly cost', async () => {
    const response = await t.inject({
      method: 'POST',
      url: '/api/systems',
      headers,
      payload: { ...system, licences: [{ licenceType: 'Bruker', count: 10, unitPrice: 450 }] },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ name: 'Public 360', licenceCost: 4500, version: 1 });
  });

  it('refuses an empty name with a Norwegian problem+json message', async () => {
    const response = await t.inject({ method: 'POST', url: '/api/systems', headers, payload: { ...system, name: ' ' } });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().problems).toContainEqual({ field: 'name', message: 'Navn må fylles ut' });
  });

  it('refuses an update made from a stale version', async () => {
    const created = (await t.inject({ method: 'POST', url: '/api/systems', headers, payload: { ...system, name: 'Visma' } })).json();
    const first = await t.inject({ method: 'PUT', url: `/api/systems/${created.id}`, headers, payload: { ...system, name: 'Visma HRM', version: 1 } });
    expect(first.statusCode).toBe(200);
    const stale = await t.inject({ method: 'PUT', url: `/api/systems/${created.id}`, headers, payload: { ...system, name: 'Visma Lønn', version: 1 } });
    expect(stale.statusCode).toBe(412);
  });

  it('records who changed what in the system history', async () => {
    const created = (await t.inject({ method: 'POST', url: '/api/systems', headers, payload: { ...system, name: 'Acos' } })).json();
    await t.inject({ method: 'PUT', url: `/api/systems/${created.id}`, headers, payload: { ...system, name: 'Acos WebSak', version: 1 } });
    const history = (await t.inject({ method: 'GET', url: `/api/history/systems/${created.id}`, headers })).json();
    expect(history[0]).toMatchObject({ action: 'update', actorName: 'API: test-admin', changedFields: ['name'] });
    expect(history[0].before.name).toBe('Acos');
    expect(history[0].after.name).toBe('Acos WebSak');
  });

  it('filters and sorts the list', async () => {
    const page = (await t.inject({ method: 'GET', url: '/api/systems?search=visma&sort=name&order=desc', headers })).json();
    expect(page.items.map((item: { name: string }) => item.name)).toEqual(['Visma HRM']);
  });

  it('shows a change in the list at once, also a renamed owner (cached pages are dropped)', async () => {
    const [owner] = await t.database.db.insert(persons).values({ tenantId, employeeNumber: 'E-1', givenName: 'Kari', familyName: 'Eier' }).returning();
    const created = (await t.inject({ method: 'POST', url: '/api/systems', headers, payload: { ...system, name: 'Elements', ownerPersonId: owner!.id } })).json();
    const list = async () => (await t.inject({ method: 'GET', url: '/api/systems?search=elements', headers })).json().items;
    expect(await list()).toMatchObject([{ name: 'Elements', owner: { name: 'Kari Eier' } }]);
    await t.inject({ method: 'PUT', url: `/api/systems/${created.id}`, headers, payload: { ...system, name: 'Elements Noark', ownerPersonId: owner!.id, version: 1 } });
    expect(await list()).toMatchObject([{ name: 'Elements Noark', owner: { name: 'Kari Eier' } }]);
    await t.database.db.update(persons).set({ familyName: 'Nordmann' }).where(eq(persons.id, owner!.id));
    expect(await list()).toMatchObject([{ name: 'Elements Noark', owner: { name: 'Kari Nordmann' } }]);
  });

  it('does not let an employee change the catalogue', async () => {
    const employee = await t.tokenHeaders(tenantId, 'employee');
    const response = await t.inject({ method: 'POST', url: '/api/systems', headers: employee, payload: { ...system, name: 'X' } });
    expect(response.statusCode).toBe(403);
  });
});
