/** Who holds a business role now, by an assignment rule or a direct assignment. */
import type { Executor } from '../../platform/database/connection.ts';
import { clock } from '../../platform/clock.ts';
import { businessRolesHeld, prepareModel } from './engine/compute.ts';
import { loadPeople, loadRoleModelFor } from './recompute.ts';

/** Business role ids a person holds today (rule or assignment). Call inside `inTenant`. */
export async function businessRolesOf(tx: Executor, personId: string): Promise<string[]> {
  const today = clock.today();
  const people = await loadPeople(tx, today, [personId]);
  const person = people[0];
  if (!person) return [];
  const model = await loadRoleModelFor(tx, people);
  const held = businessRolesHeld(prepareModel(model), person, today);
  return [...new Set(held.map((entry) => entry.businessRoleId))];
}
