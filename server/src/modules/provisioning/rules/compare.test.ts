import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareAccess, type ActualAccount } from './compare.ts';

const names = new Map([
  ['r1', 'Lærer'],
  ['r2', 'Leder'],
]);

describe('reconciliation comparison', () => {
  it('finds an orphan, missing access and excess access', () => {
    const actual: ActualAccount[] = [
      { accountId: 'a1', username: 'kari', personId: 'kari', active: true, roleIds: ['r1', 'r2'] },
      { accountId: 'a2', username: 'gammel', personId: null, active: true, roleIds: [] },
      { accountId: 'a3', username: 'ola', personId: 'ola', active: true, roleIds: [] },
    ];
    const findings = compareAccess(actual, [{ personId: 'kari', systemRoleId: 'r1' }, { personId: 'ola', systemRoleId: 'r1' }, { personId: 'per', systemRoleId: 'r2' }], names);
    expect(findings.map((f) => [f.kind, f.personId ?? f.username, f.systemRoleId]).sort()).toEqual(
      [
        ['excess_access', 'kari', 'r2'],
        ['missing_access', 'ola', 'r1'],
        ['missing_access', 'per', 'r2'],
        ['orphan_account', 'gammel', null],
      ].sort(),
    );
  });

  it('finds nothing when the system has exactly what people should have', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom('p1', 'p2', 'p3', 'p4')), fc.subarray(['r1', 'r2'], { minLength: 1 }), (people, roles) => {
        const desired = people.flatMap((personId) => roles.map((systemRoleId) => ({ personId, systemRoleId })));
        const actual = people.map((personId) => ({ accountId: personId, username: personId, personId, active: true, roleIds: roles }));
        expect(compareAccess(actual, desired, names)).toEqual([]);
      }),
    );
  });

  it('calls an active account of someone who should have nothing excess, without a role', () => {
    expect(compareAccess([{ accountId: 'a', username: 'x', personId: 'x', active: true, roleIds: [] }], [], names)).toEqual([
      expect.objectContaining({ kind: 'excess_access', systemRoleId: null }),
    ]);
  });
});
