import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoIfEmpty } from '../../server/src/demo/load-demo.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

type Counts = Record<string, Record<string, number>>;

/** Rows per tenant slug in each table the demo fills, read as the database owner (no row-level security). */
async function countRows(t: TestApp): Promise<Counts> {
  // Both drivers (PGlite and node-postgres) answer with `{ rows }`.
  const result = (await t.database.db.execute(sql`
    select t.slug,
      (select count(*) from org_units where tenant_id = t.id)::int as units,
      (select count(*) from org_units where tenant_id = t.id and manager_person_id is null)::int as "unitsWithoutLeader",
      (select count(*) from persons where tenant_id = t.id)::int as persons,
      (select count(*) from employments where tenant_id = t.id)::int as employments,
      (select count(*) from positions where tenant_id = t.id)::int as positions,
      (select count(*) from systems where tenant_id = t.id)::int as systems,
      (select count(*) from licence_pools where tenant_id = t.id)::int as "licencePools",
      (select count(*) from users where tenant_id = t.id)::int as users,
      (select count(*) from audit_events where tenant_id = t.id and actor_name = 'Demo-oppsett')::int as "auditEvents"
    from tenants t order by t.slug`)) as unknown as { rows: ({ slug: string } & Record<string, number>)[] };
  const rows = result.rows;
  return Object.fromEntries(rows.map(({ slug, ...counts }) => [slug, counts]));
}

describe('demo loader', () => {
  let t: TestApp;
  let counts: Counts;

  beforeAll(async () => {
    t = await createTestApp();
    const started = performance.now();
    expect(await loadDemoIfEmpty(t.database)).toBe(true);
    console.info(`loaded the demo municipalities in ${Math.round(performance.now() - started)} ms (${t.database.kind})`);
    counts = await countRows(t);
  });
  afterAll(() => t.close());

  it('loads Demo kommune and Nabo kommune with leaders for every unit', () => {
    expect(Object.keys(counts)).toEqual(['demo', 'nabo']);
    const { demo, nabo } = counts as { demo: Record<string, number>; nabo: Record<string, number> };
    expect(demo.units).toBeGreaterThanOrEqual(55);
    expect(demo.units).toBeLessThanOrEqual(65);
    expect(demo.persons).toBe(1000);
    expect(demo.employments).toBeGreaterThanOrEqual(1000);
    expect(demo.systems).toBe(100);
    expect(demo.licencePools).toBeGreaterThanOrEqual(100);
    expect(demo.users).toBe(7);
    expect(nabo.units).toBeGreaterThanOrEqual(12);
    expect(nabo.units).toBeLessThanOrEqual(18);
    expect(nabo.persons).toBe(150);
    expect(nabo.systems).toBe(30);
    expect(nabo.users).toBe(7);
    expect(demo.unitsWithoutLeader).toBe(0);
    expect(nabo.unitsWithoutLeader).toBe(0);
  });

  it('records the load in the audit log as the demo set-up', () => {
    const { demo } = counts as { demo: Record<string, number> };
    expect(demo.auditEvents).toBeGreaterThanOrEqual(demo.units! + demo.persons! + demo.employments! + demo.systems!);
  });

  it('offers one demo person per role on the sign-in page, each placed in a unit', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/auth/demo-users?tenant=demo' });
    expect(response.statusCode).toBe(200);
    const users = response.json() as { displayName: string; roles: string[]; position: string | null; unit: string | null }[];
    expect(users.map((user) => user.roles[0]).sort()).toEqual(
      ['admin', 'architect', 'employee', 'manager', 'process_owner', 'security_officer', 'system_owner'],
    );
    for (const user of users) {
      expect(user.position).toBeTruthy();
      expect(user.unit).toBeTruthy();
    }
    expect(users.find((user) => user.roles[0] === 'manager')).toMatchObject({ position: 'Rektor' });
  });

  it('does nothing when municipalities already exist', async () => {
    expect(await loadDemoIfEmpty(t.database)).toBe(false);
    expect(await countRows(t)).toEqual(counts);
  });
});
