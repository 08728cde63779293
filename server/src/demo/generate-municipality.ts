import type { AppRole } from '../modules/auth/permissions.ts';
import { familyNames, femaleGivenNames, maleGivenNames } from './names.ts';
import { municipalityBlueprint } from './org-blueprint.ts';
import { planUnits, type PlannedUnit } from './plan-units.ts';
import { Random } from './random.ts';
import { systemTemplates, type SystemTemplate } from './system-templates.ts';

export interface GenerateOptions {
  /** Same seed, same municipality: every name, id and date (relative to `today`) is drawn from it. */
  seed: string;
  slug: string;
  name: string;
  /** Number of people in the organisation (employees, guests and consultants). At least 20. */
  employees: number;
  systems: number;
  /** Defaults to `<slug>.kommune.no`. */
  emailDomain?: string;
  /** `YYYY-MM-DD` that future transfers and ended employments are placed around; defaults to today (UTC). */
  today?: string;
}

export interface TenantRow { id: string; slug: string; name: string }
export interface UnitRow { id: string; tenantId: string; parentId: string | null; code: string; name: string; kind: string; managerPersonId: string }
export interface PositionRow { id: string; tenantId: string; title: string }
export type PersonKind = 'employee' | 'guest' | 'consultant';
export interface PersonRow { id: string; tenantId: string; employeeNumber: string; givenName: string; familyName: string; email: string; kind: PersonKind }
export interface EmploymentRow {
  id: string;
  tenantId: string;
  personId: string;
  orgUnitId: string;
  positionId: string;
  managerPersonId: string | null;
  startDate: string;
  endDate: string | null;
  isPrimary: boolean;
}
export interface SystemRow {
  id: string;
  tenantId: string;
  name: string;
  description: string;
  lifecyclePhase: 'idea' | 'requirements' | 'implementation' | 'operation' | 'phase_out' | 'retired';
  criticality: SystemTemplate['criticality'];
  ownerPersonId: string;
  administratorPersonId: string;
  owningUnitId: string;
  supplier: string;
  hosting: SystemTemplate['hosting'];
  annualCost: number;
  dpaStatus: 'not_needed' | 'missing' | 'in_progress' | 'signed' | 'expired';
}
export interface LicencePoolRow { id: string; tenantId: string; systemId: string; licenceType: string; count: number; unitPrice: number }
export interface UserRow { id: string; tenantId: string; personId: string; email: string; displayName: string; roles: AppRole[] }

export interface GeneratedMunicipality {
  tenant: TenantRow;
  /** Parents before children. */
  units: UnitRow[];
  positions: PositionRow[];
  persons: PersonRow[];
  employments: EmploymentRow[];
  systems: SystemRow[];
  licencePools: LicencePoolRow[];
  /** One demo user per application role, each a person in the organisation. */
  users: UserRow[];
}

const minimumEmployees = 20;

