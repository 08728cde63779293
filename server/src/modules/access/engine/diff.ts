import type { DesiredEntitlement, EntitlementState, PersonDesired } from './model.ts';

/** What is stored for a person's system role from the last computation. */
export interface StoredEntitlement {
  systemRoleId: string;
  state: EntitlementState;
  reasonKey: string;
}

export interface EntitlementChangeOut {
  personId: string;
  systemRoleId: string;
  action: 'grant' | 'revoke';
}

export interface DesiredDiff {
  /** Changes the target systems must see: a role becomes active, or stops being active. */
  changes: EntitlementChangeOut[];
  /** Rows to write: new or changed (state or reasons). */
  upserts: { personId: string; entitlement: DesiredEntitlement }[];
  /** Rows to remove. */
  removals: { personId: string; systemRoleId: string }[];
  counts: { grant: number; revoke: number; reasonChange: number; held: number; entitlements: number };
}

/**
 * The difference between what is stored and what was just computed, for the people computed. Only
 * 'active' reaches the target systems: a held role is desired but not given, so active → held is a
 * revoke and held → active a grant.
 */
export function diffDesired(stored: ReadonlyMap<string, readonly StoredEntitlement[]>, computed: readonly PersonDesired[]): DesiredDiff {
  const diff: DesiredDiff = { changes: [], upserts: [], removals: [], counts: { grant: 0, revoke: 0, reasonChange: 0, held: 0, entitlements: 0 } };
  for (const { personId, entitlements } of computed) {
    const before = new Map((stored.get(personId) ?? []).map((row) => [row.systemRoleId, row]));
    for (const entitlement of entitlements) {
      diff.counts.entitlements++;
      if (entitlement.state === 'held') diff.counts.held++;
      const old = before.get(entitlement.systemRoleId);
      before.delete(entitlement.systemRoleId);
      if (old && old.reasonKey === entitlement.reasonKey && old.state === entitlement.state) continue;
      diff.upserts.push({ personId, entitlement });
      const wasActive = old?.state === 'active';
      const isActive = entitlement.state === 'active';
      if (isActive && !wasActive) {
        diff.changes.push({ personId, systemRoleId: entitlement.systemRoleId, action: 'grant' });
        diff.counts.grant++;
      } else if (!isActive && wasActive) {
        diff.changes.push({ personId, systemRoleId: entitlement.systemRoleId, action: 'revoke' });
        diff.counts.revoke++;
      } else diff.counts.reasonChange++;
    }
    for (const old of before.values()) {
      diff.removals.push({ personId, systemRoleId: old.systemRoleId });
      if (old.state === 'active') {
        diff.changes.push({ personId, systemRoleId: old.systemRoleId, action: 'revoke' });
        diff.counts.revoke++;
      }
    }
  }
  return diff;
}

/**
 * A person's desired state as one canonical text: `systemRoleId:state:reasonKey` per entitlement in
 * system role order, comma-separated — the same text the database aggregates per person (see
 * `loadStoredDigests`), so a full run compares one digest per person and reads the stored rows
 * only of the people whose digest differs. Empty for a person with nothing.
 */
export function canonicalDesiredState(entitlements: readonly Pick<DesiredEntitlement, 'systemRoleId' | 'state' | 'reasonKey'>[]): string {
  const sorted = entitlements.every((e, i) => i === 0 || entitlements[i - 1]!.systemRoleId < e.systemRoleId)
    ? entitlements
    : [...entitlements].sort((a, b) => (a.systemRoleId < b.systemRoleId ? -1 : a.systemRoleId > b.systemRoleId ? 1 : 0));
  return sorted.map((e) => `${e.systemRoleId}:${e.state}:${e.reasonKey}`).join(',');
}

/** How many entitlements, and how many of them held, the computed people have in all. */
export function countDesired(computed: readonly PersonDesired[]): { entitlements: number; held: number } {
  let entitlements = 0;
  let held = 0;
  for (const person of computed)
    for (const entitlement of person.entitlements) {
      entitlements++;
      if (entitlement.state === 'held') held++;
    }
  return { entitlements, held };
}
