/** Checks a systems file against the catalogue and works out what to create and update. Pure. */
import type { SystemInput } from '../catalogue/schemas.ts';
import type { LicenceCell } from './cells.ts';
import type { FileProblem } from './columns.ts';
import { fromFile, sameFields, type PlanOptions, type RowChange } from './plan.ts';
import type { SystemColumn, SystemRow } from './systems-format.ts';

export type SystemValues = Omit<SystemInput, 'licences'>;

export interface StoredSystem extends SystemValues {
  id: string;
  licences: LicenceCell[];
}

export interface SystemsState {
  systems: StoredSystem[];
  personIdByNumber: ReadonlyMap<string, string>;
  unitIdByCode: ReadonlyMap<string, string>;
}

export interface SystemWrite {
  id: string;
  isNew: boolean;
  values: SystemValues;
  /** Set when the licence pools are to be replaced. */
  licences?: LicenceCell[];
}

export interface SystemsPlan {
  changes: RowChange[];
  writes: SystemWrite[];
}

const valueKeys: (keyof SystemValues)[] = [
  'name', 'description', 'lifecyclePhase', 'criticality', 'ownerPersonId', 'administratorPersonId', 'owningUnitId',
  'supplier', 'hosting', 'annualCost', 'dpaStatus',
];

const licenceKey = (licences: readonly LicenceCell[]) =>
  [...licences].map((l) => `${l.licenceType}\u0000${l.count}\u0000${Number(l.unitPrice)}`).sort().join('\u0001');

export function planSystems(
  rows: readonly SystemRow[],
  state: SystemsState,
  headerOf: (key: SystemColumn) => string,
  report: (problem: FileProblem) => void,
  { newId = () => crypto.randomUUID(), checkOnly = false }: PlanOptions = {},
): SystemsPlan {
  const byId = new Map(state.systems.map((system) => [system.id, system]));
  const byName = new Map(state.systems.map((system) => [system.name, system]));
  const lineOfName = new Map<string, number>();
  const lineOfId = new Map<string, number>();
  const plan: SystemsPlan = { changes: [], writes: [] };

  for (const row of rows) {
    const problem = (field: SystemColumn, message: string) => report({ line: row.line, field: headerOf(field), message });
    let bad = false;
    const fail = (field: SystemColumn, message: string) => {
      problem(field, message);
      bad = true;
    };
    const name = row.name!;
    const earlier = lineOfName.get(name);
    if (earlier) fail('name', `«${name}» står også på linje ${earlier}`);
    else lineOfName.set(name, row.line);
    if (row.id) {
      const earlierId = lineOfId.get(row.id);
      if (earlierId) fail('id', `Samme id står også på linje ${earlierId}`);
      else lineOfId.set(row.id, row.line);
    }

    let stored: StoredSystem | undefined;
    if (row.id) {
      stored = byId.get(row.id);
      if (!stored) fail('id', 'Fant ikke et system med denne id-en her. Tøm id-cellen for å registrere det som nytt system');
      const namesake = byName.get(name);
      if (stored && namesake && namesake.id !== stored.id) fail('name', `Et annet system heter allerede «${name}»`);
    } else {
      stored = byName.get(name);
    }

    const person = (field: 'owner' | 'administrator', number: string | null | undefined, current: string | null) => {
      if (number === undefined) return current;
      if (number === null) return null;
      const id = state.personIdByNumber.get(number);
      if (!id) fail(field, `Fant ingen person med ansattnummer «${number}»`);
      return id ?? null;
    };
    const unit = (code: string | null | undefined, current: string | null) => {
      if (code === undefined) return current;
      if (code === null) return null;
      const id = state.unitIdByCode.get(code);
      if (!id) fail('owningUnit', `Fant ingen enhet med enhetskode «${code}»`);
      return id ?? null;
    };

    const values: SystemValues = {
      name,
      description: fromFile(row.description, stored?.description ?? '') ?? '',
      // Choices the catalogue always holds: an empty cell keeps what is stored (or the default).
      lifecyclePhase: row.lifecyclePhase ?? stored?.lifecyclePhase ?? 'operation',
      criticality: row.criticality ?? stored?.criticality ?? 'medium',
      dpaStatus: row.dpaStatus ?? stored?.dpaStatus ?? 'missing',
      ownerPersonId: person('owner', row.owner, stored?.ownerPersonId ?? null),
      administratorPersonId: person('administrator', row.administrator, stored?.administratorPersonId ?? null),
      owningUnitId: unit(row.owningUnit, stored?.owningUnitId ?? null),
      supplier: fromFile(row.supplier, stored?.supplier ?? null),
      hosting: fromFile(row.hosting, stored?.hosting ?? null),
      annualCost: fromFile(row.annualCost, stored?.annualCost ?? null),
    };
    const licences = row.licences === undefined ? undefined : (row.licences ?? []);
    if (bad || checkOnly) continue;

    const licencesChanged = licences !== undefined && licenceKey(licences) !== licenceKey(stored?.licences ?? []);
    const action = !stored ? 'create' : !sameFields(stored, values, valueKeys) || licencesChanged ? 'update' : 'unchanged';
    plan.changes.push({ line: row.line, action, label: name });
    if (action !== 'unchanged') {
      plan.writes.push({ id: stored?.id ?? newId(), isNew: !stored, values, licences: licencesChanged || !stored ? (licences ?? []) : undefined });
    }
  }
  return plan;
}
