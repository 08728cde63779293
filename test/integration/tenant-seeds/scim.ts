import type { Executor } from '../../../server/src/platform/database/connection.ts';
import { scimGroupMembers, scimGroups, scimUsers } from '../../../server/src/modules/scim/tables.ts';

/** A SCIM link for the tenant's employee, a group marked with `mark`, and the employee in it. */
export async function seedTenant(db: Executor, tenantId: string, mark: string, base: Record<string, string[]>): Promise<Record<string, string[]>> {
  const [, employee] = base.persons as [string, string];
  const [user] = await db.insert(scimUsers).values({ tenantId, personId: employee, externalId: `${mark}-entra` }).returning();
  const [group] = await db.insert(scimGroups).values({ tenantId, displayName: `${mark} gruppe`, externalId: `${mark}-gruppe` }).returning();
  const [member] = await db.insert(scimGroupMembers).values({ tenantId, groupId: group!.id, personId: employee }).returning();
  return { scim_users: [user!.id], scim_groups: [group!.id], scim_group_members: [member!.id] };
}
