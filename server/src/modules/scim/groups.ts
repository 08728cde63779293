import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import { persons } from '../org/tables.ts';
import { etagOf } from './protocol/etag.ts';
import { isObject, keyOf, type Resource } from './protocol/paths.ts';
import { invalidValue, resourceNotFound, uniqueness } from './protocol/scim-error.ts';
import { groupSchemaId } from './protocol/schemas.ts';
import { scimGroupMembers, scimGroups, scimUsers } from './tables.ts';

export interface GroupInput {
  displayName: string;
  externalId: string | null;
  memberIds: string[];
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads a Group resource from a client. Members are Users (people); nested groups are refused. */
export function readGroup(resource: Resource): GroupInput {
  const field = (name: string) => {
    const key = keyOf(resource, name);
    return key === undefined ? undefined : resource[key];
  };
  const displayName = field('displayName');
  if (typeof displayName !== 'string' || displayName.trim() === '') throw invalidValue('displayName is required.');
  const externalId = field('externalId');
  if (externalId !== undefined && externalId !== null && typeof externalId !== 'string') throw invalidValue('externalId must be a string.');
  const members = field('members') ?? [];
  if (!Array.isArray(members)) throw invalidValue('members must be a list.');
  const memberIds = members.map((member) => {
    const value = isObject(member) ? member[keyOf(member, 'value') ?? 'value'] : member;
    const type = isObject(member) ? member[keyOf(member, 'type') ?? 'type'] : undefined;
    if (typeof type === 'string' && type.toLowerCase() === 'group') throw invalidValue('Groups in Grunnmur hold Users only, not other Groups.');
    if (typeof value !== 'string' || !uuidPattern.test(value)) throw invalidValue(`The member «${String(value)}» is not a User id of this server.`);
    return value.toLowerCase();
  });
  return { displayName: displayName.trim(), externalId: typeof externalId === 'string' && externalId.trim() ? externalId.trim() : null, memberIds: [...new Set(memberIds)] };
}

/** Groups as SCIM resources, with their members, in a constant number of queries. */
export async function loadGroups(tx: Executor, baseUrl: string, selection: { ids?: string[]; displayName?: string } = {}): Promise<Resource[]> {
  const conditions = [];
  if (selection.ids) {
    const ids = selection.ids.filter((id) => uuidPattern.test(id));
    if (ids.length === 0) return [];
    conditions.push(inArray(scimGroups.id, ids));
  }
  if (selection.displayName !== undefined) conditions.push(sql`lower(${scimGroups.displayName}) = ${selection.displayName.toLowerCase()}`);
  const groups = await tx
    .select()
    .from(scimGroups)
    .where(and(...conditions))
    .orderBy(scimGroups.displayName, scimGroups.id);
  if (groups.length === 0) return [];
  const members = await tx
    .select({ groupId: scimGroupMembers.groupId, personId: persons.id, givenName: persons.givenName, familyName: persons.familyName, addedAt: scimGroupMembers.createdAt })
    .from(scimGroupMembers)
    .innerJoin(persons, eq(persons.id, scimGroupMembers.personId))
    .where(selection.ids || selection.displayName !== undefined ? inArray(scimGroupMembers.groupId, groups.map((group) => group.id)) : undefined)
    .orderBy(persons.familyName, persons.givenName, persons.id);
  const membersOf = new Map<string, typeof members>();
  for (const member of members) membersOf.set(member.groupId, [...(membersOf.get(member.groupId) ?? []), member]);
  return groups.map((group) => {
    const list = membersOf.get(group.id) ?? [];
    const resource: Resource = {
      schemas: [groupSchemaId],
      id: group.id,
      ...(group.externalId ? { externalId: group.externalId } : {}),
      displayName: group.displayName,
      members: list.map((member) => ({
        value: member.personId,
        $ref: `${baseUrl}/Users/${member.personId}`,
        display: `${member.givenName} ${member.familyName}`.trim(),
        type: 'User',
      })),
    };
    const lastMembership = list.reduce<Date | null>((latest, member) => (!latest || member.addedAt > latest ? member.addedAt : latest), null);
    resource.meta = {
      resourceType: 'Group',
      created: group.createdAt.toISOString(),
      lastModified: (lastMembership && lastMembership > group.updatedAt ? lastMembership : group.updatedAt).toISOString(),
      location: `${baseUrl}/Groups/${group.id}`,
      version: etagOf(resource),
    };
    return resource;
  });
}

export async function getGroup(tx: Executor, baseUrl: string, id: string): Promise<Resource> {
  const [group] = await loadGroups(tx, baseUrl, { ids: [id] });
  if (!group) throw resourceNotFound('Group', id);
  return group;
}

async function checkInput(tx: Executor, input: GroupInput, selfId: string | null) {
  const [same] = await tx
    .select({ id: scimGroups.id })
    .from(scimGroups)
    .where(and(sql`lower(${scimGroups.displayName}) = ${input.displayName.toLowerCase()}`, selfId ? ne(scimGroups.id, selfId) : undefined))
    .limit(1);
  if (same) throw uniqueness(`A Group named «${input.displayName}» already exists.`);
  if (input.memberIds.length === 0) return;
  const found = await tx
    .select({ id: persons.id })
    .from(persons)
    .leftJoin(scimUsers, eq(scimUsers.personId, persons.id))
    .where(and(inArray(persons.id, input.memberIds), isNull(scimUsers.deprovisionedAt)));
  const known = new Set(found.map((row) => row.id));
  const unknown = input.memberIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw invalidValue(`These members are not Users of this server: ${unknown.join(', ')}.`);
}

export async function createGroup(tx: Executor, tenantId: string, input: GroupInput): Promise<string> {
  await checkInput(tx, input, null);
  const [group] = await tx.insert(scimGroups).values({ tenantId, displayName: input.displayName, externalId: input.externalId }).returning({ id: scimGroups.id });
  if (input.memberIds.length > 0) {
    await tx.insert(scimGroupMembers).values(input.memberIds.map((personId) => ({ tenantId, groupId: group!.id, personId })));
  }
  return group!.id;
}

/** Stores a Group over an existing one; returns the people whose membership changed. */
export async function replaceGroup(tx: Executor, tenantId: string, id: string, input: GroupInput): Promise<string[]> {
  await checkInput(tx, input, id);
  const [before] = await tx.select().from(scimGroups).where(eq(scimGroups.id, id));
  if (!before) throw resourceNotFound('Group', id);
  if (before.displayName !== input.displayName || before.externalId !== input.externalId) {
    await tx.update(scimGroups).set({ displayName: input.displayName, externalId: input.externalId, updatedAt: new Date() }).where(eq(scimGroups.id, id));
  }
  const current = new Set((await tx.select({ personId: scimGroupMembers.personId }).from(scimGroupMembers).where(eq(scimGroupMembers.groupId, id))).map((row) => row.personId));
  const wanted = new Set(input.memberIds);
  const added = [...wanted].filter((personId) => !current.has(personId));
  const removed = [...current].filter((personId) => !wanted.has(personId));
  if (removed.length > 0) await tx.delete(scimGroupMembers).where(and(eq(scimGroupMembers.groupId, id), inArray(scimGroupMembers.personId, removed)));
  if (added.length > 0) await tx.insert(scimGroupMembers).values(added.map((personId) => ({ tenantId, groupId: id, personId })));
  if (added.length + removed.length > 0) await tx.update(scimGroups).set({ updatedAt: new Date() }).where(eq(scimGroups.id, id));
  return [...added, ...removed];
}

/** Deletes a group and its memberships; returns its former members. */
export async function deleteGroup(tx: Executor, id: string): Promise<string[]> {
  const members = (await tx.select({ personId: scimGroupMembers.personId }).from(scimGroupMembers).where(eq(scimGroupMembers.groupId, id))).map((row) => row.personId);
  const deleted = await tx.delete(scimGroups).where(eq(scimGroups.id, id)).returning({ id: scimGroups.id });
  if (deleted.length === 0) throw resourceNotFound('Group', id);
  return members;
}
