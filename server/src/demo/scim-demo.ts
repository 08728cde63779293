import { sql } from 'drizzle-orm';
import { hashToken, newToken } from '../modules/auth/secrets.ts';
import { apiTokens } from '../modules/auth/tables.ts';
import { scimGroupMembers, scimGroups, scimUsers } from '../modules/scim/tables.ts';
import type { DemoExtension } from './demo-extensions.ts';
import { Random } from './random.ts';

/**
 * SCIM as if Entra ID had been connected for a while: a scim_client token (its secret is random and
 * never shown — create a real one with `npx grunnmur token create --role scim_client`), some
 * people taken over by the client with their Entra object ids, and a few groups of the larger
 * units. Written under the client's actor name, so the SCIM page shows its activity.
 */
export const scimDemo: DemoExtension = async (tx, municipality) => {
  const tenantId = municipality.tenant.id;
  const random = new Random(`${municipality.tenant.slug}:scim`);
  const clientName = 'Entra ID (demo)';
  const saved = (await tx.execute(sql`select current_setting('app.actor_name', true) as name, current_setting('app.actor_id', true) as id`)) as unknown as {
    rows: { name: string | null; id: string | null }[];
  };
  const previous = saved.rows[0];

  const [token] = await tx.insert(apiTokens).values({ tenantId, name: clientName, role: 'scim_client', tokenHash: hashToken(newToken('gm_')) }).returning({ id: apiTokens.id });
  await tx.execute(sql`select set_config('app.actor_name', ${`SCIM: ${clientName}`}, true), set_config('app.actor_id', ${`token:${token!.id}`}, true)`);

  const hex = (length: number) => Array.from({ length }, () => Math.floor(random.next() * 16).toString(16)).join('');
  const objectId = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  const employees = municipality.persons.filter((person) => person.kind === 'employee');
  const linked = employees.slice(0, Math.min(employees.length, municipality.persons.length > 200 ? 40 : 12));
  if (linked.length > 0) await tx.insert(scimUsers).values(linked.map((person) => ({ tenantId, personId: person.id, externalId: objectId() })));

  const current = municipality.employments.filter((employment) => employment.endDate === null && employment.isPrimary);
  const headcount = new Map<string, string[]>();
  for (const employment of current) headcount.set(employment.orgUnitId, [...(headcount.get(employment.orgUnitId) ?? []), employment.personId]);
  const largest = [...headcount.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).slice(0, 3);
  const unitName = new Map(municipality.units.map((unit) => [unit.id, unit.name]));
  for (const [unitId, people] of largest) {
    const [group] = await tx
      .insert(scimGroups)
      .values({ tenantId, displayName: `Alle i ${unitName.get(unitId)}`, externalId: objectId() })
      .returning({ id: scimGroups.id });
    const members = people.slice(0, 25);
    if (members.length > 0) await tx.insert(scimGroupMembers).values(members.map((personId) => ({ tenantId, groupId: group!.id, personId })));
  }

  await tx.execute(sql`select set_config('app.actor_name', ${previous?.name ?? ''}, true), set_config('app.actor_id', ${previous?.id ?? ''}, true)`);
};
