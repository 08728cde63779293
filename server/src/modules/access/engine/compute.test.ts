import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePeople, computePerson, prepareModel } from './compute.ts';
import { diffDesired, type StoredEntitlement } from './diff.ts';
import type { PersonDesired, PersonInput, RoleModelInput } from './model.ts';

const today = '2026-11-23';

/** A small municipality: units 0..n with parents earlier in the list, so the tree has no cycles. */
const modelArbitrary = fc
  .record({
    unitParents: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
    positions: fc.integer({ min: 1, max: 3 }),
    systemRoles: fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }),
    businessRoles: fc.array(fc.record({ systemRoles: fc.array(fc.nat(), { maxLength: 3 }), requires: fc.array(fc.nat(), { maxLength: 2 }) }), {
      minLength: 1,
      maxLength: 5,
    }),
    rules: fc.array(
      fc.record({ role: fc.nat(), unit: fc.option(fc.nat()), sub: fc.boolean(), position: fc.option(fc.nat()) }),
      { maxLength: 8 },
    ),
  })
  .map(({ unitParents, positions, systemRoles, businessRoles, rules }): RoleModelInput & { positionIds: string[]; unitIds: string[] } => {
    const unitIds = unitParents.map((_, i) => `u${i}`);
    const positionIds = Array.from({ length: positions }, (_, i) => `p${i}`);
    return {
      unitIds,
      positionIds,
      units: unitParents.map((parent, i) => ({ id: `u${i}`, parentId: i === 0 ? null : `u${parent % i}` })),
      systemRoles: systemRoles.map((sensitive, i) => ({ id: `s${i}`, sensitive })),
      businessRoles: businessRoles.map((role, i) => ({
        id: `b${i}`,
        systemRoleIds: [...new Set(role.systemRoles.map((s) => `s${s % systemRoles.length}`))],
        requiredCompetenceIds: [...new Set(role.requires.map((c) => `c${c % 3}`))],
      })),
      rules: rules.map((rule, i) => ({
        id: `r${i}`,
        businessRoleId: `b${rule.role % businessRoles.length}`,
        orgUnitId: rule.unit === null ? null : `u${rule.unit % unitIds.length}`,
        includeSubUnits: rule.sub,
        positionId: rule.position === null ? null : `p${rule.position % positions}`,
      })),
    };
  });

const day = fc.integer({ min: 0, max: 60 }).map((n) => new Date(Date.UTC(2026, 9, 15 + n)).toISOString().slice(0, 10));

