/** A municipality wired to a real slapd through the LDAP connector, for the provisioning tests. */
import { businessRoleSystemRoles, businessRoles, assignmentRules, systemRoles } from '../../server/src/modules/access/tables.ts';
import { systems } from '../../server/src/modules/catalogue/tables.ts';
import { orgUnits, positions } from '../../server/src/modules/org/tables.ts';
import { systemConnectorSecrets, systemConnectors } from '../../server/src/modules/provisioning/tables.ts';
import type { Executor } from '../../server/src/platform/database/connection.ts';
import type { Slapd } from '../support/slapd.ts';

export interface Wired {
  systemId: string;
  schoolUnitId: string;
  officeUnitId: string;
  teacherRoleId: string;
  officeRoleId: string;
  teacherGroup: string;
  officeGroup: string;
}

/**
 * Units SKOLE and KONTOR; everyone in SKOLE gets the teacher group, in KONTOR the office group.
 * `connector` adds to or overrides the LDAP settings (e.g. `{ flavour: 'active_directory' }`).
 */
export async function wireTenant(db: Executor, tenantId: string, slapd: Slapd, connector: Record<string, unknown> = {}): Promise<Wired> {
  const [root] = await db.insert(orgUnits).values({ tenantId, code: 'KOMMUNE', name: 'Testkommune', kind: 'municipality' }).returning();
  const [school] = await db.insert(orgUnits).values({ tenantId, code: 'SKOLE', name: 'Nordby skole', kind: 'school', parentId: root!.id }).returning();
  const [office] = await db.insert(orgUnits).values({ tenantId, code: 'KONTOR', name: 'Servicekontoret', kind: 'unit', parentId: root!.id }).returning();
  await db.insert(positions).values([{ tenantId, title: 'Lærer' }, { tenantId, title: 'Rådgiver' }]);
  const [system] = await db.insert(systems).values({ tenantId, name: 'Kommunens katalog (AD)' }).returning();
  const teacherGroup = `cn=larere,${slapd.groupsDn}`;
  const officeGroup = `cn=kontor,${slapd.groupsDn}`;
  const [teacherRole] = await db.insert(systemRoles).values({ tenantId, systemId: system!.id, name: 'Lærer', targetGroup: teacherGroup }).returning();
  const [officeRole] = await db.insert(systemRoles).values({ tenantId, systemId: system!.id, name: 'Kontor', targetGroup: officeGroup }).returning();
  for (const [unit, role, name] of [
    [school!, teacherRole!, 'Lærer ved Nordby'],
    [office!, officeRole!, 'Saksbehandler servicekontor'],
  ] as const) {
    const [business] = await db.insert(businessRoles).values({ tenantId, name, description: name }).returning();
    await db.insert(businessRoleSystemRoles).values({ tenantId, businessRoleId: business!.id, systemRoleId: role.id });
    await db.insert(assignmentRules).values({ tenantId, businessRoleId: business!.id, orgUnitId: unit.id, includeSubUnits: true });
  }
  const [connectorRow] = await db
    .insert(systemConnectors)
    .values({
      tenantId,
      systemId: system!.id,
      kind: 'ldap',
      settings: { url: slapd.url, bindDn: slapd.rootDn, usersDn: slapd.usersDn, disabledDn: slapd.disabledDn, groupsDn: slapd.groupsDn, flavour: 'openldap', ...connector },
      secretsSetAt: new Date(),
    })
    .returning();
  await db.insert(systemConnectorSecrets).values({ tenantId, connectorId: connectorRow!.id, secrets: { bindPassword: slapd.rootPassword } });
  return { systemId: system!.id, schoolUnitId: school!.id, officeUnitId: office!.id, teacherRoleId: teacherRole!.id, officeRoleId: officeRole!.id, teacherGroup, officeGroup };
}

/** An HR file (CSV) for people `from`..`to`-1: even numbers in SKOLE, odd in KONTOR, unless `unitOf` says otherwise. */
export function hrCsv(numbers: number[], unitOf: (n: number) => string = (n) => (n % 2 === 0 ? 'SKOLE' : 'KONTOR')): Uint8Array {
  const lines = ['ansattnummer;fornavn;etternavn;enhetskode;stilling;leder;startdato;sluttdato'];
  for (const n of numbers) lines.push(`${n};Person${n};Hansen${n};${unitOf(n)};${unitOf(n) === 'SKOLE' ? 'Lærer' : 'Rådgiver'};;2020-01-01;`);
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

export async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!ok(value)) {
    if (Date.now() > deadline) throw new Error(`Timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 250));
    value = await probe();
  }
  return value;
}
