import { describe, expect, it } from 'vitest';
import type { FileProblem } from './columns.ts';
import { modelFormats, type ModelKind, type ModelRow } from './model-format.ts';
import { nameIndex, planModel, type ModelState, type StoredModelObject } from './model-plan.ts';

const ids = {
  sak: '11111111-1111-4111-8111-111111111111',
  arkiv: '22222222-2222-4222-8222-222222222222',
  lonn: '33333333-3333-4333-8333-333333333333',
  helse: '44444444-4444-4444-8444-444444444444',
  person: '55555555-5555-4555-8555-555555555555',
  adresse: '66666666-6666-4666-8666-666666666666',
  adresseKopi: '77777777-7777-4777-8777-777777777777',
  byggesak: '88888888-8888-4888-8888-888888888888',
  byggesakRoot: '99999999-9999-4999-8999-999999999999',
};

const references: ModelState['references'] = {
  systems: nameIndex([
    { id: ids.sak, name: 'Elements Sak og arkiv' },
    { id: ids.arkiv, name: 'Arkivplattform' },
    { id: ids.lonn, name: 'Lønnsmester HRM' },
  ]),
  informationObjects: nameIndex([
    { id: ids.helse, name: 'Helseopplysninger' },
    { id: ids.person, name: 'Personalopplysninger' },
    // Two information objects of the same name: a file names either by id.
    { id: ids.adresse, name: 'Adresser' },
    { id: ids.adresseKopi, name: 'Adresser' },
  ]),
  processes: nameIndex([
    { id: ids.byggesakRoot, name: 'Plan og bygg', path: 'Plan og bygg' },
    { id: ids.byggesak, name: 'Behandle byggesøknad', path: 'Plan og bygg / Behandle byggesøknad' },
    { id: '12121212-1212-4121-8121-121212121212', name: 'Behandle byggesøknad', path: 'Arkiv / Behandle byggesøknad' },
  ]),
};

function state(objects: StoredModelObject[]): ModelState {
  return {
    objects,
    personIdByNumber: new Map([['1001', 'person-1']]),
    unitIdByCode: new Map([['1100', 'unit-1']]),
    references,
  };
}

function plan(kind: ModelKind, stored: StoredModelObject[], rows: Partial<ModelRow>[]) {
  const problems: FileProblem[] = [];
  const result = planModel(
    modelFormats[kind],
    rows.map((row, index) => ({ line: index + 2, name: 'X', ...row }) as ModelRow),
    state(stored),
    (key) => key,
    (problem) => problems.push(problem),
    { newId: () => 'new-id' },
  );
  return { result, problems, at: problems.map((p) => `${p.line}:${p.field}`) };
}

describe('planning a services import', () => {
  const byggesoknad: StoredModelObject = {
    id: 'service-1',
    name: 'Byggesøknad',
    values: { description: 'Søknad om tiltak', audience: 'both', criticality: 'high', ownerPersonId: 'person-1', owningUnitId: null },
    links: { systemIds: [ids.sak], processIds: [ids.byggesak] },
  };

  it('finds a row that says what is stored unchanged, and one with fewer columns unchanged too', () => {
    const { result, problems } = plan('services', [byggesoknad], [
      { name: 'Byggesøknad', audience: 'both', criticality: 'high', ownerPersonId: '1001', owningUnitId: null, systemIds: ['Elements Sak og arkiv'], processIds: ['Plan og bygg / Behandle byggesøknad'] },
    ]);
    expect(problems).toEqual([]);
    expect(result.changes).toEqual([{ line: 2, action: 'unchanged', label: 'Byggesøknad' }]);
    expect(plan('services', [byggesoknad], [{ name: 'Byggesøknad' }]).result.changes[0]!.action).toBe('unchanged');
  });

  it('replaces the systems a service uses with those the cell names, and creates a new service with defaults', () => {
    const { result, problems } = plan('services', [byggesoknad], [
      { name: 'Byggesøknad', systemIds: ['Elements Sak og arkiv', 'Arkivplattform'], processIds: null },
      { name: 'Skjenkebevilling', description: null, audience: null, owningUnitId: '1100', systemIds: ['Arkivplattform'] },
    ]);
    expect(problems).toEqual([]);
    expect(result.changes.map((c) => c.action)).toEqual(['update', 'create']);
    expect(result.writes[0]).toMatchObject({ id: 'service-1', isNew: false, links: { systemIds: { add: [ids.arkiv], remove: [] }, processIds: { add: [], remove: [ids.byggesak] } } });
    expect(result.writes[1]).toMatchObject({
      id: 'new-id',
      isNew: true,
      values: { description: '', audience: 'citizens', criticality: 'medium', ownerPersonId: null, owningUnitId: 'unit-1' },
      links: { systemIds: { add: [ids.arkiv], remove: [] } },
    });
  });

  it('reports unknown systems, ambiguous processes, people, units and bad duplicates with their lines', () => {
    const { at, problems } = plan('services', [byggesoknad], [
      { name: 'Ny tjeneste', systemIds: ['elements sak og arkiv', 'Finnes ikke'], ownerPersonId: '9999', owningUnitId: '7777' },
      { name: 'Ny tjeneste', processIds: ['Behandle byggesøknad'] },
      { name: 'Byggesøknad', id: '00000000-0000-4000-8000-000000000000' },
    ]);
    expect(at).toEqual(['2:ownerPersonId', '2:owningUnitId', '2:systemIds', '2:systemIds', '3:name', '3:processIds', '4:id']);
    const message = (line: number, field: string) => problems.filter((p) => p.line === line && p.field === field).map((p) => p.message);
    expect(message(2, 'systemIds')).toEqual(['Fant ikke systemet «elements sak og arkiv». Mente du «Elements Sak og arkiv»?', 'Fant ikke systemet «Finnes ikke»']);
    expect(message(3, 'processIds')[0]).toContain('Flere prosesser heter «Behandle byggesøknad». Skriv hele stien');
    expect(message(4, 'id')[0]).toContain('Fant ikke en tjeneste med denne id-en');
  });
});

