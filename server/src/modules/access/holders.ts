/** Who holds a business role now, by an assignment rule or a direct assignment. */
import type { Executor } from '../../platform/database/connection.ts';
import { clock } from '../../platform/clock.ts';
import { businessRolesHeld, prepareModel } from './engine/compute.ts';
import { loadPeople, loadRoleModel } from './recompute.ts';

/** Business role ids a person holds today (rule or assignment). Call inside `inTenant`. */
export async function businessRolesOf(tx: Executor, personId: string): Promise<string[]> {
  const today = clock.today();
  const [model, people] = await Promise.all([loadRoleModel(tx), loadPeople(tx, today, [personId])]);
  const person = people[0];
  if (!person) return [];
  const held = businessRolesHeld(prepareModel(model), person, today);
  return [...new Set(held.map((entry) => entry.businessRoleId))];
}
