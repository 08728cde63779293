/** SQL of the lifecycle module: the HR state, identity settings, names taken, employment writes. */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import { employments, orgUnits, persons, positions } from '../org/tables.ts';
import type { CurrentPerson, HrState } from './rules/hr-diff.ts';
import { identitySettings } from './tables.ts';
import type { IdentityTemplates } from './rules/names.ts';

export async function rowsOf<T>(tx: Executor, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Every person with the employment the HR file speaks of: open on `today` or starting later,
 * primary first, then the one that started last. One statement, so 50,000 people load in one trip.
 */
export async function loadHrState(tx: Executor, today: string): Promise<HrState> {
  const rows = await rowsOf<{
    person_id: string; employee_number: string; given_name: string; family_name: string; kind: CurrentPerson['kind'];
    employment_id: string | null; unit_code: string | null; position: string | null; manager_number: string | null;
    start_date: string | null; end_date: string | null;
  }>(
    tx,
    sql`select p.id as person_id, p.employee_number, p.given_name, p.family_name, p.kind,
          e.id as employment_id, u.code as unit_code, pos.title as position, m.employee_number as manager_number,
          e.start_date::text as start_date, e.end_date::text as end_date
        from persons p
        left join lateral (
          select * from employments e
          where e.person_id = p.id and (e.end_date is null or e.end_date >= ${today}::date)
          order by e.is_primary desc, (e.start_date <= ${today}::date) desc, e.start_date desc
          limit 1
        ) e on true
        left join org_units u on u.id = e.org_unit_id
        left join positions pos on pos.id = e.position_id
        left join persons m on m.id = e.manager_person_id`,
  );
  const units = await tx.select({ code: orgUnits.code }).from(orgUnits);
  return {
    unitCodes: new Set(units.map((unit) => unit.code)),
    persons: rows.map((row) => ({
      personId: row.person_id,
      employeeNumber: row.employee_number,
      givenName: row.given_name,
      familyName: row.family_name,
      kind: row.kind,
      employment: row.employment_id
        ? {
            id: row.employment_id,
            unitCode: row.unit_code ?? '',
            position: row.position,
            managerEmployeeNumber: row.manager_number,
            startDate: row.start_date!,
            endDate: row.end_date,
          }
        : null,
    })),
  };
}

export const defaultSettings = (tenantId: string) => ({
  tenantId,
  usernameTemplate: '{given3}{family3}',
  emailTemplate: '{given}.{family}@{domain}',
  emailDomain: 'kommune.no',
  reservedWords: [] as string[],
  guestReminderDays: 14,
});

export async function getSettings(tx: Executor, tenantId: string) {
  const [stored] = await tx.select().from(identitySettings).limit(1);
  return stored ?? { id: null, ...defaultSettings(tenantId), createdAt: null, updatedAt: null };
}

export function templatesOf(settings: Awaited<ReturnType<typeof getSettings>>): IdentityTemplates {
  return {
    usernameTemplate: settings.usernameTemplate,
    emailTemplate: settings.emailTemplate,
    emailDomain: settings.emailDomain,
    reservedWords: settings.reservedWords,
  };
}

/** Usernames and e-mail addresses in use (lower case), for unique names. */
export async function takenNames(tx: Executor) {
  const rows = await tx.select({ username: persons.username, email: persons.email }).from(persons);
  return {
    usernames: new Set(rows.flatMap((row) => (row.username ? [row.username.toLowerCase()] : []))),
    emails: new Set(rows.flatMap((row) => (row.email ? [row.email.toLowerCase()] : []))),
  };
}

/** Position ids by title, creating the titles that are new. */
export async function positionIds(tx: Executor, tenantId: string, titles: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(titles)].filter(Boolean);
  const byTitle = new Map<string, string>();
  if (wanted.length === 0) return byTitle;
  for (const row of await tx.select({ id: positions.id, title: positions.title }).from(positions)) byTitle.set(row.title, row.id);
  const missing = wanted.filter((title) => !byTitle.has(title));
  if (missing.length) {
    const created = await tx.insert(positions).values(missing.map((title) => ({ tenantId, title }))).returning({ id: positions.id, title: positions.title });
    for (const row of created) byTitle.set(row.title, row.id);
  }
  return byTitle;
}

export async function unitIdsByCode(tx: Executor): Promise<Map<string, string>> {
  const rows = await tx.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits);
  return new Map(rows.map((row) => [row.code, row.id]));
}

export async function personIdsByNumber(tx: Executor, numbers: readonly string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (let start = 0; start < numbers.length; start += 5000) {
    const slice = numbers.slice(start, start + 5000);
    const rows = await tx.select({ id: persons.id, number: persons.employeeNumber }).from(persons).where(inArray(persons.employeeNumber, slice));
    for (const row of rows) map.set(row.number, row.id);
  }
  return map;
}

/**
 * Moves a person to a new placement from `fromDate`: the open employment ends the day before, a
 * new one starts. An employment that has not started yet by then is changed in place instead.
 */
export async function moveEmployment(
  tx: Executor,
  tenantId: string,
  employmentId: string,
  fromDate: string,
  change: { orgUnitId?: string; positionId?: string | null; managerPersonId?: string | null },
): Promise<void> {
  const [current] = await tx.select().from(employments).where(eq(employments.id, employmentId));
  if (!current) return;
  if (current.startDate >= fromDate) {
    await tx.update(employments).set({ ...change, updatedAt: new Date() }).where(eq(employments.id, employmentId));
    return;
  }
  const dayBefore = new Date(`${fromDate}T00:00:00Z`);
  dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
  await tx.update(employments).set({ endDate: dayBefore.toISOString().slice(0, 10), updatedAt: new Date() }).where(eq(employments.id, employmentId));
  await tx.insert(employments).values({
    tenantId,
    personId: current.personId,
    orgUnitId: change.orgUnitId ?? current.orgUnitId,
    positionId: change.positionId === undefined ? current.positionId : change.positionId,
    managerPersonId: change.managerPersonId === undefined ? current.managerPersonId : change.managerPersonId,
    startDate: fromDate,
    endDate: current.endDate,
    isPrimary: current.isPrimary,
  });
}

/** The open employment of a person on `today` (primary first), as loadHrState picks it. */
export async function openEmployment(tx: Executor, personId: string, today: string) {
  const rows = await rowsOf<{ id: string }>(
    tx,
    sql`select id from employments where person_id = ${personId} and (end_date is null or end_date >= ${today}::date)
        order by is_primary desc, (start_date <= ${today}::date) desc, start_date desc limit 1`,
  );
  return rows[0]?.id ?? null;
}

export async function personsWithoutUsername(tx: Executor) {
  return tx
    .select({ id: persons.id, givenName: persons.givenName, familyName: persons.familyName, email: persons.email })
    .from(persons)
    .where(and(sql`${persons.username} is null`));
}