describe('planning an information objects import', () => {
  const helse: StoredModelObject = {
    id: ids.helse,
    name: 'Helseopplysninger',
    values: { description: '', personalDataCategory: 'special', sensitivity: 'strictly_confidential', ownerPersonId: null },
    links: { systemIds: [ids.sak] },
  };
  const adresser = (id: string): StoredModelObject => ({ id, name: 'Adresser', values: { description: '', personalDataCategory: 'personal', sensitivity: 'internal', ownerPersonId: null }, links: { systemIds: [] } });

  it('updates the category and the systems that hold it, and keeps choices an empty cell leaves out', () => {
    const { result, problems } = plan('information-objects', [helse], [{ name: 'Helseopplysninger', personalDataCategory: null, sensitivity: 'confidential', systemIds: ['Lønnsmester HRM'] }]);
    expect(problems).toEqual([]);
    expect(result.writes[0]).toMatchObject({
      values: { personalDataCategory: 'special', sensitivity: 'confidential' },
      links: { systemIds: { add: [ids.lonn], remove: [ids.sak] } },
    });
  });

  it('needs the id where two information objects share a name, and takes two rows of that name with their ids', () => {
    const stored = [helse, adresser(ids.adresse), adresser(ids.adresseKopi)];
    const withoutId = plan('information-objects', stored, [{ name: 'Adresser' }]);
    expect(withoutId.problems).toEqual([{ line: 2, field: 'name', message: 'Flere informasjonstyper heter «Adresser». Skriv id-en fra en eksport i id-kolonnen' }]);
    const withIds = plan('information-objects', stored, [
      { name: 'Adresser', id: ids.adresse, sensitivity: 'open' },
      { name: 'Adresser', id: ids.adresseKopi },
    ]);
    expect(withIds.problems).toEqual([]);
    expect(withIds.result.changes.map((c) => c.action)).toEqual(['update', 'unchanged']);
  });

  it('reports a row that names the same object as another, and a repeated id', () => {
    const { at } = plan('information-objects', [helse], [
      { name: 'Helseopplysninger' },
      { name: 'Helse (nytt navn)', id: ids.helse },
      { name: 'Tredje', id: ids.helse },
    ]);
    expect(at).toEqual(['3:id', '4:id']);
  });
});

