import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database, Executor } from '../platform/database/connection.ts';
import { inTenant, systemActor } from '../platform/database/tenant-scope.ts';
import { tenants } from '../modules/tenants/tables.ts';
import { orgUnits, persons, positions, employments } from '../modules/org/tables.ts';
import { licencePools, systems } from '../modules/catalogue/tables.ts';
import { users } from '../modules/auth/tables.ts';
import { demoExtensions } from './demo-extensions.ts';
import { generateMunicipality, type GenerateOptions, type GeneratedMunicipality } from './generate-municipality.ts';

/** The two municipalities every fresh installation starts with. */
export const demoMunicipalities: readonly Omit<GenerateOptions, 'today'>[] = [
  { seed: 'grunnmur-demo-kommune', slug: 'demo', name: 'Demo kommune', employees: 1000, systems: 100 },
  { seed: 'grunnmur-nabo-kommune', slug: 'nabo', name: 'Nabo kommune', employees: 150, systems: 30 },
];

const chunkSize = 500;
/** Any fixed number: makes two instances starting together on one PostgreSQL load the demo once. */
const demoLockKey = 7431002;

/**
 * Loads Demo kommune and Nabo kommune into a database that has no tenants yet, all in one
 * transaction so that a start interrupted half-way leaves nothing behind. Returns whether it loaded.
 */
export async function loadDemoIfEmpty(database: Database): Promise<boolean> {
  const existing = await database.db.select({ id: tenants.id }).from(tenants).limit(1);
  if (existing.length > 0) return false;
  const today = new Date().toISOString().slice(0, 10);
  const municipalities = demoMunicipalities.map((options) => generateMunicipality({ ...options, today }));
  return database.db.transaction(async (transaction) => {
    const outer = transaction as unknown as Executor;
    await outer.execute(sql`select pg_advisory_xact_lock(${demoLockKey})`);
    const again = await outer.select({ id: tenants.id }).from(tenants).limit(1);
    if (again.length > 0) return false;
    // Tenants are not tenant data: they are written before switching to the application role.
    await outer.insert(tenants).values(municipalities.map((m) => m.tenant));
    for (const municipality of municipalities) {
      await inTenant(outer, systemActor(municipality.tenant.id, 'Demo-oppsett'), (tx) => insertMunicipality(tx, municipality));
    }
    return true;
  });
}

/**
 * Writes one generated municipality through an executor already scoped to its tenant. Units and
 * their leaders refer to each other, so units go in without leaders, which are set at the end.
 */
export async function insertMunicipality(tx: Executor, municipality: GeneratedMunicipality): Promise<void> {
  await insertChunked(tx, orgUnits, municipality.units.map((unit) => ({ ...unit, managerPersonId: null })));
  await insertChunked(tx, positions, municipality.positions);
  await insertChunked(tx, persons, municipality.persons);
  await insertChunked(tx, employments, municipality.employments);
  for (let start = 0; start < municipality.units.length; start += chunkSize) {
    const pairs = municipality.units.slice(start, start + chunkSize).map((unit) => sql`(${unit.id}::uuid, ${unit.managerPersonId}::uuid)`);
    await tx.execute(sql`
      update org_units set manager_person_id = leaders.person_id
      from (values ${sql.join(pairs, sql`, `)}) as leaders(unit_id, person_id)
      where org_units.id = leaders.unit_id`);
  }
  await insertChunked(tx, systems, municipality.systems);
  await insertChunked(tx, licencePools, municipality.licencePools);
  await insertChunked(tx, users, municipality.users);
  for (const extend of demoExtensions) await extend(tx, municipality);
}

async function insertChunked<T extends PgTable>(tx: Executor, table: T, rows: readonly T['$inferInsert'][]): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkSize) {
    await tx.insert(table).values(rows.slice(start, start + chunkSize) as T['$inferInsert'][]);
  }
}