function peopleArbitrary(model: { unitIds: string[]; positionIds: string[]; businessRoles: { id: string }[] }) {
  return fc.array(
    fc.record({
      employments: fc.array(
        fc.record({
          orgUnitId: fc.constantFrom(...model.unitIds),
          positionId: fc.option(fc.constantFrom(...model.positionIds)),
          startDate: day,
          endDate: fc.option(day),
        }),
        { maxLength: 2 },
      ),
      assignments: fc.array(
        fc.record({
          businessRoleId: fc.constantFrom(...model.businessRoles.map((role) => role.id)),
          source: fc.constantFrom('request' as const, 'manual' as const, 'delegation' as const),
          validFrom: day,
          validTo: fc.option(day),
        }),
        { maxLength: 2 },
      ),
      competences: fc.array(fc.record({ competenceId: fc.constantFrom('c0', 'c1', 'c2'), expiresOn: fc.option(day) }), { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 6 },
  ).map((people): PersonInput[] =>
    people.map((person, i) => ({
      id: `person${i}`,
      employments: person.employments,
      assignments: person.assignments.map((assignment, j) => ({ ...assignment, id: `a${i}-${j}`, requestId: null })),
      competences: person.competences,
    })),
  );
}

const scenario = modelArbitrary.chain((model) => fc.tuple(fc.constant(model), peopleArbitrary(model)));

function grantedSet(result: PersonDesired[]): Set<string> {
  return new Set(result.flatMap((person) => person.entitlements.filter((e) => e.state === 'active').map((e) => `${person.personId}:${e.systemRoleId}`)));
}

function desiredSet(result: PersonDesired[]): Set<string> {
  return new Set(result.flatMap((person) => person.entitlements.map((e) => `${person.personId}:${e.systemRoleId}`)));
}

describe('access engine properties', () => {
  it('removing an assignment rule never adds access', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ([model, people], which) => {
        fc.pre(model.rules.length > 0);
        const before = desiredSet(computePeople(model, people, today));
        const fewer = { ...model, rules: model.rules.filter((_, i) => i !== which % model.rules.length) };
        const after = desiredSet(computePeople(fewer, people, today));
        for (const key of after) expect(before.has(key)).toBe(true);
      }),
    );
  });

  it('a person with no employment and no assignment has nothing', () => {
    fc.assert(
      fc.property(scenario, ([model, people]) => {
        const bare = people.map((person) => ({ ...person, employments: [], assignments: [] }));
        for (const result of computePeople(model, bare, today)) expect(result.entitlements).toEqual([]);
      }),
    );
  });

  it('a person whose employments have all ended and whose assignments have expired has nothing', () => {
    fc.assert(
      fc.property(scenario, ([model, people]) => {
        const later = '2027-06-01';
        const ended = people.map((person) => ({
          ...person,
          employments: person.employments.map((e) => ({ ...e, endDate: '2027-01-01' })),
          assignments: person.assignments.map((a) => ({ ...a, validTo: '2027-01-01' })),
        }));
        for (const result of computePeople(model, ended, later)) expect(result.entitlements).toEqual([]);
      }),
    );
  });

  it('computing one person alone gives the same as computing everyone', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ([model, people], which) => {
        const everyone = computePeople(model, people, today);
        const person = people[which % people.length]!;
        const alone = computePeople(model, [person], today)[0];
        expect(alone).toEqual(everyone.find((result) => result.personId === person.id));
      }),
    );
  });

  it('a held role is always sensitive and reached only through reasons that lack a competence', () => {
    fc.assert(
      fc.property(scenario, ([model, people]) => {
        const sensitive = new Set(model.systemRoles.filter((role) => role.sensitive).map((role) => role.id));
        for (const result of computePeople(model, people, today))
          for (const entitlement of result.entitlements) {
            expect(entitlement.reasons.length).toBeGreaterThan(0);
            if (entitlement.state === 'held') {
              expect(sensitive.has(entitlement.systemRoleId)).toBe(true);
              for (const reason of entitlement.reasons) expect(reason.missingCompetenceIds.length).toBeGreaterThan(0);
            }
          }
      }),
    );
  });

  it('applying the diff to the stored state gives the computed state, and diffing again gives nothing', () => {
    fc.assert(
      fc.property(scenario, scenario, ([model, people], [, otherPeople]) => {
        const first = computePeople(model, people, today);
        const stored = new Map<string, StoredEntitlement[]>(
          first.map((person) => [person.personId, person.entitlements.map((e) => ({ systemRoleId: e.systemRoleId, state: e.state, reasonKey: e.reasonKey }))]),
        );
        // The same ids with other facts: a second computation of the same people.
        const moved = otherPeople.slice(0, people.length).map((person, i) => ({ ...person, id: people[i]!.id }));
        const second = computePeople(model, moved, today);
        const diff = diffDesired(stored, second);
        const before = grantedSet(first);
        const after = grantedSet(second);
        const granted = new Set(diff.changes.filter((c) => c.action === 'grant').map((c) => `${c.personId}:${c.systemRoleId}`));
        const revoked = new Set(diff.changes.filter((c) => c.action === 'revoke').map((c) => `${c.personId}:${c.systemRoleId}`));
        const applied = new Set([...before].filter((key) => !revoked.has(key)).concat([...granted]));
        const secondIds = new Set(second.map((p) => p.personId));
        const untouched = [...before].filter((key) => !secondIds.has(key.split(':')[0]!));
        expect([...applied].sort()).toEqual([...after, ...untouched].sort());
        const again = new Map<string, StoredEntitlement[]>(
          second.map((person) => [person.personId, person.entitlements.map((e) => ({ systemRoleId: e.systemRoleId, state: e.state, reasonKey: e.reasonKey }))]),
        );
        expect(diffDesired(again, second).changes).toEqual([]);
        expect(diffDesired(again, second).upserts).toEqual([]);
      }),
    );
  });
});

