import { describe, expect, it } from 'vitest';
import { appRoles } from '../../server/src/modules/auth/permissions.ts';
import { asciiFold, generateMunicipality, type GeneratedMunicipality } from '../../server/src/demo/generate-municipality.ts';
import { orgRows } from '../../server/src/demo/org-rows.ts';
import { Random } from '../../server/src/demo/random.ts';

const today = '2026-11-22';
const demo = (seed = 'grunnmur-demo-kommune') =>
  generateMunicipality({ seed, slug: 'demo', name: 'Demo kommune', employees: 1000, systems: 100, today });

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Invariants every generated municipality keeps, whatever its size. */
function expectConsistentOrganisation(m: GeneratedMunicipality) {
  const personIds = new Set(m.persons.map((person) => person.id));
  const unitById = new Map(m.units.map((unit) => [unit.id, unit]));

  const roots = m.units.filter((unit) => unit.parentId === null);
  expect(roots).toHaveLength(1);
  const seen = new Set<string>();
  for (const unit of m.units) {
    if (unit.parentId) expect(seen.has(unit.parentId), `${unit.name} comes after its parent`).toBe(true);
    seen.add(unit.id);
    expect(personIds.has(unit.managerPersonId), `${unit.name} has a leader`).toBe(true);
  }
  expect(new Set(m.units.map((unit) => unit.code)).size).toBe(m.units.length);

  // Each unit's leader works in that unit.
  const placements = new Set(m.employments.map((e) => `${e.personId}@${e.orgUnitId}`));
  expect(m.units.filter((unit) => !placements.has(`${unit.managerPersonId}@${unit.id}`))).toEqual([]);

  // Collected rather than asserted one by one: 100,000 expect() calls would dominate the run time.
  const wrong: string[] = [];
  for (const employment of m.employments) {
    const unit = unitById.get(employment.orgUnitId);
    if (!unit || !personIds.has(employment.personId)) wrong.push(`${employment.id}: dangling reference`);
    else if (employment.personId === roots[0]!.managerPersonId) {
      if (employment.managerPersonId !== null) wrong.push(`${employment.id}: the kommunedirektør has a manager`);
    } else {
      const expected = unit.managerPersonId === employment.personId ? unitById.get(unit.parentId!)!.managerPersonId : unit.managerPersonId;
      if (employment.managerPersonId === null || !personIds.has(employment.managerPersonId)) wrong.push(`${employment.id}: no manager`);
      if (employment.managerPersonId === employment.personId) wrong.push(`${employment.id}: own manager`);
      if (employment.managerPersonId !== expected) wrong.push(`${employment.id}: manager is not the unit's leader`);
    }
    if (employment.endDate && employment.endDate < employment.startDate) wrong.push(`${employment.id}: ends before it starts`);
  }
  expect(wrong).toEqual([]);

  const emails = m.persons.map((person) => person.email);
  expect(new Set(emails).size).toBe(emails.length);
  const emailPattern = new RegExp(`^[a-z-]+\\.[a-z-]+\\d*@${m.tenant.slug}\\.kommune\\.no$`);
  expect(emails.filter((email) => !emailPattern.test(email))).toEqual([]);
  expect(new Set(m.persons.map((person) => person.employeeNumber)).size).toBe(m.persons.length);

  const allIds = [m.tenant.id, ...m.units, ...m.persons, ...m.employments, ...m.positions, ...m.systems, ...m.licencePools, ...m.users]
    .map((row) => (typeof row === 'string' ? row : row.id));
  expect(new Set(allIds).size).toBe(allIds.length);
  expect(allIds.filter((id) => !uuidPattern.test(id))).toEqual([]);
  const rows = [...m.units, ...m.persons, ...m.employments, ...m.systems, ...m.licencePools, ...m.users];
  expect(rows.filter((row) => row.tenantId !== m.tenant.id)).toEqual([]);
}

