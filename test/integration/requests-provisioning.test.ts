import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessRoleSystemRoles, businessRoles, systemRoles } from '../../server/src/modules/access/tables.ts';
import { users } from '../../server/src/modules/auth/tables.ts';
import { systems } from '../../server/src/modules/catalogue/tables.ts';
import { employments, orgUnits, persons } from '../../server/src/modules/org/tables.ts';
import { systemConnectors } from '../../server/src/modules/provisioning/tables.ts';
import { inTenant, systemActor } from '../../server/src/platform/database/tenant-scope.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * The whole way with the real jobs: an approved request becomes a role assignment, the access
 * engine's recompute queues the work, the system's manual connector makes it a task for the system
 * administrator, and ticking it off makes the request "provisioned".
 */
describe('an approved access request, provisioned through a manual connector', () => {
  let t: TestApp;
  let tenantId: string;
  const person: Record<string, string> = {};
  const headers: Record<string, Record<string, string>> = {};
  let roleId = '';

  beforeAll(async () => {
    t = await createTestApp({ workJobs: true });
    tenantId = await t.createTenant('demo');
    await inTenant(t.database.db, systemActor(tenantId), async (tx) => {
      for (const [key, given] of [['leader', 'Liv'], ['worker', 'Odd'], ['admin', 'Ada']] as const) {
        const [row] = await tx.insert(persons).values({ tenantId, employeeNumber: key, givenName: given, familyName: 'Hansen', email: `${key}@demo.kommune.no` }).returning();
        person[key] = row!.id;
      }
      const [unit] = await tx.insert(orgUnits).values({ tenantId, code: '1', name: 'Servicetorget', managerPersonId: person.leader }).returning();
      await tx.insert(employments).values({ tenantId, personId: person.worker!, orgUnitId: unit!.id, managerPersonId: person.leader, startDate: '2020-01-01' });
      const [system] = await tx.insert(systems).values({ tenantId, name: 'Gammelt fagsystem', administratorPersonId: person.admin }).returning();
      await tx.insert(systemConnectors).values({ tenantId, systemId: system!.id, kind: 'manual' });
      const [systemRole] = await tx.insert(systemRoles).values({ tenantId, systemId: system!.id, name: 'Bruker' }).returning();
      const [role] = await tx.insert(businessRoles).values({ tenantId, name: 'Fagsystembruker', description: 'Bruke det gamle fagsystemet.' }).returning();
      await tx.insert(businessRoleSystemRoles).values({ tenantId, businessRoleId: role!.id, systemRoleId: systemRole!.id });
      roleId = role!.id;
    });
    for (const [key, role] of [['leader', 'manager'], ['worker', 'employee'], ['admin', 'admin']] as const) {
      const [user] = await t.database.db.insert(users).values({ tenantId, personId: person[key]!, displayName: key, roles: [role] }).returning();
      const response = await t.inject({ method: 'POST', url: '/api/auth/demo-sign-in', payload: { tenant: 'demo', userId: user!.id } });
      const cookie = response.cookies.find((c) => c.name === 'grunnmur_session')!;
      headers[key] = { cookie: `grunnmur_session=${cookie.value}`, 'x-csrf-token': response.json().csrfToken };
    }
  });
  afterAll(() => t?.close());

  async function statusOf(id: string, until: string, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let state = '';
    while (Date.now() < deadline) {
      state = (await t.inject({ method: 'GET', url: `/api/requests/${id}`, headers: headers.worker })).json().fulfilment?.state ?? '';
      if (state === until) return state;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return state;
  }

  it('waits for the system administrator, then shows the request as provisioned', async () => {
    const asked = await t.inject({ method: 'POST', url: '/api/requests', headers: headers.worker, payload: { businessRoleId: roleId, reason: 'Skal ta over saksbehandlingen' } });
    expect(asked.statusCode, asked.body).toBe(201);
    const id = asked.json().id as string;
    const approved = await t.inject({ method: 'POST', url: `/api/requests/${id}/decision`, headers: headers.leader, payload: { decision: 'approved' } });
    expect(approved.json().state).toBe('approved');

    expect(await statusOf(id, 'waiting_for_administrator')).toBe('waiting_for_administrator');
    const tasks = (await t.inject({ method: 'GET', url: '/api/provisioning/manual-tasks', headers: headers.admin })).json().items as { id: string; personId: string }[];
    const mine = tasks.filter((task) => task.personId === person.worker);
    expect(mine.length).toBeGreaterThan(0);
    for (const task of mine) {
      const done = await t.inject({ method: 'POST', url: `/api/provisioning/manual-tasks/${task.id}/complete`, headers: headers.admin });
      expect(done.statusCode, done.body).toBe(204);
    }
    expect(await statusOf(id, 'provisioned')).toBe('provisioned');
  });
});
