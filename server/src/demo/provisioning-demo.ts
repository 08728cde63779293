/**
 * The demo's provisioning: every system with a role model gets a connector — most as manual tasks
 * for the system administrator, Microsoft 365 over SCIM and the schools' directory over LDAP with
 * addresses that lead nowhere (switched off, so nothing is sent at load or later). A handful of
 * open manual tasks and one operation that failed show the area as it looks in daily use.
 * Nothing is dispatched at load.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { desiredEntitlements, systemRoles } from '../modules/access/tables.ts';
import { provisioningBatches, provisioningOperations, systemConnectors, type OperationAction } from '../modules/provisioning/tables.ts';
import type { DemoExtension } from './demo-extensions.ts';
import { Random } from './random.ts';

const automatic: Record<string, { kind: 'scim' | 'ldap'; settings: (slug: string) => Record<string, unknown> }> = {
  'Microsoft 365': { kind: 'scim', settings: (slug) => ({ baseUrl: `https://scim.${slug}.demo.invalid/scim/v2`, externalIdFrom: 'employee_number' }) },
  Skolefrisk: {
    kind: 'ldap',
    settings: (slug) => ({ url: `ldaps://katalog.${slug}.demo.invalid`, bindDn: `cn=grunnmur,ou=tjenester,dc=${slug},dc=kommune,dc=no`, usersDn: `ou=ansatte,dc=${slug},dc=kommune,dc=no`, disabledDn: `ou=deaktivert,dc=${slug},dc=kommune,dc=no`, groupsDn: `ou=grupper,dc=${slug},dc=kommune,dc=no`, flavour: 'openldap' }),
  },
};

export const provisioningDemo: DemoExtension = async (tx, municipality) => {
  const tenantId = municipality.tenant.id;
  const slug = municipality.tenant.slug;
  const random = new Random(`${slug}:provisioning`);
  const withRoles = new Set((await tx.selectDistinct({ systemId: systemRoles.systemId }).from(systemRoles).where(eq(systemRoles.tenantId, tenantId))).map((r) => r.systemId));
  const connected = municipality.systems.filter((s) => withRoles.has(s.id));
  if (connected.length === 0) return;
  await tx.insert(systemConnectors).values(
    connected.map((system) => {
      const auto = automatic[system.name];
      return { tenantId, systemId: system.id, kind: auto?.kind ?? ('manual' as const), settings: auto ? auto.settings(slug) : {}, enabled: !auto };
    }),
  );

  // Open manual tasks: a few people's access in systems without an API, as a recent change would leave them.
  const manualSystems = connected.filter((s) => !automatic[s.name]).map((s) => s.id);
  const entitlements = await tx
    .select({ personId: desiredEntitlements.personId, systemRoleId: desiredEntitlements.systemRoleId, systemId: systemRoles.systemId })
    .from(desiredEntitlements)
    .innerJoin(systemRoles, eq(systemRoles.id, desiredEntitlements.systemRoleId))
    .where(and(eq(desiredEntitlements.tenantId, tenantId), inArray(systemRoles.systemId, manualSystems), eq(desiredEntitlements.state, 'active')))
    .orderBy(desiredEntitlements.personId, desiredEntitlements.systemRoleId)
    .limit(400);
  if (entitlements.length === 0) return;
  const chosen = Array.from({ length: Math.min(municipality.persons.length > 300 ? 5 : 3, entitlements.length) }, () => random.pick(entitlements));
  const batchId = random.uuid();
  await tx.insert(provisioningBatches).values({ id: batchId, tenantId, origin: 'person_event', state: 'released', grantCount: chosen.length * 2 });
  const seen = new Set<string>();
  const operations: (typeof provisioningOperations.$inferInsert)[] = [];
  const add = (personId: string, systemId: string, systemRoleId: string | null, action: OperationAction, state: 'manual_pending' | 'failed' | 'done', extra: Partial<typeof provisioningOperations.$inferInsert> = {}) =>
    operations.push({ tenantId, batchId, personId, systemId, systemRoleId, action, state, reason: 'Ny i enheten', idempotencyKey: `${batchId}:${operations.length}`, ...extra });
  for (const e of chosen) {
    if (seen.has(`${e.personId}|${e.systemRoleId}`)) continue;
    seen.add(`${e.personId}|${e.systemRoleId}`);
    add(e.personId, e.systemId, null, 'create_account', 'manual_pending');
    add(e.personId, e.systemId, e.systemRoleId, 'grant', 'manual_pending');
  }

  // One operation that kept failing: the SCIM service of Microsoft 365 did not answer.
  const m365 = connected.find((s) => s.name === 'Microsoft 365');
  const [m365Role] = m365 ? await tx.select({ id: systemRoles.id }).from(systemRoles).where(eq(systemRoles.systemId, m365.id)).limit(1) : [];
  if (m365 && m365Role) {
    add(chosen[0]!.personId, m365.id, m365Role.id, 'grant', 'failed', {
      attempts: 5,
      lastError: `SCIM-tjenesten https://scim.${slug}.demo.invalid/scim/v2 svarer ikke: fetch failed`,
    });
  }
  await tx.insert(provisioningOperations).values(operations);
};