describe('access engine examples', () => {
  const model: RoleModelInput = {
    units: [
      { id: 'kommune', parentId: null },
      { id: 'oppvekst', parentId: 'kommune' },
      { id: 'skole', parentId: 'oppvekst' },
      { id: 'helse', parentId: 'kommune' },
    ],
    systemRoles: [
      { id: 'visma-ansatt', sensitive: false },
      { id: 'skole-laerer', sensitive: false },
      { id: 'epj-sykepleier', sensitive: true },
    ],
    businessRoles: [
      { id: 'ansatt', systemRoleIds: ['visma-ansatt'], requiredCompetenceIds: [] },
      { id: 'laerer', systemRoleIds: ['skole-laerer'], requiredCompetenceIds: [] },
      { id: 'sykepleier', systemRoleIds: ['epj-sykepleier', 'visma-ansatt'], requiredCompetenceIds: ['epj-kurs'] },
    ],
    rules: [
      { id: 'alle', businessRoleId: 'ansatt', orgUnitId: 'kommune', includeSubUnits: true, positionId: null },
      { id: 'laerere', businessRoleId: 'laerer', orgUnitId: 'oppvekst', includeSubUnits: true, positionId: 'lærer' },
      { id: 'bare-oppvekst', businessRoleId: 'laerer', orgUnitId: 'oppvekst', includeSubUnits: false, positionId: null },
      { id: 'sykepleiere', businessRoleId: 'sykepleier', orgUnitId: 'helse', includeSubUnits: false, positionId: 'sykepleier' },
    ],
  };
  const prepared = prepareModel(model);
  const employed = (orgUnitId: string, positionId: string | null) => ({ orgUnitId, positionId, startDate: '2020-01-01', endDate: null });

  it('gives a teacher in a school under oppvekst the teacher role through the sub-unit rule, with the rule as reason', () => {
    const kari = computePerson(prepared, { id: 'kari', employments: [employed('skole', 'lærer')], assignments: [], competences: [] }, today);
    expect(kari.entitlements.map((e) => e.systemRoleId)).toEqual(['skole-laerer', 'visma-ansatt']);
    expect(kari.entitlements[0]!.reasons).toEqual([{ kind: 'rule', businessRoleId: 'laerer', ruleId: 'laerere', missingCompetenceIds: [] }]);
  });

  it('does not let a rule without sub-units reach a sub-unit', () => {
    const ola = computePerson(prepared, { id: 'ola', employments: [employed('skole', 'vaktmester')], assignments: [], competences: [] }, today);
    expect(ola.entitlements.map((e) => e.systemRoleId)).toEqual(['visma-ansatt']);
  });

  it('holds a sensitive role until the required competence is there, and flags it', () => {
    const nurse = { id: 'nina', employments: [employed('helse', 'sykepleier')], assignments: [], competences: [] };
    const without = computePerson(prepared, nurse, today);
    const epj = without.entitlements.find((e) => e.systemRoleId === 'epj-sykepleier')!;
    expect(epj.state).toBe('held');
    expect(epj.missingCompetenceIds).toEqual(['epj-kurs']);
    // The non-sensitive role from the same business role is given, with the flag.
    const visma = without.entitlements.find((e) => e.systemRoleId === 'visma-ansatt')!;
    expect(visma.state).toBe('active');
    expect(visma.missingCompetenceIds).toEqual(['epj-kurs']);

    const expired = computePerson(prepared, { ...nurse, competences: [{ competenceId: 'epj-kurs', expiresOn: '2026-11-22' }] }, today);
    expect(expired.entitlements.find((e) => e.systemRoleId === 'epj-sykepleier')!.state).toBe('held');
    const valid = computePerson(prepared, { ...nurse, competences: [{ competenceId: 'epj-kurs', expiresOn: '2026-11-23' }] }, today);
    expect(valid.entitlements.find((e) => e.systemRoleId === 'epj-sykepleier')!.state).toBe('active');
  });

  it('gives a role by a request only within its validity, naming the request', () => {
    const assignment = { id: 'a1', businessRoleId: 'laerer', source: 'request' as const, requestId: 'req1', validFrom: '2026-11-01', validTo: '2026-11-30' };
    const person = { id: 'per', employments: [], assignments: [assignment], competences: [] };
    expect(computePerson(prepared, person, today).entitlements[0]!.reasons[0]).toMatchObject({ kind: 'request', requestId: 'req1' });
    expect(computePerson(prepared, person, '2026-12-01').entitlements).toEqual([]);
    expect(computePerson(prepared, person, '2026-10-31').entitlements).toEqual([]);
  });

  it('turns a move from the school to health into revoking the teacher role and holding the nurse role', () => {
    const before = computePerson(prepared, { id: 'kari', employments: [employed('skole', 'lærer')], assignments: [], competences: [] }, today);
    const stored = new Map([[before.personId, before.entitlements.map((e) => ({ systemRoleId: e.systemRoleId, state: e.state, reasonKey: e.reasonKey }))]]);
    const after = computePerson(prepared, { id: 'kari', employments: [employed('helse', 'sykepleier')], assignments: [], competences: [] }, today);
    const diff = diffDesired(stored, [after]);
    expect(diff.changes).toEqual([{ personId: 'kari', systemRoleId: 'skole-laerer', action: 'revoke' }]);
    // The employee role stays, now for two reasons; the nurse role is stored as held: two rows rewritten, no grant.
    expect(diff.counts).toMatchObject({ grant: 0, revoke: 1, held: 1, reasonChange: 2 });
  });
});