describe('demo municipality generator', () => {
  it('produces exactly the same municipality from the same seed', () => {
    expect(demo()).toEqual(demo());
  });

  it('produces a different municipality from a different seed', () => {
    const [a, b] = [demo('one'), demo('two')];
    expect(a.persons.map((p) => p.email)).not.toEqual(b.persons.map((p) => p.email));
    expect(a.tenant.id).not.toBe(b.tenant.id);
  });

  it('builds a pilot-sized municipality: about 60 units, 1,000 people, sectors under the kommunedirektør', () => {
    const m = demo();
    expect(m.units.length).toBeGreaterThanOrEqual(55);
    expect(m.units.length).toBeLessThanOrEqual(65);
    expect(m.persons).toHaveLength(1000);
    const root = m.units.find((unit) => unit.parentId === null)!;
    expect(root).toMatchObject({ name: 'Demo kommune', kind: 'municipality' });
    const sectors = m.units.filter((unit) => unit.parentId === root.id).map((unit) => unit.name);
    expect(sectors).toEqual(expect.arrayContaining(['Oppvekst', 'Helse og omsorg', 'Teknisk', 'Økonomi', 'HR og organisasjon', 'IKT og digitalisering', 'Kultur']));
    const kinds = (kind: string) => m.units.filter((unit) => unit.kind === kind).length;
    expect(kinds('school')).toBeGreaterThanOrEqual(6);
    expect(kinds('school')).toBeLessThanOrEqual(8);
    expect(kinds('kindergarten')).toBeGreaterThanOrEqual(8);
    expect(kinds('kindergarten')).toBeLessThanOrEqual(10);
    expect(kinds('nursing_home')).toBeGreaterThanOrEqual(2);
    const rootTitle = m.positions.find((p) => p.id === m.employments.find((e) => e.personId === root.managerPersonId)!.positionId)!.title;
    expect(rootTitle).toBe('Kommunedirektør');
    expectConsistentOrganisation(m);
  });

  it('gives people positions that fit their unit', () => {
    const m = demo();
    const titleOf = new Map(m.positions.map((p) => [p.id, p.title]));
    const titlesIn = (kind: string) => new Set(m.employments.filter((e) => m.units.find((u) => u.id === e.orgUnitId)!.kind === kind).map((e) => titleOf.get(e.positionId)));
    expect([...titlesIn('school')]).toEqual(expect.arrayContaining(['Rektor', 'Lærer']));
    expect([...titlesIn('kindergarten')]).toEqual(expect.arrayContaining(['Styrer', 'Barnehagelærer']));
    expect([...titlesIn('nursing_home')]).toEqual(expect.arrayContaining(['Sykepleier', 'Helsefagarbeider']));
    expect(titlesIn('school').has('Sykepleier')).toBe(false);
  });

  it('includes guests and consultants with end dates, future transfers and people who have left', () => {
    const m = demo();
    const outsiders = m.persons.filter((p) => p.kind !== 'employee');
    expect(outsiders.some((p) => p.kind === 'guest')).toBe(true);
    expect(outsiders.some((p) => p.kind === 'consultant')).toBe(true);
    for (const person of outsiders) {
      const employment = m.employments.find((e) => e.personId === person.id)!;
      expect(employment.endDate! > today).toBe(true);
    }
    const future = m.employments.filter((e) => e.startDate > today);
    expect(future.length).toBeGreaterThanOrEqual(3);
    for (const transfer of future) {
      const previous = m.employments.find((e) => e.personId === transfer.personId && e !== transfer)!;
      expect(previous.orgUnitId).not.toBe(transfer.orgUnitId);
      const dayBefore = new Date(Date.parse(`${transfer.startDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      expect(previous.endDate).toBe(dayBefore);
      expect(transfer.startDate <= '2027-01-10').toBe(true);
    }
    const transferred = new Set(future.map((e) => e.personId));
    const left = m.employments.filter((e) => e.endDate !== null && e.endDate < today && !transferred.has(e.personId));
    expect(left.length).toBeGreaterThanOrEqual(3);
  });

  it('catalogues about 100 systems with owners, administrators, units, costs and 1–3 licence pools', () => {
    const m = demo();
    expect(m.systems).toHaveLength(100);
    expect(new Set(m.systems.map((s) => s.name)).size).toBe(100);
    const personIds = new Set(m.persons.map((p) => p.id));
    const unitIds = new Set(m.units.map((u) => u.id));
    for (const system of m.systems) {
      expect(system.description.length).toBeGreaterThan(20);
      expect(personIds.has(system.ownerPersonId)).toBe(true);
      expect(personIds.has(system.administratorPersonId)).toBe(true);
      expect(unitIds.has(system.owningUnitId)).toBe(true);
      const pools = m.licencePools.filter((pool) => pool.systemId === system.id);
      expect(pools.length).toBeGreaterThanOrEqual(1);
      expect(pools.length).toBeLessThanOrEqual(3);
    }
    const phases = m.systems.map((s) => s.lifecyclePhase);
    expect(phases.filter((phase) => phase === 'operation').length).toBeGreaterThan(80);
    expect(new Set(phases)).toEqual(new Set(['idea', 'requirements', 'implementation', 'operation', 'phase_out', 'retired']));
    expect(m.systems.map((s) => s.name)).toEqual(expect.arrayContaining(['Microsoft 365', 'Entra ID', 'SvarUt', 'SvarInn']));
  });

  it('names one demo user per role, each a different person in the organisation', () => {
    const m = demo();
    expect(m.users.map((u) => u.roles[0])).toEqual(expect.arrayContaining([...appRoles]));
    expect(new Set(m.users.map((u) => u.personId)).size).toBe(m.users.length);
    const titleOf = (personId: string) => {
      const employment = m.employments.find((e) => e.personId === personId)!;
      return m.positions.find((p) => p.id === employment.positionId)!.title;
    };
    for (const user of m.users) {
      const person = m.persons.find((p) => p.id === user.personId)!;
      expect(user.displayName).toBe(`${person.givenName} ${person.familyName}`);
      expect(user.email).toBe(person.email);
      expect(m.employments.filter((e) => e.personId === person.id)).toHaveLength(1);
      expect(m.employments.find((e) => e.personId === person.id)!.endDate).toBeNull();
    }
    const byRole = Object.fromEntries(m.users.map((u) => [u.roles[0], titleOf(u.personId)]));
    expect(byRole).toMatchObject({
      admin: 'IKT-sjef',
      architect: 'Virksomhetsarkitekt',
      process_owner: 'Kvalitetsrådgiver',
      manager: 'Rektor',
      security_officer: 'Informasjonssikkerhetsleder',
      employee: 'Lærer',
    });
    const systemOwner = m.users.find((u) => u.roles[0] === 'system_owner')!;
    expect(m.systems.some((s) => s.ownerPersonId === systemOwner.personId)).toBe(true);
  });

  it('builds a smaller neighbour municipality with its own demo users', () => {
    const m = generateMunicipality({ seed: 'grunnmur-nabo-kommune', slug: 'nabo', name: 'Nabo kommune', employees: 150, systems: 30, today });
    expect(m.units.length).toBeGreaterThanOrEqual(12);
    expect(m.units.length).toBeLessThanOrEqual(18);
    expect(m.persons).toHaveLength(150);
    expect(m.systems).toHaveLength(30);
    expect(m.users.map((u) => u.roles[0]).sort()).toEqual([...appRoles].sort());
    expectConsistentOrganisation(m);
  });

  it('scales to 100,000 people with units of realistic size', () => {
    const started = performance.now();
    const m = generateMunicipality({ seed: 'bench', slug: 'stor', name: 'Stor kommune', employees: 100_000, systems: 150, today });
    const elapsed = performance.now() - started;
    console.info(`generated ${m.persons.length} people in ${m.units.length} units in ${Math.round(elapsed)} ms`);
    expect(m.persons).toHaveLength(100_000);
    expect(m.systems).toHaveLength(150);
    const sizes = new Map<string, number>();
    for (const e of m.employments) if (e.startDate <= today) sizes.set(e.orgUnitId, (sizes.get(e.orgUnitId) ?? 0) + 1);
    const parents = new Set(m.units.map((unit) => unit.parentId));
    const leaves = m.units.filter((unit) => !parents.has(unit.id));
    const leafSizes = leaves.map((unit) => sizes.get(unit.id) ?? 0).sort((a, b) => a - b);
    expect(leafSizes[Math.floor(leafSizes.length * 0.05)]).toBeGreaterThanOrEqual(10);
    expect(leafSizes[Math.floor(leafSizes.length * 0.95)]).toBeLessThanOrEqual(70);
    const childCounts = new Map<string, number>();
    for (const unit of m.units) if (unit.parentId) childCounts.set(unit.parentId, (childCounts.get(unit.parentId) ?? 0) + 1);
    expect(Math.max(...childCounts.values())).toBeLessThanOrEqual(20);
    expectConsistentOrganisation(m);
    expect(elapsed).toBeLessThan(20_000);
  }, 60_000);

  it('turns the organisation into org-file rows, a unit before the units below it', () => {
    const m = demo();
    const rows = orgRows(m);
    expect(rows).toHaveLength(m.employments.length);
    const seenCodes = new Set<string>();
    for (const row of rows) {
      if (row.parentUnitCode) expect(seenCodes.has(row.parentUnitCode)).toBe(true);
      seenCodes.add(row.unitCode);
    }
    const teacher = rows.find((row) => row.position === 'Lærer')!;
    expect(teacher).toMatchObject({ kind: 'employee', endDate: null });
    expect(teacher.managerEmployeeNumber).toBe(teacher.unitManagerEmployeeNumber);
    expect(rows.filter((row) => row.managerEmployeeNumber === null)).toHaveLength(1);
  });
});

describe('asciiFold', () => {
  it('folds Norwegian and foreign letters into what e-mail addresses accept', () => {
    expect(asciiFold('Bjørg')).toBe('bjorg');
    expect(asciiFold('Ødegård')).toBe('odegard');
    expect(asciiFold('Sæther')).toBe('saether');
    expect(asciiFold('Anne-Lise')).toBe('anne-lise');
    expect(asciiFold('Wiśniewska')).toBe('wisniewska');
    expect(asciiFold('Petrović')).toBe('petrovic');
  });
});

describe('Random', () => {
  it('repeats its sequence for a seed and spreads integers over the whole range', () => {
    const a = new Random('seed');
    const b = new Random('seed');
    const draws = Array.from({ length: 1000 }, () => a.int(1, 6));
    expect(Array.from({ length: 1000 }, () => b.int(1, 6))).toEqual(draws);
    expect(new Set(draws)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  });
});