/** Generates a whole municipality as plain rows with every foreign key already filled in. Pure. */
export function generateMunicipality(options: GenerateOptions): GeneratedMunicipality {
  if (!Number.isInteger(options.employees) || options.employees < minimumEmployees) {
    throw new RangeError(`employees must be an integer of at least ${minimumEmployees}`);
  }
  // Separate streams, so that adding a field to one kind of row does not reshuffle the others.
  const ids = new Random(`${options.seed}:ids`);
  const random = new Random(`${options.seed}:data`);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const domain = options.emailDomain ?? `${options.slug}.kommune.no`;
  const tenant: TenantRow = { id: ids.uuid(), slug: options.slug, name: options.name };
  const tenantId = tenant.id;

  const plan = planUnits(municipalityBlueprint, options.employees, options.name, random);
  const placed = placeUnits(plan.root, tenantId, ids);
  const headcounts = allocateHeadcounts(placed, options.employees);

  const positionsByTitle = new Map<string, PositionRow>();
  const positionId = (title: string) => {
    let position = positionsByTitle.get(title);
    if (!position) {
      position = { id: ids.uuid(), tenantId, title };
      positionsByTitle.set(title, position);
    }
    return position.id;
  };

  const persons: PersonRow[] = [];
  const employments: EmploymentRow[] = [];
  const people = new PersonFactory(random, domain);
  let nextEmployeeNumber = Math.max(10000, 10 ** String(options.employees).length);
  const inIkt = new Set(placed.filter((unit) => unit.sectorKey === 'ikt').map((unit) => unit.row.id));

  /** What the generator remembers about each employment, to choose demo users, owners and transfers. */
  interface Staffing {
    person: PersonRow;
    employment: EmploymentRow;
    unit: PlacedUnit;
    title: string;
    isLeader: boolean;
    isRequired: boolean;
  }
  const staffings: Staffing[] = [];

  placed.forEach((unit, unitIndex) => {
    const titles: { title: string; isLeader: boolean; isRequired: boolean }[] = [
      { title: unit.plan.leaderTitle, isLeader: true, isRequired: false },
      ...unit.plan.required.map((title) => ({ title, isLeader: false, isRequired: true })),
    ];
    const staffWeights = [...unit.plan.staff];
    while (titles.length < headcounts[unitIndex]!) {
      titles.push({ title: staffWeights.length > 0 ? random.pickWeighted(staffWeights) : 'Rådgiver', isLeader: false, isRequired: false });
    }
    for (const { title: plannedTitle, isLeader, isRequired } of titles) {
      let kind: PersonKind = 'employee';
      let title = plannedTitle;
      let startDate = addDays(today, -(30 + Math.floor(Math.pow(random.next(), 1.4) * 9000)));
      let endDate: string | null = null;
      if (!isLeader && !isRequired) {
        const consultantShare = inIkt.has(unit.row.id) ? 0.15 : 0.012;
        if (random.chance(consultantShare)) {
          kind = 'consultant';
          title = inIkt.has(unit.row.id) ? 'Innleid IKT-konsulent' : 'Innleid konsulent';
        } else if (random.chance(0.012)) {
          kind = 'guest';
          title = random.pick(['Praksisstudent', 'Hospitant', 'Sommervikar']);
        }
        if (kind !== 'employee') {
          startDate = addDays(today, -random.int(14, 300));
          endDate = addDays(today, random.int(14, 270));
        }
      }
      const name = people.next();
      nextEmployeeNumber += random.int(1, 3);
      const person: PersonRow = { id: ids.uuid(), tenantId, employeeNumber: String(nextEmployeeNumber), ...name, kind };
      const employment: EmploymentRow = {
        id: ids.uuid(),
        tenantId,
        personId: person.id,
        orgUnitId: unit.row.id,
        positionId: positionId(title),
        managerPersonId: null, // set below, once every unit has its leader
        startDate,
        endDate,
        isPrimary: true,
      };
      if (isLeader) unit.row.managerPersonId = person.id;
      persons.push(person);
      employments.push(employment);
      staffings.push({ person, employment, unit, title, isLeader, isRequired });
    }
  });

  // A person's manager is their unit's leader; a leader's is the leader of the unit above.
  const managerFor = (unit: PlacedUnit, personId: string): string | null => {
    for (let current: PlacedUnit | null = unit; current; current = current.parent) {
      if (current.row.managerPersonId !== personId) return current.row.managerPersonId;
    }
    return null;
  };
  for (const staffing of staffings) staffing.employment.managerPersonId = managerFor(staffing.unit, staffing.person.id);

  // Demo users are chosen before transfers and leavers so that none of them is moving or gone.
  const byTitle = (title: string) => staffings.find((s) => s.title === title && s.person.kind === 'employee');
  const firstSchool = placed.find((unit) => unit.row.kind === 'school');
  const teacher = staffings.find((s) => s.unit === firstSchool && !s.isLeader && s.title === 'Lærer' && s.person.kind === 'employee')
    ?? staffings.find((s) => !s.isLeader && !s.isRequired && s.person.kind === 'employee');
  const protectedPersons = new Set<string>(teacher ? [teacher.person.id] : []);

  // Future transfers and leavers, among ordinary employees.
  const movable = staffings.filter((s) => !s.isLeader && !s.isRequired && s.person.kind === 'employee' && !protectedPersons.has(s.person.id));
  const staffedUnits = placed.filter((unit) => unit.plan.staff.size > 0);
  const staffedByKind = groupBy(staffedUnits, (unit) => unit.row.kind);
  for (const staffing of movable) {
    const roll = random.next();
    if (roll < 0.012) {
      const sameKind = (staffedByKind.get(staffing.unit.row.kind) ?? []).filter((unit) => unit !== staffing.unit);
      const target = random.pick(sameKind.length > 0 ? sameKind : staffedUnits.filter((unit) => unit !== staffing.unit));
      const startDate = addDays(today, random.int(7, 42));
      const title = target.plan.staff.has(staffing.title) ? staffing.title : random.pickWeighted([...target.plan.staff]);
      staffing.employment.endDate = addDays(startDate, -1);
      employments.push({
        id: ids.uuid(),
        tenantId,
        personId: staffing.person.id,
        orgUnitId: target.row.id,
        positionId: positionId(title),
        managerPersonId: managerFor(target, staffing.person.id),
        startDate,
        endDate: null,
        isPrimary: true,
      });
    } else if (roll < 0.022) {
      const daysEmployed = daysBetween(staffing.employment.startDate, today);
      staffing.employment.endDate = addDays(today, -random.int(5, Math.min(300, daysEmployed - 1)));
    }
  }

  const current = staffings.filter((s) => s.person.kind === 'employee' && s.employment.endDate === null);
  const currentStaffByUnit = groupBy(current.filter((s) => !s.isLeader), (s) => s.unit);
  const { systems, licencePools } = generateSystems({
    count: options.systems,
    scale: options.employees / 1000,
    tenantId,
    ids,
    random,
    unitFor: (key) => placed.find((unit) => unit.plan === (plan.byKey.get(key) ?? plan.root))!,
    administratorsIn: (unit) => (currentStaffByUnit.get(unit) ?? []).map((s) => s.person.id),
    itStaff: current.filter((s) => s.unit.plan.key === 'ikt_drift' && !s.isLeader).map((s) => s.person.id),
  });

  // One demo user per role, each a different person; the system owner is whoever owns the first system.
  const personById = new Map(persons.map((person) => [person.id, person]));
  const rootLeader = placed[0]!.row.managerPersonId;
  const unitByKey = (key: string) => placed.find((unit) => unit.plan === plan.byKey.get(key));
  const chosen: [AppRole, string | undefined][] = [
    ['admin', unitByKey('ikt')?.row.managerPersonId],
    ['architect', byTitle('Virksomhetsarkitekt')?.person.id],
    ['process_owner', byTitle('Kvalitetsrådgiver')?.person.id],
    ['manager', firstSchool?.row.managerPersonId],
    ['security_officer', byTitle('Informasjonssikkerhetsleder')?.person.id],
    ['employee', teacher?.person.id],
  ];
  const taken = new Set(chosen.map(([, id]) => id));
  const systemOwner = systems.find((system) => !taken.has(system.ownerPersonId) && system.ownerPersonId !== rootLeader)?.ownerPersonId;
  chosen.splice(3, 0, ['system_owner', systemOwner]);
  const users: UserRow[] = chosen.map(([role, personId]) => {
    const person = personById.get(personId ?? '');
    if (!person) throw new Error(`no person for the demo ${role}`);
    return { id: ids.uuid(), tenantId, personId: person.id, email: person.email, displayName: `${person.givenName} ${person.familyName}`, roles: [role] };
  });

  return {
    tenant,
    units: placed.map((unit) => unit.row),
    positions: [...positionsByTitle.values()],
    persons,
    employments,
    systems,
    licencePools,
    users,
  };
}

