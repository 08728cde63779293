import { aliasedTable, and, asc, count, eq, gte, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { systems } from '../catalogue/tables.ts';
import { employmentStatus } from './rules/employment-status.ts';
import { resolveManagerId } from './rules/manager.ts';
import { descendantCounts, wouldCreateCycle, type UnitLink } from './rules/unit-tree.ts';
import type { PersonInput, PersonListQuery, UnitInput } from './schemas.ts';
import { employments, orgTreeVersions, orgUnits, persons, positions } from './tables.ts';

/** ISO `YYYY-MM-DD`: the day against which "current" employments are judged. */
type Day = string;

const manager = aliasedTable(persons, 'manager');

const fullName = (table: typeof persons) => sql<string>`${table.givenName} || ' ' || ${table.familyName}`;
const optionalName = (table: typeof persons) =>
  sql<string | null>`case when ${table.id} is null then null else ${table.givenName} || ' ' || ${table.familyName} end`;

/** An employment that has started and not yet ended on `day` (the end date is the last day). */
const currentOn = (day: Day) =>
  and(lte(employments.startDate, day), or(isNull(employments.endDate), gte(employments.endDate, day)))!;

// Norwegian alphabetical order (… x y z æ ø å), whatever collation the database happens to have.
const norwegian = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });
const byFamilyThenGivenName = (a: { familyName: string; givenName: string }, b: { familyName: string; givenName: string }) =>
  norwegian.compare(a.familyName, b.familyName) || norwegian.compare(a.givenName, b.givenName);

