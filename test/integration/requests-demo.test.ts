import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoIfEmpty } from '../../server/src/demo/load-demo.ts';
import { users } from '../../server/src/modules/auth/tables.ts';
import { tenants } from '../../server/src/modules/tenants/tables.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** The demo's access requests: what a visitor signing in as the demo employee or manager meets. */
describe('access request demo data', () => {
  let t: TestApp;

  async function signIn(slug: string, role: string) {
    const [tenant] = await t.database.db.select().from(tenants).where(eq(tenants.slug, slug));
    const rows = await t.database.db.select().from(users).where(eq(users.tenantId, tenant!.id));
    const user = rows.find((row) => row.roles.includes(role))!;
    const response = await t.inject({ method: 'POST', url: '/api/auth/demo-sign-in', payload: { tenant: slug, userId: user.id } });
    const cookie = response.cookies.find((c) => c.name === 'grunnmur_session')!;
    return { headers: { cookie: `grunnmur_session=${cookie.value}`, 'x-csrf-token': response.json().csrfToken }, personId: user.personId! };
  }

  beforeAll(async () => {
    t = await createTestApp();
    const started = performance.now();
    expect(await loadDemoIfEmpty(t.database)).toBe(true);
    console.info(`loaded the demo municipalities in ${Math.round(performance.now() - started)} ms (${t.database.kind})`);
  });
  afterAll(() => t?.close());

  it.each(['demo', 'nabo'])('gives the %s manager requests to decide, a deputy, and the employee a role to ask for that the manager approves', async (slug) => {
    const manager = await signIn(slug, 'manager');
    const employee = await signIn(slug, 'employee');
    const inbox = (await t.inject({ method: 'GET', url: '/api/requests/inbox', headers: manager.headers })).json();
    expect(inbox.items.length).toBeGreaterThanOrEqual(1);
    for (const item of inbox.items) expect(item.request.steps[0].approver.id).toBe(manager.personId);
    const deputies = (await t.inject({ method: 'GET', url: '/api/requests/deputies', headers: manager.headers })).json();
    expect(deputies.items.filter((d: { active: boolean }) => d.active)).toHaveLength(1);

    const mine = (await t.inject({ method: 'GET', url: '/api/requests/mine', headers: employee.headers })).json();
    expect(mine.items.map((r: { state: string }) => r.state)).toEqual(['approved']);
    const catalogue = (await t.inject({ method: 'GET', url: '/api/requests/catalogue', headers: employee.headers })).json();
    const free = catalogue.items.find((role: { held: boolean; pendingRequestId: string | null }) => !role.held && !role.pendingRequestId);
    expect(free).toBeDefined();
    const asked = await t.inject({ method: 'POST', url: '/api/requests', headers: employee.headers, payload: { businessRoleId: free.id, reason: 'Demo: trenger tilgangen' } });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json().steps[0].approver.id).toBe(manager.personId);
  });

  it('keeps the history consistent: an approved request has its assignment, a rejected one has none', async () => {
    const rows = (await t.database.db.execute(sql`
      select r.state, count(a.id)::int as assignments from access_requests r
      left join role_assignments a on a.request_id = r.id group by r.id, r.state`)) as unknown as { rows: { state: string; assignments: number }[] };
    for (const row of rows.rows) expect(row.assignments, row.state).toBe(row.state === 'approved' ? 1 : 0);
    expect(rows.rows.some((row) => row.state === 'rejected')).toBe(true);
  });
});
