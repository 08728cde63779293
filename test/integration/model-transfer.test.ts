/**
 * Import and export of the rest of the model — services, information objects, integrations and
 * technology — through the catalogue's pipeline: good files stored and audited, files with bad rows
 * refused whole with every problem, and export → import changing nothing, in CSV and XLSX.
 */
import ExcelJS from 'exceljs';
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../server/src/modules/audit/tables.ts';
import { systems } from '../../server/src/modules/catalogue/tables.ts';
import {
  informationObjects,
  integrationInformation,
  integrations,
  serviceProcesses,
  services,
  serviceSystems,
  systemInformation,
  systemTechnology,
  technologyComponents,
} from '../../server/src/modules/map/tables.ts';
import { orgUnits, persons } from '../../server/src/modules/org/tables.ts';
import { processes } from '../../server/src/modules/processes/tables.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

type Kind = 'services' | 'information-objects' | 'integrations' | 'technology';
const kinds: Kind[] = ['services', 'information-objects', 'integrations', 'technology'];

function multipart(fileName: string, content: Buffer | string) {
  const boundary = `grunnmur${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function xlsx(rows: (string | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Ark1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csv = (lines: string[]) => lines.join('\r\n');

describe('import and export of services, information objects, integrations and technology', () => {
  let t: TestApp;
  let tenantId: string;
  let headers: Record<string, string>;
  const ids: Record<string, string> = {};

  /** Rows of every table the four kinds write, and the audit events, in this municipality. */
  const counts = async () => {
    const db = t.database.db;
    const tables = { services, informationObjects, integrations, technologyComponents, serviceSystems, serviceProcesses, systemInformation, integrationInformation, systemTechnology };
    const result: Record<string, number> = {};
    for (const [name, table] of Object.entries(tables)) {
      result[name] = (await db.select({ n: count() }).from(table).where(eq(table.tenantId, tenantId)))[0]!.n;
    }
    result.audit = (await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.tenantId, tenantId)))[0]!.n;
    return result;
  };

  const upload = (kind: Kind, step: 'preview' | 'apply', fileName: string, content: Buffer | string, extra = headers) => {
    const body = multipart(fileName, content);
    return t.inject({ method: 'POST', url: `/api/import/${kind}/${step}`, headers: { ...extra, ...body.headers }, payload: body.payload });
  };

  const importAndWait = async (kind: Kind, fileName: string, content: Buffer | string) => {
    const response = await upload(kind, 'apply', fileName, content);
    expect(response.statusCode, response.body).toBe(202);
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const job = (await t.inject({ method: 'GET', url: `/api/jobs/${response.json().jobId}`, headers })).json();
      if (job.state === 'completed' || job.state === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('job did not finish');
  };

  const problemsOf = (response: { json(): { problems: { line: number; field: string; message: string }[] } }) =>
    response.json().problems.map((p) => `${p.line}:${p.field}`).sort();
  const messageOf = (response: { json(): { problems: { line: number; field: string; message: string }[] } }, line: number, field: string) =>
    response.json().problems.filter((p) => p.line === line && p.field === field).map((p) => p.message);

  const detail = async (kind: Kind, name: string) => {
    const list = await t.inject({ method: 'GET', url: `/api/${kind}?q=${encodeURIComponent(name)}`, headers });
    const item = list.json().items.find((row: { name: string }) => row.name === name);
    expect(item, `${kind} «${name}»`).toBeDefined();
    return item;
  };

  beforeAll(async () => {
    t = await createTestApp({ workJobs: true });
    tenantId = await t.createTenant('modell');
    headers = await t.tokenHeaders(tenantId, 'admin');
    const db = t.database.db;
    const [unit] = await db.insert(orgUnits).values({ tenantId, code: '1100', name: 'Byggesak' }).returning();
    const [person] = await db.insert(persons).values({ tenantId, employeeNumber: '5001', givenName: 'Kari', familyName: 'Nordmann' }).returning();
    ids.unit = unit!.id;
    ids.person = person!.id;
    for (const name of ['Elements Sak og arkiv', 'Arkivplattform', 'Lønnsmester HRM']) {
      const [system] = await db.insert(systems).values({ tenantId, name }).returning();
      ids[name] = system!.id;
    }
    // Two processes of the same name under different parents: a file names them by path.
    const [plan] = await db.insert(processes).values({ tenantId, name: 'Plan og bygg' }).returning();
    const [arkiv] = await db.insert(processes).values({ tenantId, name: 'Arkiv' }).returning();
    const [byggesak] = await db.insert(processes).values({ tenantId, name: 'Behandle byggesøknad', parentId: plan!.id }).returning();
    await db.insert(processes).values({ tenantId, name: 'Behandle byggesøknad', parentId: arkiv!.id });
    ids.byggesak = byggesak!.id;
  }, 120_000);
  afterAll(() => t?.close());

  it('imports information objects, then integrations, services and technology that name them and the systems, each write audited', async () => {
    const before = await counts();
    const info = csv([
      'navn;beskrivelse;personopplysninger;sensitivitet;eier;systemer',
      'Helseopplysninger;Journal;særlige kategorier;strengt fortrolig;5001;"Elements Sak og arkiv; Arkivplattform"',
      'Personalopplysninger;;personopplysninger;fortrolig;;Lønnsmester HRM',
    ]);
    const preview = await upload('information-objects', 'preview', 'informasjon.csv', info);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ kind: 'information-objects', rows: 2, summary: { create: 2, update: 0, unchanged: 0 } });
    expect(await counts()).toEqual(before);
    expect(await importAndWait('information-objects', 'informasjon.csv', info)).toMatchObject({ state: 'completed', result: { summary: { create: 2 } } });

    const flows = await xlsx([
      ['navn', 'fra system', 'til system', 'type', 'synkron/asynkron', 'frekvens', 'informasjonstyper'],
      ['Lønn til arkiv', 'Lønnsmester HRM', 'Arkivplattform', 'fil', 'asynkron', 'Hver natt', 'Personalopplysninger'],
      ['Sak til arkiv', 'Elements Sak og arkiv', 'Arkivplattform', 'meldingskø', 'async', 'Løpende', 'Helseopplysninger\nPersonalopplysninger'],
    ]);
    expect(await importAndWait('integrations', 'integrasjoner.xlsx', flows)).toMatchObject({ state: 'completed', result: { summary: { create: 2 } } });

    const offered = csv([
      'Navn;Målgruppe;Kritikalitet;Tjenesteeier;Eierenhet;Systemer;Prosesser',
      'Byggesøknad;innbyggere og næringsliv;høy;5001;1100;Elements Sak og arkiv;Plan og bygg / Behandle byggesøknad',
    ]);
    expect(await importAndWait('services', 'tjenester.csv', offered)).toMatchObject({ state: 'completed', result: { summary: { create: 1 } } });

    const hosting = await xlsx([
      ['name', 'kind', 'provider', 'location', 'systems'],
      ['Azure Norway East', 'skytjeneste', 'Microsoft', 'Oslo', 'Elements Sak og arkiv; Lønnsmester HRM'],
    ]);
    expect(await importAndWait('technology', 'teknologi.xlsx', hosting)).toMatchObject({ state: 'completed', result: { summary: { create: 1 } } });

    expect(await detail('information-objects', 'Helseopplysninger')).toMatchObject({
      description: 'Journal',
      personalDataCategory: 'special',
      sensitivity: 'strictly_confidential',
      owner: { id: ids.person },
      systems: [{ name: 'Arkivplattform' }, { name: 'Elements Sak og arkiv' }],
    });
    expect(await detail('integrations', 'Sak til arkiv')).toMatchObject({
      fromSystem: { name: 'Elements Sak og arkiv' },
      toSystem: { name: 'Arkivplattform' },
      kind: 'message_queue',
      mode: 'async',
      frequency: 'Løpende',
      informationObjects: [{ name: 'Helseopplysninger' }, { name: 'Personalopplysninger' }],
    });
    expect(await detail('services', 'Byggesøknad')).toMatchObject({
      audience: 'both',
      criticality: 'high',
      owner: { id: ids.person },
      owningUnit: { id: ids.unit },
      systems: [{ name: 'Elements Sak og arkiv' }],
      processIds: [ids.byggesak],
    });
    expect(await detail('technology', 'Azure Norway East')).toMatchObject({ kind: 'cloud_service', provider: 'Microsoft', location: 'Oslo', systems: [{ name: 'Elements Sak og arkiv' }, { name: 'Lønnsmester HRM' }] });

    // Every row written is in the history with who did it, and each import once as a whole.
    const after = await counts();
    expect(after).toMatchObject({ services: 1, informationObjects: 2, integrations: 2, technologyComponents: 1, systemInformation: 3, integrationInformation: 3, systemTechnology: 2 });
    const written = await t.database.db
      .select({ type: auditEvents.entityType, actor: auditEvents.actorName, action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), inArray(auditEvents.entityType, ['services', 'information_objects', 'integrations', 'technology_components', 'integration_information'])));
    expect(written.filter((event) => event.action === 'insert')).toHaveLength(1 + 2 + 2 + 1 + 3);
    expect(new Set(written.map((event) => event.actor))).toEqual(new Set(['API: test-admin']));
    const imports = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.action, 'import')));
    expect(imports.map((event) => event.entityLabel).sort()).toEqual(['informasjon.csv', 'integrasjoner.xlsx', 'teknologi.xlsx', 'tjenester.csv']);
  });

  it('refuses a services file with good and bad rows, reports every problem with line and column, and stores nothing', async () => {
    const before = await counts();
    const file = csv([
      'navn;målgruppe;kritikalitet;tjenesteeier;eierenhet;systemer;prosesser',
      'Barnehageplass;innbyggere;middels;;;Arkivplattform;',
      'Skoleskyss;alle;enorm;9999;7777;"Ukjent system; arkivplattform";Behandle byggesøknad',
      ';innbyggere;;;;;',
      'Barnehageplass;;;;;;',
    ]);
    for (const step of ['preview', 'apply'] as const) {
      const response = await upload('services', step, 'tjenester.csv', file);
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json()).toMatchObject({ code: 'import_rejected', problemCount: 9 });
      expect(problemsOf(response)).toEqual([
        '3:eierenhet', '3:kritikalitet', '3:målgruppe', '3:prosesser', '3:systemer', '3:systemer', '3:tjenesteeier',
        '4:navn',
        '5:navn',
      ]);
      expect(messageOf(response, 3, 'målgruppe')).toEqual(['«alle» er ikke en gyldig verdi. Gyldige verdier: innbyggere, næringsliv, innbyggere og næringsliv, intern']);
      expect(messageOf(response, 3, 'systemer')).toEqual(['Fant ikke systemet «Ukjent system»', 'Fant ikke systemet «arkivplattform». Mente du «Arkivplattform»?']);
      expect(messageOf(response, 3, 'prosesser')[0]).toContain('Flere prosesser heter «Behandle byggesøknad»');
      expect(messageOf(response, 4, 'navn')).toEqual(['Må fylles ut']);
      expect(messageOf(response, 5, 'navn')).toEqual(['«Barnehageplass» står også på linje 2']);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses an information objects XLSX with good and bad rows and stores nothing', async () => {
    const before = await counts();
    const file = await xlsx([
      ['navn', 'personopplysninger', 'sensitivitet', 'systemer', 'id'],
      ['Elevopplysninger', 'personopplysninger', 'fortrolig', 'Elements Sak og arkiv', null],
      ['Skattekort', 'kanskje', 'topphemmelig', null, null],
      ['Helseopplysninger', null, null, null, 'ikke-en-id'],
      ['Elevopplysninger', null, null, 'Elements Sak og arkiv; Elements Sak og arkiv', null],
    ]);
    const response = await upload('information-objects', 'apply', 'informasjon.xlsx', file);
    expect(response.statusCode, response.body).toBe(422);
    expect(problemsOf(response)).toEqual(['3:personopplysninger', '3:sensitivitet', '4:id', '5:navn', '5:systemer']);
    expect(messageOf(response, 3, 'personopplysninger')[0]).toContain('Gyldige verdier: ingen, personopplysninger, særlige kategorier, straffedommer og lovovertredelser');
    expect(messageOf(response, 5, 'systemer')).toEqual(['«Elements Sak og arkiv» står to ganger']);
    expect(await counts()).toEqual(before);
  });

  it('refuses an integrations file with unknown systems, kinds and information, and stores nothing', async () => {
    const before = await counts();
    const file = csv([
      'navn;fra system;til system;type;synkron/asynkron;informasjonstyper',
      'Ny flyt;Elements Sak og arkiv;Lønnsmester HRM;API;synkron;Helseopplysninger',
      'Feil flyt;Finnes ikke;;e-post;kanskje;Skattekort',
      'Uten ender;;;;;',
    ]);
    const response = await upload('integrations', 'preview', 'integrasjoner.csv', file);
    expect(response.statusCode, response.body).toBe(422);
    expect(problemsOf(response)).toEqual(['3:fra system', '3:informasjonstyper', '3:synkron/asynkron', '3:til system', '3:type', '4:fra system', '4:til system']);
    expect(messageOf(response, 3, 'type')[0]).toBe('«e-post» er ikke en gyldig verdi. Gyldige verdier: API, fil, meldingskø, skjermrobot (RPA), manuell');
    expect(messageOf(response, 3, 'fra system')).toEqual(['Fant ikke systemet «Finnes ikke»']);
    expect(messageOf(response, 3, 'til system')).toEqual(['Må fylles ut']);
    expect(messageOf(response, 3, 'informasjonstyper')).toEqual(['Fant ikke informasjonstypen «Skattekort»']);
    expect(await counts()).toEqual(before);
  });

  it('refuses a technology file with a bad kind, an unknown id and a repeated name, and stores nothing', async () => {
    const before = await counts();
    const file = csv([
      'navn;type;systemer;id',
      'Server A;server;Arkivplattform;',
      'Server B;stormaskin;Arkivplattform;',
      'Azure Norway East;;;00000000-0000-4000-8000-000000000000',
      'Server A;database;;',
    ]);
    const response = await upload('technology', 'apply', 'teknologi.csv', file);
    expect(response.statusCode, response.body).toBe(422);
    expect(problemsOf(response)).toEqual(['3:type', '4:id', '5:navn']);
    expect(messageOf(response, 4, 'id')[0]).toContain('Fant ikke en teknologikomponent med denne id-en her');
    expect(await counts()).toEqual(before);
  });

  it('exports names that find one object each: paths for processes, ids where two information objects share a name', async () => {
    // Two information objects of the same name, both flowing through one integration.
    for (const key of ['adresser', 'adresser2']) {
      const created = await t.inject({ method: 'POST', url: '/api/information-objects', headers, payload: { name: 'Adresser' } });
      expect(created.statusCode).toBe(201);
      ids[key] = created.json().id;
    }
    const flow = await detail('integrations', 'Lønn til arkiv');
    const changed = await t.inject({
      method: 'PUT',
      url: `/api/integrations/${flow.id}`,
      headers,
      payload: { ...flow, informationObjectIds: [ids.adresser, ids.adresser2, ...flow.informationObjectIds] },
    });
    expect(changed.statusCode, changed.body).toBe(200);

    const exported = await t.inject({ method: 'GET', url: '/api/export/integrations?format=csv', headers });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(/attachment; filename="integrasjoner-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = exported.body.split('\r\n');
    expect(lines[0]).toBe('\uFEFFnavn;beskrivelse;fra system;til system;type;synkron/asynkron;frekvens;informasjonstyper;id');
    const lonn = lines.find((line) => line.startsWith('Lønn til arkiv;'))!;
    expect(lonn).toContain(';Lønnsmester HRM;Arkivplattform;fil;asynkron;Hver natt;"');
    for (const id of [ids.adresser, ids.adresser2]) expect(lonn).toContain(id!);
    expect(lonn).toContain('Personalopplysninger');

    const services = await t.inject({ method: 'GET', url: '/api/export/services?format=csv', headers });
    expect(services.body).toContain('Byggesøknad;;innbyggere og næringsliv;høy;5001;1100;Elements Sak og arkiv;Plan og bygg / Behandle byggesøknad;');
  });

  for (const kind of kinds) {
    for (const format of ['csv', 'xlsx'] as const) {
      it(`exports ${kind} as ${format}, and importing the export changes nothing`, async () => {
        const exported = await t.inject({ method: 'GET', url: `/api/export/${kind}?format=${format}`, headers });
        expect(exported.statusCode).toBe(200);
        const preview = await upload(kind, 'preview', `eksport.${format}`, exported.rawPayload);
        expect(preview.statusCode, preview.body).toBe(200);
        const { summary, rows } = preview.json();
        expect(rows).toBeGreaterThan(0);
        expect(summary).toEqual({ create: 0, update: 0, unchanged: rows });

        // Applied, it writes no row: only the import itself is recorded.
        const before = await counts();
        expect(await importAndWait(kind, `eksport.${format}`, exported.rawPayload)).toMatchObject({ state: 'completed', result: { summary: { unchanged: rows } } });
        expect(await counts()).toEqual({ ...before, audit: before.audit! + 1 });
      });
    }
  }

  it('renames by the id column and changes links, as a second import of an edited export', async () => {
    const exported = await t.inject({ method: 'GET', url: '/api/export/technology?format=csv', headers });
    const edited = exported.body
      .replace('Azure Norway East;', 'Azure Norge øst;')
      .replace('"Elements Sak og arkiv; Lønnsmester HRM"', 'Arkivplattform');
    const preview = await upload('technology', 'preview', 'teknologi.csv', edited);
    expect(preview.json(), preview.body).toMatchObject({ summary: { create: 0, update: 1, unchanged: 0 }, changes: [{ line: 2, action: 'update', label: 'Azure Norge øst' }] });
    expect(await importAndWait('technology', 'teknologi.csv', edited)).toMatchObject({ state: 'completed' });
    expect(await detail('technology', 'Azure Norge øst')).toMatchObject({ version: 2, systems: [{ name: 'Arkivplattform' }] });
  });

  it('serves a template with the columns, lets readers export, and only importers import', async () => {
    const template = await t.inject({ method: 'GET', url: '/api/import/integrations/template?format=csv', headers });
    expect(template.body).toBe('\uFEFFnavn;beskrivelse;fra system;til system;type;synkron/asynkron;frekvens;informasjonstyper\r\n');
    const employee = await t.tokenHeaders(tenantId, 'employee');
    expect((await t.inject({ method: 'GET', url: '/api/export/services?format=xlsx', headers: employee })).statusCode).toBe(200);
    expect((await upload('services', 'preview', 'tjenester.csv', 'navn\nNy\n', employee)).statusCode).toBe(403);
  });
});
