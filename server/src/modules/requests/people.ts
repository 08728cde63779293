import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import { persons } from '../org/tables.ts';
import { managerOf, type EmploymentForManager } from './rules/manager.ts';

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** Each person's employments with the leaders of their unit and the units above, nearest first. */
async function employmentsOf(tx: Executor, personIds: readonly string[]): Promise<Map<string, EmploymentForManager[]>> {
  const byPerson = new Map<string, EmploymentForManager[]>();
  if (personIds.length === 0) return byPerson;
  const ids = sql.join(personIds.map((id) => sql`${id}::uuid`), sql`, `);
  const rows = rowsOf<{
    employment_id: string;
    person_id: string;
    manager_person_id: string | null;
    is_primary: boolean;
    start_date: string;
    end_date: string | null;
    leader: string | null;
  }>(
    await tx.execute(sql`
      with recursive chain(employment_id, unit_id, parent_id, leader, depth) as (
        select e.id, u.id, u.parent_id, u.manager_person_id, 0
        from employments e join org_units u on u.id = e.org_unit_id
        where e.person_id in (${ids})
        union all
        select c.employment_id, p.id, p.parent_id, p.manager_person_id, c.depth + 1
        from chain c join org_units p on p.id = c.parent_id
        where c.depth < 30
      )
      select e.id as employment_id, e.person_id, e.manager_person_id, e.is_primary,
             e.start_date::text as start_date, e.end_date::text as end_date, c.leader
      from employments e join chain c on c.employment_id = e.id
      order by e.id, c.depth`),
  );
  const byEmployment = new Map<string, EmploymentForManager & { personId: string }>();
  for (const row of rows) {
    let employment = byEmployment.get(row.employment_id);
    if (!employment) {
      employment = {
        personId: row.person_id,
        managerPersonId: row.manager_person_id,
        isPrimary: row.is_primary,
        startDate: String(row.start_date),
        endDate: row.end_date === null ? null : String(row.end_date),
        unitLeaders: [],
      };
      byEmployment.set(row.employment_id, employment);
    }
    employment.unitLeaders.push(row.leader);
  }
  for (const employment of byEmployment.values()) {
    const list = byPerson.get(employment.personId) ?? [];
    list.push(employment);
    byPerson.set(employment.personId, list);
  }
  return byPerson;
}

/**
 * The managers of `seeds` and of their managers, some levels up, so that the pure approval rules
 * can escalate without I/O. Returns a lookup that answers null beyond what was loaded.
 */
export async function managerChains(tx: Executor, seeds: readonly string[], today: string, levels = 6): Promise<(personId: string) => string | null> {
  const known = new Map<string, string | null>();
  let frontier = [...new Set(seeds)];
  for (let level = 0; level < levels && frontier.length > 0; level++) {
    const employments = await employmentsOf(tx, frontier);
    const next: string[] = [];
    for (const personId of frontier) {
      const manager = managerOf(personId, employments.get(personId) ?? [], today);
      known.set(personId, manager);
      if (manager && !known.has(manager)) next.push(manager);
    }
    frontier = [...new Set(next)];
  }
  return (personId) => known.get(personId) ?? null;
}

/** Display names of people by id. */
export async function personNames(tx: Executor, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await tx
    .select({ id: persons.id, givenName: persons.givenName, familyName: persons.familyName })
    .from(persons)
    .where(inArray(persons.id, wanted));
  return new Map(rows.map((row) => [row.id, `${row.givenName} ${row.familyName}`]));
}
