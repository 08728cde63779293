import { and, count, desc, eq, gte, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { addDays, clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/database/connection.ts';
import { employments, orgUnits, persons, positions } from '../org/tables.ts';
import { etagOf } from './protocol/etag.ts';
import type { Resource } from './protocol/paths.ts';
import { invalidValue, resourceNotFound, uniqueness } from './protocol/scim-error.ts';
import { enterpriseSchemaId, userSchemaId } from './protocol/schemas.ts';
import { readUser, type UserInput } from './protocol/user-input.ts';
import { scimGroupMembers, scimGroups, scimUsers } from './tables.ts';

/** Narrows which people are loaded; the filter is still evaluated on the result. */
export interface UserSelection {
  ids?: string[];
  userName?: string;
  externalId?: string;
  /** A page in the default order (family name, given name, id), for an unfiltered, unsorted list. */
  page?: { offset: number; limit: number };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An employment that has started and not ended on `day` (the end date is the last day). */
const currentOn = (day: string) => and(lte(employments.startDate, day), or(isNull(employments.endDate), gte(employments.endDate, day)))!;

/**
 * People as SCIM Users: every person of the tenant (HR-imported ones too, so that a client can find
 * and adopt them by userName), except those a client deleted. A constant number of queries.
 */
export async function loadUsers(tx: Executor, baseUrl: string, selection: UserSelection = {}): Promise<Resource[]> {
  const conditions: SQL[] = [isNull(scimUsers.deprovisionedAt)];
  if (selection.ids) {
    const ids = selection.ids.filter((id) => uuidPattern.test(id));
    if (ids.length === 0) return [];
    conditions.push(inArray(persons.id, ids));
  }
  if (selection.userName !== undefined) {
    conditions.push(sql`lower(coalesce(${persons.username}, ${persons.email}, ${persons.employeeNumber})) = ${selection.userName.toLowerCase()}`);
  }
  if (selection.externalId !== undefined) conditions.push(eq(scimUsers.externalId, selection.externalId));
  const rows = await tx
    .select({ person: persons, link: scimUsers })
    .from(persons)
    .leftJoin(scimUsers, eq(scimUsers.personId, persons.id))
    .where(and(...conditions))
    .orderBy(persons.familyName, persons.givenName, persons.id)
    .limit(selection.page?.limit ?? Number.MAX_SAFE_INTEGER)
    .offset(selection.page?.offset ?? 0);
  if (rows.length === 0) return [];
  const narrowed = selection.ids || selection.userName !== undefined || selection.externalId !== undefined || selection.page;
  const personIds = narrowed ? rows.map((row) => row.person.id) : undefined;
  const today = clock.today();

  const jobs = await tx
    .select({
      personId: employments.personId,
      managerPersonId: employments.managerPersonId,
      unitManagerId: orgUnits.managerPersonId,
      unitCode: orgUnits.code,
      title: positions.title,
      updatedAt: employments.updatedAt,
    })
    .from(employments)
    .innerJoin(orgUnits, eq(orgUnits.id, employments.orgUnitId))
    .leftJoin(positions, eq(positions.id, employments.positionId))
    .where(and(currentOn(today), personIds ? inArray(employments.personId, personIds) : undefined))
    .orderBy(desc(employments.isPrimary), desc(employments.startDate));
  const jobOf = new Map<string, (typeof jobs)[number]>();
  for (const job of jobs) if (!jobOf.has(job.personId)) jobOf.set(job.personId, job);

  const memberships = await tx
    .select({ personId: scimGroupMembers.personId, groupId: scimGroups.id, displayName: scimGroups.displayName })
    .from(scimGroupMembers)
    .innerJoin(scimGroups, eq(scimGroups.id, scimGroupMembers.groupId))
    .where(personIds ? inArray(scimGroupMembers.personId, personIds) : undefined)
    .orderBy(scimGroups.displayName);
  const groupsOf = new Map<string, { value: string; $ref: string; display: string }[]>();
  for (const row of memberships) {
    const list = groupsOf.get(row.personId) ?? [];
    list.push({ value: row.groupId, $ref: `${baseUrl}/Groups/${row.groupId}`, display: row.displayName });
    groupsOf.set(row.personId, list);
  }

  const managerIds = [...new Set([...jobOf.values()].map((job) => job.managerPersonId ?? job.unitManagerId).filter((id): id is string => !!id))];
  const managerNames = new Map<string, string>();
  if (managerIds.length > 0) {
    for (const row of await tx
      .select({ id: persons.id, givenName: persons.givenName, familyName: persons.familyName })
      .from(persons)
      .where(inArray(persons.id, managerIds))) {
      managerNames.set(row.id, `${row.givenName} ${row.familyName}`.trim());
    }
  }

  return rows.map(({ person, link }) => {
    const job = jobOf.get(person.id);
    // The manager is the employment's, else the unit's leader (the org model's rule) — never oneself.
    const managerId = [job?.managerPersonId, job?.unitManagerId].find((id) => id && id !== person.id) ?? null;
    const enterprise: Record<string, unknown> = { employeeNumber: person.employeeNumber };
    if (job) enterprise.department = job.unitCode;
    if (managerId) enterprise.manager = { value: managerId, $ref: `${baseUrl}/Users/${managerId}`, displayName: managerNames.get(managerId) };
    const displayName = `${person.givenName} ${person.familyName}`.trim();
    const resource: Resource = {
      schemas: [userSchemaId, enterpriseSchemaId],
      id: person.id,
      ...(link?.externalId ? { externalId: link.externalId } : {}),
      userName: person.username ?? person.email ?? person.employeeNumber,
      name: { formatted: displayName, familyName: person.familyName, givenName: person.givenName },
      displayName,
      ...(job?.title ? { title: job.title } : {}),
      active: link ? link.active : job !== undefined,
      ...(person.email ? { emails: [{ value: person.email, type: 'work', primary: true }] } : {}),
      ...(groupsOf.has(person.id) ? { groups: groupsOf.get(person.id) } : {}),
      [enterpriseSchemaId]: enterprise,
    };
    const modified = [person.updatedAt, link?.updatedAt, job?.updatedAt].filter((d): d is Date => !!d).reduce((a, b) => (a > b ? a : b));
    resource.meta = {
      resourceType: 'User',
      created: (link?.createdAt && link.createdAt < person.createdAt ? link.createdAt : person.createdAt).toISOString(),
      lastModified: modified.toISOString(),
      location: `${baseUrl}/Users/${person.id}`,
      version: etagOf(resource),
    };
    return resource;
  });
}

/** How many Users there are (people a client has not deleted). */
export async function countUsers(tx: Executor): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(persons)
    .leftJoin(scimUsers, eq(scimUsers.personId, persons.id))
    .where(isNull(scimUsers.deprovisionedAt));
  return row?.n ?? 0;
}

export async function getUser(tx: Executor, baseUrl: string, id: string): Promise<Resource> {
  const [user] = await loadUsers(tx, baseUrl, { ids: [id] });
  if (!user) throw resourceNotFound('User', id);
  return user;
}

async function assertUnique(tx: Executor, input: UserInput, selfId: string | null) {
  const notSelf = selfId ? ne(persons.id, selfId) : undefined;
  const [sameName] = await tx
    .select({ id: persons.id })
    .from(persons)
    .where(and(sql`lower(${persons.username}) = ${input.userName.toLowerCase()}`, notSelf))
    .limit(1);
  if (sameName) throw uniqueness(`userName «${input.userName}» is already in use.`);
  if (input.employeeNumber) {
    const [sameNumber] = await tx.select({ id: persons.id }).from(persons).where(and(eq(persons.employeeNumber, input.employeeNumber), notSelf)).limit(1);
    if (sameNumber) throw uniqueness(`employeeNumber «${input.employeeNumber}» is already in use.`);
  }
}

/** Creates a person from a User (POST). A userName a client deleted earlier brings that person back. */
export async function createUser(tx: Executor, tenantId: string, input: UserInput): Promise<{ id: string; revived: boolean }> {
  const [former] = await tx
    .select({ id: persons.id })
    .from(persons)
    .innerJoin(scimUsers, eq(scimUsers.personId, persons.id))
    .where(and(sql`lower(${persons.username}) = ${input.userName.toLowerCase()}`, sql`${scimUsers.deprovisionedAt} is not null`))
    .limit(1);
  if (former) {
    await tx.update(scimUsers).set({ deprovisionedAt: null, updatedAt: new Date() }).where(eq(scimUsers.personId, former.id));
    await replaceUser(tx, tenantId, former.id, input, null);
    return { id: former.id, revived: true };
  }
  await assertUnique(tx, input, null);
  const managerId = await checkManager(tx, input.managerId, null);
  const unit = await unitFor(tx, input.departmentCode);
  const [person] = await tx
    .insert(persons)
    .values({
      tenantId,
      employeeNumber: input.employeeNumber ?? `scim-${crypto.randomUUID().slice(0, 8)}`,
      givenName: input.givenName,
      familyName: input.familyName,
      email: input.email,
      username: input.userName,
    })
    .returning({ id: persons.id });
  await tx.insert(scimUsers).values({ tenantId, personId: person!.id, externalId: input.externalId, active: input.active });
  if (input.active && unit) {
    await tx.insert(employments).values({
      tenantId,
      personId: person!.id,
      orgUnitId: unit.id,
      positionId: await positionFor(tx, tenantId, input.title),
      managerPersonId: managerId,
      startDate: clock.today(),
      isPrimary: true,
    });
  }
  return { id: person!.id, revived: false };
}

/**
 * Stores a User over an existing person (PUT, and PATCH after its operations are applied).
 * `previous` is the resource before the change: an attribute it had and `input` lacks is cleared
 * (title, manager), while employment itself only changes on what the client says outright —
 * active false ends it (a leaver), a new department moves the person (a mover).
 */
export async function replaceUser(tx: Executor, tenantId: string, id: string, input: UserInput, previous: Resource | null): Promise<void> {
  await assertUnique(tx, input, id);
  const managerId = await checkManager(tx, input.managerId, id);
  const unit = await unitFor(tx, input.departmentCode);
  await tx
    .update(persons)
    .set({
      givenName: input.givenName,
      familyName: input.familyName,
      email: input.email,
      username: input.userName,
      ...(input.employeeNumber ? { employeeNumber: input.employeeNumber } : {}),
      updatedAt: new Date(),
    })
    .where(eq(persons.id, id));
  await tx
    .insert(scimUsers)
    .values({ tenantId, personId: id, externalId: input.externalId, active: input.active })
    .onConflictDoUpdate({
      target: [scimUsers.tenantId, scimUsers.personId],
      set: { externalId: input.externalId, active: input.active, updatedAt: new Date() },
    });

  const today = clock.today();
  const yesterday = addDays(today, -1);
  const open = await tx
    .select()
    .from(employments)
    .where(and(eq(employments.personId, id), or(isNull(employments.endDate), gte(employments.endDate, today))))
    .orderBy(desc(employments.isPrimary), desc(employments.startDate));

  if (!input.active) {
    // A leaver: employments that have begun end yesterday; ones that have not begun never happen.
    for (const employment of open) {
      if (employment.startDate <= yesterday) await tx.update(employments).set({ endDate: yesterday, updatedAt: new Date() }).where(eq(employments.id, employment.id));
      else await tx.delete(employments).where(eq(employments.id, employment.id));
    }
    return;
  }

  const current = open.find((employment) => employment.startDate <= today);
  const previousEnterprise = (previous?.[enterpriseSchemaId] ?? {}) as Record<string, unknown>;
  const hadManager = previousEnterprise.manager !== undefined;
  const hadTitle = previous?.title !== undefined;
  const positionId = input.title ? await positionFor(tx, tenantId, input.title) : hadTitle ? null : current?.positionId ?? null;
  // A manager the client sends back unchanged may be the unit's leader shown by the org model's
  // rule; only a manager the client changed is written onto the employment.
  const previousManagerId = (previousEnterprise.manager as { value?: string } | undefined)?.value ?? null;
  const manager =
    managerId && managerId === previousManagerId ? current?.managerPersonId ?? null : managerId ?? (hadManager ? null : current?.managerPersonId ?? null);

  if (!current) {
    if (unit) {
      await tx.insert(employments).values({ tenantId, personId: id, orgUnitId: unit.id, positionId, managerPersonId: manager, startDate: today, isPrimary: true });
    }
    return;
  }
  if (unit && unit.id !== current.orgUnitId) {
    if (current.startDate >= today) {
      await tx.update(employments).set({ orgUnitId: unit.id, positionId, managerPersonId: manager, updatedAt: new Date() }).where(eq(employments.id, current.id));
    } else {
      // A mover: the old employment ends yesterday and a new one starts today.
      await tx.update(employments).set({ endDate: yesterday, updatedAt: new Date() }).where(eq(employments.id, current.id));
      await tx.insert(employments).values({ tenantId, personId: id, orgUnitId: unit.id, positionId, managerPersonId: manager, startDate: today, isPrimary: current.isPrimary });
    }
    return;
  }
  if (positionId !== current.positionId || manager !== current.managerPersonId) {
    // The unit's leader shown as manager is not written back onto the employment.
    const [unitRow] = await tx.select({ managerPersonId: orgUnits.managerPersonId }).from(orgUnits).where(eq(orgUnits.id, current.orgUnitId));
    const managerToStore = manager && !current.managerPersonId && manager === unitRow?.managerPersonId ? null : manager;
    if (positionId !== current.positionId || managerToStore !== current.managerPersonId) {
      await tx.update(employments).set({ positionId, managerPersonId: managerToStore, updatedAt: new Date() }).where(eq(employments.id, current.id));
    }
  }
}

/** DELETE: the person becomes a leaver and disappears from SCIM; their history stays. */
export async function deprovisionUser(tx: Executor, tenantId: string, id: string, baseUrl: string): Promise<void> {
  const resource = await getUser(tx, baseUrl, id);
  await replaceUser(tx, tenantId, id, { ...readUser(resource), active: false }, resource);
  await tx.update(scimUsers).set({ deprovisionedAt: new Date(), updatedAt: new Date() }).where(eq(scimUsers.personId, id));
  await tx.delete(scimGroupMembers).where(eq(scimGroupMembers.personId, id));
}

async function checkManager(tx: Executor, managerId: string | null, selfId: string | null): Promise<string | null> {
  if (!managerId) return null;
  if (managerId === selfId) throw invalidValue('A person cannot be their own manager.');
  const [row] = await tx.select({ id: persons.id }).from(persons).where(eq(persons.id, managerId)).limit(1);
  if (!row) throw invalidValue(`The manager ${managerId} is not a User of this server.`);
  return row.id;
}

/** The org unit a department names: by code, else by name. */
async function unitFor(tx: Executor, department: string | null) {
  if (!department) return null;
  const [byCode] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, department)).limit(1);
  if (byCode) return byCode;
  const [byName] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(sql`lower(${orgUnits.name}) = ${department.toLowerCase()}`).limit(1);
  if (byName) return byName;
  throw invalidValue(`The department «${department}» is not the code or name of an org unit.`);
}

async function positionFor(tx: Executor, tenantId: string, title: string | null): Promise<string | null> {
  if (!title) return null;
  const [existing] = await tx.select({ id: positions.id }).from(positions).where(eq(positions.title, title)).limit(1);
  if (existing) return existing.id;
  const [created] = await tx.insert(positions).values({ tenantId, title }).returning({ id: positions.id });
  return created!.id;
}