interface PlacedUnit {
  plan: PlannedUnit;
  row: UnitRow;
  parent: PlacedUnit | null;
  /** Key of the top-level unit (sector or staff) this unit belongs to. */
  sectorKey: string;
}

/** Flattens the plan parents-first and gives every unit an id and a code (`3000` for a sector, `3001`… below it). */
function placeUnits(root: PlannedUnit, tenantId: string, ids: Random): PlacedUnit[] {
  const placed: PlacedUnit[] = [];
  const place = (plan: PlannedUnit, parent: PlacedUnit | null, code: string, sectorKey: string) => {
    const unit: PlacedUnit = { plan, parent, sectorKey, row: { id: ids.uuid(), tenantId, parentId: parent?.row.id ?? null, code, name: plan.name, kind: plan.kind, managerPersonId: '' } };
    placed.push(unit);
    return unit;
  };
  const rootUnit = place(root, null, '1000', root.key);
  root.children.forEach((sector, sectorIndex) => {
    const prefix = String(sectorIndex + 2);
    const sectorUnit = place(sector, rootUnit, `${prefix}000`, sector.key);
    const width = Math.max(3, String(countDescendants(sector)).length);
    let sequence = 0;
    const walk = (plan: PlannedUnit, parent: PlacedUnit) => {
      for (const child of plan.children) walk(child, place(child, parent, `${prefix}${String(++sequence).padStart(width, '0')}`, sector.key));
    };
    walk(sector, sectorUnit);
  });
  return placed;
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function countDescendants(plan: PlannedUnit): number {
  return plan.children.reduce((sum, child) => sum + 1 + countDescendants(child), 0);
}

/**
 * How many people work directly in each unit: its leader and required positions, and the rest
 * shared out by weight (largest remainder), so that the total is exactly `employees`.
 */
function allocateHeadcounts(units: PlacedUnit[], employees: number): number[] {
  const minimums = units.map((unit) => 1 + unit.plan.required.length);
  const spare = employees - minimums.reduce((sum, n) => sum + n, 0);
  if (spare < 0) throw new RangeError(`too few employees for ${units.length} units`);
  const weights = units.map((unit) => Math.max(0, unit.plan.weight - 1 - unit.plan.required.length));
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0) || 1;
  const exact = weights.map((weight) => (weight / totalWeight) * spare);
  const counts = exact.map((value, index) => minimums[index]! + Math.floor(value));
  let left = employees - counts.reduce((sum, n) => sum + n, 0);
  const byRemainder = exact.map((value, index) => [value - Math.floor(value), index] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let i = 0; left > 0; i = (i + 1) % byRemainder.length, left--) counts[byRemainder[i]![1]]! += 1;
  return counts;
}