/** Raw SQL results: both drivers hand back `{ rows }`. */
async function rowsOf<T>(tx: Executor, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const ancestorsDepthLimit = 200;

/** The chain from a unit up to its root, nearest first, with each unit's leader. */
function unitChainUp(tx: Executor, unitId: string) {
  return rowsOf<{ id: string; parentId: string | null; name: string; managerPersonId: string | null }>(
    tx,
    sql`with recursive up(id, parent_id, name, manager_person_id, depth) as (
          select id, parent_id, name, manager_person_id, 0 from org_units where id = ${unitId}
          union all
          select u.id, u.parent_id, u.name, u.manager_person_id, up.depth + 1
          from org_units u join up on u.id = up.parent_id
          where up.depth < ${ancestorsDepthLimit}
        )
        select id, parent_id as "parentId", name, manager_person_id as "managerPersonId" from up order by depth`,
  );
}

// ─── Units ───────────────────────────────────────────────────────────────────────────────────

/**
 * The whole tree as a flat list. One aggregate over current employments (grouped by unit) and
 * one pass in memory for descendant counts — a constant number of queries whatever the size.
 */
export async function listUnits(tx: Executor, today: Day) {
  const headcounts = tx
    .select({ unitId: employments.orgUnitId, employees: count().as('employees') })
    .from(employments)
    .where(currentOn(today))
    .groupBy(employments.orgUnitId)
    .as('headcounts');
  const rows = await tx
    .select({
      id: orgUnits.id,
      parentId: orgUnits.parentId,
      code: orgUnits.code,
      name: orgUnits.name,
      kind: orgUnits.kind,
      managerName: optionalName(manager),
      employeeCount: sql<number>`coalesce(${headcounts.employees}, 0)`.mapWith(Number),
    })
    .from(orgUnits)
    .leftJoin(manager, eq(manager.id, orgUnits.managerPersonId))
    .leftJoin(headcounts, eq(headcounts.unitId, orgUnits.id))
    .orderBy(asc(orgUnits.name), asc(orgUnits.code));
  const descendants = descendantCounts(rows);
  return rows.map((row) => ({ ...row, descendantCount: descendants.get(row.id) ?? 0 }));
}

/**
 * The caller's tree version (row-level security picks the municipality); 0 before the first change.
 * Read it before the tree itself: a change committed in between then only makes the cached copy
 * look older than it is, never newer.
 */
export async function orgTreeVersion(tx: Executor): Promise<number> {
  const [row] = await tx.select({ version: orgTreeVersions.version }).from(orgTreeVersions).limit(1);
  return row?.version ?? 0;
}

export async function getUnit(tx: Executor, id: string, today: Day) {
  const [unit] = await tx
    .select({
      id: orgUnits.id,
      code: orgUnits.code,
      name: orgUnits.name,
      kind: orgUnits.kind,
      managerId: manager.id,
      managerName: optionalName(manager),
    })
    .from(orgUnits)
    .leftJoin(manager, eq(manager.id, orgUnits.managerPersonId))
    .where(eq(orgUnits.id, id));
  if (!unit) throw notFound('enheten');

  // One after another: a transaction runs one statement at a time anyway, and pg 9 will refuse
  // overlapping queries on one client.
  const chain = await unitChainUp(tx, id);
  const children = await tx
    .select({ id: orgUnits.id, name: orgUnits.name, code: orgUnits.code, kind: orgUnits.kind })
    .from(orgUnits)
    .where(eq(orgUnits.parentId, id))
    .orderBy(asc(orgUnits.name));
  // One row per person even with two current employments in the unit; the primary one wins.
  const staff = await rowsOf<{ personId: string; name: string; employeeNumber: string; position: string | null; familyName: string; givenName: string }>(
    tx,
    sql`select distinct on (p.id) p.id as "personId", p.given_name || ' ' || p.family_name as name,
               p.employee_number as "employeeNumber", pos.title as position,
               p.family_name as "familyName", p.given_name as "givenName"
        from employments e
        join persons p on p.id = e.person_id
        left join positions pos on pos.id = e.position_id
        where e.org_unit_id = ${id} and e.start_date <= ${today} and (e.end_date is null or e.end_date >= ${today})
        order by p.id, e.is_primary desc, e.start_date desc`,
  );
  const ownedSystems = await tx
    .select({ id: systems.id, name: systems.name })
    .from(systems)
    .where(eq(systems.owningUnitId, id))
    .orderBy(asc(systems.name));

  const parentLink = chain[1];
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    parent: parentLink ? { id: parentLink.id, name: parentLink.name } : null,
    manager: unit.managerId ? { id: unit.managerId, name: unit.managerName! } : null,
    path: [...chain].reverse().map((link) => ({ id: link.id, name: link.name })),
    children,
    employees: staff.sort(byFamilyThenGivenName).map((row) => ({
      personId: row.personId,
      name: row.name,
      employeeNumber: row.employeeNumber,
      position: row.position,
      isManager: row.personId === unit.managerId,
    })),
    systems: ownedSystems,
  };
}

/**
 * Moves are serialised per municipality: two moves that are each fine alone (A under B, B under
 * A) must not both pass the cycle check.
 */
async function lockTreeShape(tx: Executor) {
  await tx.execute(sql`select pg_advisory_xact_lock(7431002, hashtext(current_setting('app.tenant_id', true)))`);
}

async function checkPlacement(tx: Executor, unitId: string | null, parentId: string | null) {
  if (parentId === null) return;
  await lockTreeShape(tx);
  const chain: UnitLink[] = await unitChainUp(tx, parentId);
  if (chain.length === 0) {
    throw new AppError('validation_failed', 'Fant ikke den overordnede enheten.', [
      { field: 'parentId', message: 'Fant ikke den overordnede enheten' },
    ]);
  }
  if (unitId !== null && wouldCreateCycle(chain, unitId, parentId)) {
    throw new AppError('conflict', 'Enheten kan ikke flyttes inn under en av sine egne underenheter.', [
      { field: 'parentId', message: 'Enheten kan ikke ligge under seg selv' },
    ]);
  }
}

async function checkManager(tx: Executor, managerPersonId: string | null) {
  if (managerPersonId === null) return;
  const [found] = await tx.select({ id: persons.id }).from(persons).where(eq(persons.id, managerPersonId));
  if (!found) {
    throw new AppError('validation_failed', 'Fant ikke personen som skal lede enheten.', [
      { field: 'managerPersonId', message: 'Fant ikke personen' },
    ]);
  }
}

