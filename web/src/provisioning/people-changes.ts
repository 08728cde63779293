/**
 * What a batch means for the people in it, in the words HR uses: a person who gets a new account
 * is a joiner [ny], one whose accounts are disabled a leaver [slutter], anyone else whose access
 * changes a mover [endret]. Pure: no DOM.
 */
import type { Operation } from './queries';

export interface PeopleChanges {
  joiners: number;
  movers: number;
  leavers: number;
}

export function peopleChanges(operations: readonly Pick<Operation, 'personId' | 'action'>[]): PeopleChanges {
  const actions = new Map<string, Set<string>>();
  for (const { personId, action } of operations) {
    const set = actions.get(personId) ?? new Set<string>();
    set.add(action);
    actions.set(personId, set);
  }
  const changes: PeopleChanges = { joiners: 0, movers: 0, leavers: 0 };
  for (const set of actions.values()) {
    if (set.has('create_account')) changes.joiners++;
    else if (set.has('disable_account')) changes.leavers++;
    else changes.movers++;
  }
  return changes;
}