describe('planning an integrations import', () => {
  const flyt: StoredModelObject = {
    id: 'integration-1',
    name: 'Lønn til arkiv',
    values: { description: '', fromSystemId: ids.lonn, toSystemId: ids.sak, kind: 'file', mode: 'async', frequency: 'Hver natt' },
    links: { informationObjectIds: [ids.person] },
  };

  it('finds the systems and the information that flows by name, or by id where a name repeats', () => {
    const { result, problems } = plan('integrations', [flyt], [
      { name: 'Lønn til arkiv', fromSystemId: 'Lønnsmester HRM', toSystemId: 'Elements Sak og arkiv', kind: 'file', mode: 'async', frequency: 'Hver natt', informationObjectIds: ['Personalopplysninger'] },
      { name: 'Sak til arkiv', fromSystemId: 'Elements Sak og arkiv', toSystemId: 'Arkivplattform', kind: 'message_queue', mode: null, informationObjectIds: [ids.adresse, 'Helseopplysninger'] },
    ]);
    expect(problems).toEqual([]);
    expect(result.changes.map((c) => c.action)).toEqual(['unchanged', 'create']);
    expect(result.writes[0]).toMatchObject({
      values: { fromSystemId: ids.sak, toSystemId: ids.arkiv, kind: 'message_queue', mode: 'sync', frequency: '' },
      links: { informationObjectIds: { add: [ids.adresse, ids.helse], remove: [] } },
    });
  });

  it('needs both systems for a new integration, and reports unknown systems, information and ambiguous names', () => {
    const { at, problems } = plan('integrations', [flyt], [
      { name: 'Uten ender' },
      { name: 'Feil ender', fromSystemId: 'Ukjent', toSystemId: 'Arkivplattform', informationObjectIds: ['Adresser', 'Skattekort'] },
      { name: 'Tom ende', fromSystemId: null, toSystemId: 'Arkivplattform' },
    ]);
    expect(at).toEqual(['2:fromSystemId', '2:toSystemId', '3:fromSystemId', '3:informationObjectIds', '3:informationObjectIds']);
    expect(problems[0]!.message).toBe('Må fylles ut for en ny integrasjon');
    expect(problems[3]!.message).toContain('Flere informasjonstyper heter «Adresser»');
    expect(problems[4]!.message).toBe('Fant ikke informasjonstypen «Skattekort»');
  });
});

describe('planning a technology import', () => {
  const azure: StoredModelObject = {
    id: 'tech-1',
    name: 'Azure Norway East',
    values: { description: '', kind: 'cloud_service', provider: 'Microsoft', location: 'Oslo' },
    links: { systemIds: [ids.sak, ids.lonn] },
  };

  it('renames by id, clears free text for an empty cell and keeps the links a missing column leaves out', () => {
    const { result, problems } = plan('technology', [azure], [{ name: 'Azure (Norge øst)', id: 'tech-1', provider: null }]);
    expect(problems).toEqual([]);
    expect(result.writes[0]).toMatchObject({ id: 'tech-1', isNew: false, name: 'Azure (Norge øst)', values: { kind: 'cloud_service', provider: '', location: 'Oslo' }, links: {} });
  });

  it('takes a stored value with spaces around it as the trimmed cell it is exported as', () => {
    const spaced: StoredModelObject = { ...azure, id: 'tech-2', name: 'Azure Norway East', values: { ...azure.values, description: 'Skyen\n' } };
    const { result } = plan('technology', [spaced], [{ name: 'Azure Norway East', id: 'tech-2', description: 'Skyen' }]);
    expect(result.changes[0]!.action).toBe('unchanged');
  });

  it('removes every system for an empty cell, and reports duplicates in the file', () => {
    const { result } = plan('technology', [azure], [{ name: 'Azure Norway East', systemIds: null }]);
    expect(result.writes[0]!.links).toEqual({ systemIds: { add: [], remove: [ids.sak, ids.lonn] } });
    const { at, problems } = plan('technology', [azure], [{ name: 'Server 1' }, { name: 'Server 1', systemIds: ['Ingen slik'] }]);
    expect(at).toEqual(['3:name', '3:systemIds']);
    expect(problems[0]!.message).toBe('«Server 1» står også på linje 2');
  });

  it('only checks when other problems were found already, and plans no writes', () => {
    const problems: FileProblem[] = [];
    const result = planModel(modelFormats.technology, [{ line: 2, name: 'Ny', systemIds: ['Ukjent'] }], state([]), (key) => key, (p) => problems.push(p), { checkOnly: true });
    expect(result).toEqual({ changes: [], writes: [] });
    expect(problems).toHaveLength(1);
  });
});

describe('the names export writes for other objects', () => {
  it('is the name where it finds one object, else the path, else the id; and each reads back as the same object', () => {
    const index = nameIndex([
      { id: 'a', name: 'Behandle', path: 'Plan / Behandle' },
      { id: 'b', name: 'Behandle', path: 'Arkiv / Behandle' },
      { id: 'c', name: 'Adresser; gamle' },
      { id: 'd', name: 'Unik' },
    ]);
    expect(['a', 'b', 'c', 'd'].map((id) => index.label(id))).toEqual(['Plan / Behandle', 'Arkiv / Behandle', 'c', 'Unik']);
    for (const id of ['a', 'b', 'c', 'd']) expect(index.resolve(index.label(id)!)).toEqual({ ok: true, id });
  });
});