async function checkCodeFree(tx: Executor, code: string, exceptId: string | null) {
  const clash = exceptId ? and(eq(orgUnits.code, code), ne(orgUnits.id, exceptId)) : eq(orgUnits.code, code);
  const [taken] = await tx.select({ name: orgUnits.name }).from(orgUnits).where(clash);
  if (taken) {
    throw new AppError('conflict', `Koden ${code} er allerede brukt av enheten ${taken.name}.`, [
      { field: 'code', message: 'Koden er allerede i bruk' },
    ]);
  }
}

export async function createUnit(tx: Executor, tenantId: string, input: UnitInput, today: Day) {
  await checkCodeFree(tx, input.code, null);
  await checkPlacement(tx, null, input.parentId);
  await checkManager(tx, input.managerPersonId);
  const [created] = await tx.insert(orgUnits).values({ ...input, tenantId }).returning({ id: orgUnits.id });
  return getUnit(tx, created!.id, today);
}

async function requireUnit(tx: Executor, id: string) {
  const [found] = await tx.select({ id: orgUnits.id, parentId: orgUnits.parentId }).from(orgUnits).where(eq(orgUnits.id, id));
  if (!found) throw notFound('enheten');
  return found;
}

export async function updateUnit(tx: Executor, id: string, input: UnitInput, today: Day) {
  await requireUnit(tx, id);
  await checkCodeFree(tx, input.code, id);
  await checkPlacement(tx, id, input.parentId);
  await checkManager(tx, input.managerPersonId);
  await tx.update(orgUnits).set({ ...input, updatedAt: new Date() }).where(eq(orgUnits.id, id));
  return getUnit(tx, id, today);
}

export async function moveUnit(tx: Executor, id: string, parentId: string | null, today: Day) {
  const unit = await requireUnit(tx, id);
  if (unit.parentId !== parentId) {
    await checkPlacement(tx, id, parentId);
    await tx.update(orgUnits).set({ parentId, updatedAt: new Date() }).where(eq(orgUnits.id, id));
  }
  return getUnit(tx, id, today);
}

export async function deleteUnit(tx: Executor, id: string) {
  await requireUnit(tx, id);
  const [child] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.parentId, id)).limit(1);
  // Past employments count too: they are the unit's history and refer to it.
  const [employment] = await tx.select({ id: employments.id }).from(employments).where(eq(employments.orgUnitId, id)).limit(1);
  if (child || employment) throw new AppError('conflict', 'Enheten har ansatte eller underenheter og kan ikke slettes.');
  await tx.delete(orgUnits).where(eq(orgUnits.id, id));
}

// ─── People ──────────────────────────────────────────────────────────────────────────────────

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function personFilters(query: PersonListQuery, today: Day): SQL {
  const filters: SQL[] = [sql`true`];
  // Every word must match somewhere, so "kari nord" finds Kari Nordmann and "ås 1042" narrows.
  for (const word of (query.search ?? '').split(/\s+/).filter(Boolean)) {
    const pattern = `%${escapeLike(word)}%`;
    filters.push(sql`(p.given_name || ' ' || p.family_name ilike ${pattern}
                    or p.employee_number ilike ${pattern}
                    or p.email ilike ${pattern})`);
  }
  if (query.unitId) {
    const units = query.includeSubunits
      ? // `union` (not `union all`) stops at units already seen, so even bad data cannot loop.
      sql`(with recursive below(id) as (
             select ${query.unitId}::uuid
             union
             select u.id from org_units u join below on u.parent_id = below.id
           ) select id from below)`
      : sql`(${query.unitId}::uuid)`;
    filters.push(sql`exists (select 1 from employments e
                           where e.person_id = p.id and e.org_unit_id in ${units}
                             and e.start_date <= ${today} and (e.end_date is null or e.end_date >= ${today}))`);
  }
  return sql.join(filters, sql` and `);
}

