import type { Database } from '../platform/database/connection.ts';
import { inTenant, systemActor } from '../platform/database/tenant-scope.ts';
import { tenants } from '../modules/tenants/tables.ts';
import { orgUnits, persons, positions, employments } from '../modules/org/tables.ts';
import { systems } from '../modules/catalogue/tables.ts';
import { users } from '../modules/auth/tables.ts';

/** Loads Demo kommune and Nabo kommune into a database that has no tenants yet. */
export async function loadDemoIfEmpty(database: Database): Promise<boolean> {
  const existing = await database.db.select({ id: tenants.id }).from(tenants).limit(1);
  if (existing.length > 0) return false;
  // Placeholder until the generator lands: a handful of rows so that the app can be signed into.
  for (const [slug, name] of [['demo', 'Demo kommune'], ['nabo', 'Nabo kommune']] as const) {
    const [tenant] = await database.db.insert(tenants).values({ slug, name }).returning();
    await inTenant(database.db, systemActor(tenant!.id), async (tx) => {
      const [root] = await tx.insert(orgUnits).values({ tenantId: tenant!.id, code: '1000', name: `${name}`, kind: 'municipality' }).returning();
      const [position] = await tx.insert(positions).values({ tenantId: tenant!.id, title: 'Rådgiver' }).returning();
      const [person] = await tx.insert(persons).values({ tenantId: tenant!.id, employeeNumber: '10001', givenName: 'Kari', familyName: 'Nordmann', email: `kari@${slug}.kommune.no` }).returning();
      await tx.insert(employments).values({ tenantId: tenant!.id, personId: person!.id, orgUnitId: root!.id, positionId: position!.id, startDate: '2020-01-01' });
      await tx.insert(users).values({ tenantId: tenant!.id, personId: person!.id, displayName: 'Kari Nordmann', email: person!.email, roles: ['admin'] });
      await tx.insert(systems).values({ tenantId: tenant!.id, name: 'Visma HRM', lifecyclePhase: 'operation', criticality: 'high', ownerPersonId: person!.id, owningUnitId: root!.id });
    });
  }
  return true;
}