/** Draws Norwegian names and gives each person a unique `fornavn.etternavn@domain` address. */
class PersonFactory {
  private readonly usedEmails = new Map<string, number>();

  constructor(
    private readonly random: Random,
    private readonly domain: string,
  ) {}

  next(): { givenName: string; familyName: string; email: string } {
    // About three in four municipal employees in Norway are women.
    const givenName = this.random.pickSkewed(this.random.chance(0.74) ? femaleGivenNames : maleGivenNames);
    const familyName = this.random.pickSkewed(familyNames, 1.3);
    const local = `${asciiFold(givenName)}.${asciiFold(familyName)}`;
    const seen = this.usedEmails.get(local) ?? 0;
    this.usedEmails.set(local, seen + 1);
    // The second Kari Hansen gets kari.hansen2@…; a name can never collide with a numbered one as names have no digits.
    return { givenName, familyName, email: `${seen === 0 ? local : `${local}${seen + 1}`}@${this.domain}` };
  }
}

const foldings: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', ä: 'a', ö: 'o', ü: 'u', é: 'e', è: 'e', ś: 's', ć: 'c', ł: 'l', ń: 'n', ź: 'z', ż: 'z' };

/** `Bjørg Ødegård` → `bjorg.odegard`: what e-mail systems accept. */
export function asciiFold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, (char) => foldings[char] ?? char.normalize('NFD').replace(/[^a-z0-9]/g, ''));
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function generateSystems(input: {
  count: number;
  scale: number;
  tenantId: string;
  ids: Random;
  random: Random;
  unitFor: (key: string) => PlacedUnit;
  administratorsIn: (unit: PlacedUnit) => string[];
  itStaff: string[];
}): { systems: SystemRow[]; licencePools: LicencePoolRow[] } {
  const { scale, tenantId, ids, random } = input;
  const systems: SystemRow[] = [];
  const licencePools: LicencePoolRow[] = [];
  for (let index = 0; index < input.count; index++) {
    const template = systemTemplates[index] ?? extraSystem(index - systemTemplates.length + 1, random);
    const unit = input.unitFor(template.ownerUnit);
    const local = input.administratorsIn(unit);
    const candidates = local.length > 0 && (input.itStaff.length === 0 || random.chance(0.6)) ? local : input.itStaff;
    const administrator = candidates.length > 0 ? random.pick(candidates) : unit.row.managerPersonId;
    const phase = template.phase ?? 'operation';
    const cost = template.costAt1000 === 0 ? 0 : Math.max(1000, Math.round((template.costAt1000 * Math.pow(scale, 0.8) * (0.85 + random.next() * 0.3)) / 1000) * 1000);
    const system: SystemRow = {
      id: ids.uuid(),
      tenantId,
      name: template.name,
      description: template.description,
      lifecyclePhase: phase,
      criticality: template.criticality,
      ownerPersonId: unit.row.managerPersonId,
      administratorPersonId: administrator,
      owningUnitId: unit.row.id,
      supplier: template.supplier,
      hosting: template.hosting,
      annualCost: phase === 'retired' ? 0 : cost,
      dpaStatus: !template.personalData
        ? 'not_needed'
        : random.pickWeighted([['signed', 75], ['in_progress', 10], ['missing', 8], ['expired', 7]] as const),
    };
    systems.push(system);
    for (const [licenceType, countAt1000, unitPrice] of template.licences) {
      // Per-municipality licences (count 1) stay single however large the municipality is.
      const count = countAt1000 <= 1 ? countAt1000 : Math.max(1, Math.round(countAt1000 * scale));
      licencePools.push({ id: ids.uuid(), tenantId, systemId: system.id, licenceType, count, unitPrice });
    }
  }
  return { systems, licencePools };
}

const extraOwners = ['oppvekst', 'helse', 'teknisk', 'okonomi', 'hr', 'ikt', 'kultur', 'stab'];

/** Beyond the catalogue of typical systems (benchmarks ask for more): small local systems. */
function extraSystem(number: number, random: Random): SystemTemplate {
  return {
    name: `Lokalt fagsystem ${number}`,
    description: 'Mindre fagsystem anskaffet lokalt av en enhet.',
    ownerUnit: random.pick(extraOwners),
    supplier: random.pick(['Lokaldata AS', 'Smånett AS', 'Fagverktøy AS']),
    hosting: random.pick(['saas', 'on_premises'] as const),
    criticality: random.pick(['low', 'medium'] as const),
    costAt1000: random.int(5, 60) * 1000,
    personalData: random.chance(0.5),
    licences: [['Bruker', random.int(2, 40), random.int(2, 20) * 100]],
  };
}