interface PersonRow {
  id: string;
  employeeNumber: string;
  name: string;
  email: string | null;
  kind: 'employee' | 'guest' | 'consultant';
  position: string | null;
  unitId: string | null;
  unitName: string | null;
}

export async function listPersons(tx: Executor, query: PersonListQuery, today: Day) {
  const where = personFilters(query, today);
  const filtered = Boolean(query.search) || Boolean(query.unitId);
  // Page first, then look up each listed person's current employment. With a filter, which has
  // to read every person anyway, the total comes from the same scan (a window count); without
  // one the page comes straight off the name index and the total from a separate count.
  const rows = await rowsOf<PersonRow & { total: number | null }>(
    tx,
    sql`select p.id, p.employee_number as "employeeNumber", p.given_name || ' ' || p.family_name as name,
               p.email, p.kind, pos.title as position, u.id as "unitId", u.name as "unitName", p.total
        from (select p.*, ${filtered ? sql`count(*) over ()` : sql`null::bigint`} as total
              from persons p where ${where}
              order by p.family_name, p.given_name, p.employee_number
              limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}) p
        left join lateral (
          select e.org_unit_id, e.position_id from employments e
          where e.person_id = p.id and e.start_date <= ${today} and (e.end_date is null or e.end_date >= ${today})
          order by e.is_primary desc, e.start_date desc
          limit 1
        ) cur on true
        left join org_units u on u.id = cur.org_unit_id
        left join positions pos on pos.id = cur.position_id
        order by p.family_name, p.given_name, p.employee_number`,
  );
  let total = rows[0]?.total ?? null;
  if (total === null) {
    // No filter, or a page past the end: count on its own.
    [{ total } = { total: 0 }] = await rowsOf<{ total: number }>(tx, sql`select count(*)::int as total from persons p where ${where}`);
  }
  return {
    items: rows.map(({ unitId, unitName, total: _total, ...row }) => ({ ...row, unit: unitId ? { id: unitId, name: unitName! } : null })),
    total: Number(total),
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function personRef(tx: Executor, id: string | null) {
  if (id === null) return null;
  const [found] = await tx.select({ id: persons.id, name: fullName(persons) }).from(persons).where(eq(persons.id, id));
  return found ?? null;
}

/**
 * Who reports to a person — the inverse of `resolveManagerId`: employments that name them as
 * manager, and among those that name nobody, the staff of the units they lead and of the
 * leaderless units below those, and the leaders of the next led units down.
 */
async function directReportsOf(tx: Executor, personId: string, today: Day) {
  const rows = await rowsOf<{ id: string; name: string; position: string | null; familyName: string; givenName: string }>(
    tx,
    // Three index-friendly parts rather than one OR across joined tables, which would read
    // every employment of the municipality. `union` in the walk stops even on cyclic data.
    sql`with recursive reach(id) as (
          select id from org_units where manager_person_id = ${personId}
          union
          select below.id from org_units below join reach on below.parent_id = reach.id where below.manager_person_id is null
        ),
        reporting as (
          select e.person_id, e.position_id, e.is_primary, e.start_date, e.end_date
          from employments e where e.manager_person_id = ${personId}
          union all
          select e.person_id, e.position_id, e.is_primary, e.start_date, e.end_date
          from employments e where e.manager_person_id is null and e.org_unit_id in (select id from reach)
          union all
          select e.person_id, e.position_id, e.is_primary, e.start_date, e.end_date
          from org_units unit
          join employments e on e.org_unit_id = unit.id and e.person_id = unit.manager_person_id
          where unit.parent_id in (select id from reach) and e.manager_person_id is null
        )
        select distinct on (p.id) p.id, p.given_name || ' ' || p.family_name as name, pos.title as position,
               p.family_name as "familyName", p.given_name as "givenName"
        from reporting e
        join persons p on p.id = e.person_id
        left join positions pos on pos.id = e.position_id
        where e.start_date <= ${today} and (e.end_date is null or e.end_date >= ${today}) and p.id <> ${personId}
        order by p.id, e.is_primary desc`,
  );
  return rows.sort(byFamilyThenGivenName).map(({ id, name, position }) => ({ id, name, position }));
}

export async function getPerson(tx: Executor, id: string, today: Day) {
  const [person] = await tx.select().from(persons).where(eq(persons.id, id));
  if (!person) throw notFound('personen');

  const rows = await tx
    .select({
      id: employments.id,
      unitId: orgUnits.id,
      unitName: orgUnits.name,
      positionId: positions.id,
      positionTitle: positions.title,
      managerId: manager.id,
      managerName: optionalName(manager),
      startDate: employments.startDate,
      endDate: employments.endDate,
      isPrimary: employments.isPrimary,
    })
    .from(employments)
    .innerJoin(orgUnits, eq(orgUnits.id, employments.orgUnitId))
    .leftJoin(positions, eq(positions.id, employments.positionId))
    .leftJoin(manager, eq(manager.id, employments.managerPersonId))
    .where(eq(employments.personId, id))
    .orderBy(sql`${employments.startDate} desc`, sql`${employments.isPrimary} desc`);
  const reports = await directReportsOf(tx, id, today);
  const systemsOf = (column: typeof systems.ownerPersonId | typeof systems.administratorPersonId) =>
    tx.select({ id: systems.id, name: systems.name }).from(systems).where(eq(column, id)).orderBy(asc(systems.name));
  const owned = await systemsOf(systems.ownerPersonId);
  const administered = await systemsOf(systems.administratorPersonId);

  const employmentList = rows.map((row) => ({
    id: row.id,
    unit: { id: row.unitId, name: row.unitName },
    position: row.positionId ? { id: row.positionId, title: row.positionTitle! } : null,
    manager: row.managerId ? { id: row.managerId, name: row.managerName! } : null,
    startDate: row.startDate,
    endDate: row.endDate,
    isPrimary: row.isPrimary,
    status: employmentStatus(row, today),
  }));

  // The manager comes from the current primary employment, or another current one if none is primary.
  const current = employmentList.filter((employment) => employment.status === 'current');
  const main = current.find((employment) => employment.isPrimary) ?? current[0];
  let managerRef: { id: string; name: string } | null = null;
  if (main) {
    const leaders = main.manager ? [] : (await unitChainUp(tx, main.unit.id)).map((unit) => unit.managerPersonId);
    managerRef = await personRef(tx, resolveManagerId(id, main.manager?.id ?? null, leaders));
  }

  return {
    id: person.id,
    employeeNumber: person.employeeNumber,
    givenName: person.givenName,
    familyName: person.familyName,
    name: `${person.givenName} ${person.familyName}`,
    email: person.email,
    kind: person.kind,
    employments: employmentList,
    manager: managerRef,
    directReports: reports,
    ownedSystems: owned,
    administeredSystems: administered,
  };
}

export async function updatePerson(tx: Executor, id: string, input: PersonInput, today: Day) {
  const updated = await tx
    .update(persons)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(persons.id, id))
    .returning({ id: persons.id });
  if (updated.length === 0) throw notFound('personen');
  return getPerson(tx, id, today);
}

// ─── Positions ───────────────────────────────────────────────────────────────────────────────

/** Every position with how many current employments hold it. */
export async function listPositions(tx: Executor, today: Day) {
  const holders = tx
    .select({ positionId: employments.positionId, holders: count().as('holders') })
    .from(employments)
    .where(currentOn(today))
    .groupBy(employments.positionId)
    .as('holders');
  return tx
    .select({
      id: positions.id,
      title: positions.title,
      count: sql<number>`coalesce(${holders.holders}, 0)`.mapWith(Number),
    })
    .from(positions)
    .leftJoin(holders, eq(holders.positionId, positions.id))
    .orderBy(asc(positions.title));
}
