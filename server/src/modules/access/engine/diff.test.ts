import { describe, expect, it } from 'vitest';
import { canonicalDesiredState, countDesired } from './diff.ts';

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';

describe('the canonical text of a desired state (what a full run digests per person)', () => {
  it('lists system role, state and reasons in system role order, whatever order they come in', () => {
    const entitlements = [
      { systemRoleId: b, state: 'held' as const, reasonKey: 'held|rule:r2!c1' },
      { systemRoleId: a, state: 'active' as const, reasonKey: 'active|rule:r1' },
    ];
    expect(canonicalDesiredState(entitlements)).toBe(`${a}:active:active|rule:r1,${b}:held:held|rule:r2!c1`);
    expect(canonicalDesiredState([...entitlements].reverse())).toBe(canonicalDesiredState(entitlements));
  });

  it('is empty for a person with nothing, and differs when only a reason or a state changes', () => {
    expect(canonicalDesiredState([])).toBe('');
    const before = canonicalDesiredState([{ systemRoleId: a, state: 'active', reasonKey: 'active|rule:r1' }]);
    expect(canonicalDesiredState([{ systemRoleId: a, state: 'active', reasonKey: 'active|rule:r2' }])).not.toBe(before);
    expect(canonicalDesiredState([{ systemRoleId: a, state: 'held', reasonKey: 'active|rule:r1' }])).not.toBe(before);
  });

  it('counts entitlements and held ones over everyone computed', () => {
    const entitlement = (state: 'active' | 'held') => ({ systemRoleId: a, state, reasons: [], missingCompetenceIds: [], reasonKey: state });
    expect(countDesired([{ personId: 'p1', entitlements: [entitlement('active'), entitlement('held')] }, { personId: 'p2', entitlements: [entitlement('held')] }])).toEqual({
      entitlements: 3,
      held: 2,
    });
  });
});
