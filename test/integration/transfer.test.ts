import ExcelJS from 'exceljs';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../server/src/modules/audit/tables.ts';
import { licencePools, systems } from '../../server/src/modules/catalogue/tables.ts';
import { employments, orgUnits, persons } from '../../server/src/modules/org/tables.ts';
import { importFiles } from '../../server/src/modules/transfer/tables.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

function multipart(fileName: string, content: Buffer | string) {
  const boundary = `grunnmur${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Ark1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const orgHeader = ['enhetskode', 'enhet', 'overordnet enhetskode', 'enhetsleder', 'ansattnummer', 'fornavn', 'etternavn', 'e-post', 'stilling', 'leder', 'startdato', 'sluttdato', 'type'];
const goodOrgCsv = [
  orgHeader.join(';'),
  '1000;Testkommune;;;;;;;;;;;',
  '1100;Oppvekst;1000;5001;5001;Kari;Nordmann;kari@test.no;Kommunalsjef;;2020-01-01;;ansatt',
  '1110;Bryne skole;1100;5002;5002;Ola;Hansen;;Rektor;5001;01.08.2021;;ansatt',
  '1110;Bryne skole;1100;5002;5003;Åse;Ødegård;aase@test.no;Lærer;5002;2022-08-01;2026-06-30;konsulent',
].join('\r\n');

describe('import and export of the organisation and the catalogue', () => {
  let t: TestApp;
  let tenantId: string;
  let headers: Record<string, string>;

  const counts = async () => {
    const one = async (table: typeof persons | typeof orgUnits | typeof employments | typeof systems | typeof licencePools) =>
      (await t.database.db.select({ n: count() }).from(table).where(eq(table.tenantId, tenantId)))[0]!.n;
    const audit = (await t.database.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.tenantId, tenantId)))[0]!.n;
    return { persons: await one(persons), units: await one(orgUnits), employments: await one(employments), systems: await one(systems), licences: await one(licencePools), audit };
  };

  const upload = (kind: 'systems' | 'org', step: 'preview' | 'apply', fileName: string, content: Buffer | string, extra = headers) => {
    const body = multipart(fileName, content);
    return t.inject({ method: 'POST', url: `/api/import/${kind}/${step}`, headers: { ...extra, ...body.headers }, payload: body.payload });
  };

  const waitForJob = async (jobId: string) => {
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const response = await t.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers });
      const job = response.json();
      if (job.state === 'completed' || job.state === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('job did not finish');
  };

  const importAndWait = async (kind: 'systems' | 'org', fileName: string, content: Buffer | string) => {
    const response = await upload(kind, 'apply', fileName, content);
    expect(response.statusCode, response.body).toBe(202);
    return waitForJob(response.json().jobId);
  };

  beforeAll(async () => {
    t = await createTestApp({ workJobs: true });
    tenantId = await t.createTenant('demo');
    headers = await t.tokenHeaders(tenantId, 'admin');
  });
  afterAll(() => t.close());

  it('previews a good org file, then applies it as a job that stores every row with audit events', async () => {
    const before = await counts();
    const preview = await upload('org', 'preview', 'org.csv', goodOrgCsv);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ kind: 'org', rows: 4, summary: { create: 4, update: 0, unchanged: 0 } });
    expect(preview.json().changes[2]).toEqual({ line: 4, action: 'create', label: 'Ola Hansen (5002)' });
    expect(preview.json().notice).toContain('sletter aldri');
    expect(await counts()).toEqual(before);

    const job = await importAndWait('org', 'org.csv', goodOrgCsv);
    expect(job).toMatchObject({ state: 'completed', kind: 'transfer-import', result: { summary: { create: 4 } }, error: null });
    const after = await counts();
    expect(after).toMatchObject({ persons: 3, units: 3, employments: 3 });
    expect(after.audit).toBeGreaterThanOrEqual(before.audit + 9);

    const [ola] = await t.database.db.select().from(persons).where(eq(persons.employeeNumber, '5002'));
    const history = await t.inject({ method: 'GET', url: `/api/history/persons/${ola!.id}`, headers });
    expect(history.statusCode).toBe(200);
    expect(JSON.stringify(history.json())).toContain('API: test-admin');
    const importEvents = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'import'));
    expect(importEvents.map((event) => event.entityLabel)).toContain('org.csv');
    // The uploaded file is gone once imported.
    expect(await t.database.db.select().from(importFiles)).toHaveLength(0);
  });

  it('refuses a systems CSV with good and bad rows, reports every problem with line and column, and stores nothing', async () => {
    const before = await counts();
    const csv = [
      'navn;beskrivelse;livsløpsfase;kritikalitet;systemeier;forvalter;eierenhet;leverandør;drift;årlig kostnad;databehandleravtale;lisenser',
      'Public 360;Sak og arkiv;drift;høy;5001;5002;1100;Tieto;SaaS;450 000;signert;Bruker:100:450; Admin:5:0',
      'Visma Flyt Skole;;pilot;middels;5001;;1110;Visma;lokalt;mye;signert;',
      'Public 360;Duplikat;drift;lav;9999;;7777;;;;kanskje;Bruker:ti:4',
    ].join('\n');
    const response = await upload('systems', 'preview', 'systemer.csv', csv);
    expect(response.statusCode, response.body).toBe(422);
    const problem = response.json();
    expect(problem).toMatchObject({ code: 'import_rejected', status: 422, problemCount: 8 });
    const found = problem.problems.map((p: { line: number; field: string }) => `${p.line}:${p.field}`).sort();
    expect(found).toEqual([
      // Line 2 is good but for an unquoted `;` inside the licence cell.
      '2:kolonne 13',
      '3:livsløpsfase', '3:årlig kostnad',
      '4:databehandleravtale', '4:eierenhet', '4:lisenser', '4:navn', '4:systemeier',
    ]);
    const message = (field: string) => problem.problems.find((p: { field: string }) => p.field === field).message;
    expect(message('livsløpsfase')).toBe('«pilot» er ikke en gyldig verdi. Gyldige verdier: idé, krav, innføring, drift, utfasing, avviklet');
    expect(message('navn')).toBe('«Public 360» står også på linje 2');
    expect(message('systemeier')).toBe('Fant ingen person med ansattnummer «9999»');

    const apply = await upload('systems', 'apply', 'systemer.csv', csv);
    expect(apply.statusCode).toBe(422);
    expect(await counts()).toEqual(before);
  });

  it('refuses an org XLSX with good and bad rows, reports every problem with line and column, and stores nothing', async () => {
    const before = await counts();
    const file = await xlsx([
      orgHeader,
      ['2000', 'Helse', '2100', null, '6001', 'Per', 'Pettersen', null, 'Sykepleier', null, '2023-01-01', null, 'ansatt'],
      ['2100', 'Sykehjem', '2000', null, '6002', 'Lise', 'Lund', 'ikke-en-adresse', null, '6999', '31.02.2023', null, 'ansatt'],
      ['2100', 'Sykehjem', '2000', null, '6001', null, 'Dobbel', null, null, null, '2023-01-01', null, 'frivillig'],
      ['1100', 'Oppvekst', '1000', '5001', '6003', 'God', 'Rad', null, null, '5001', '2023-01-01', null, null],
    ]);
    const response = await upload('org', 'apply', 'org.xlsx', file);
    expect(response.statusCode, response.body).toBe(422);
    const problem = response.json();
    expect(problem.code).toBe('import_rejected');
    const found = problem.problems.map((p: { line: number; field: string }) => `${p.line}:${p.field}`).sort();
    expect(found).toEqual(['2:overordnet enhetskode', '3:e-post', '3:leder', '3:overordnet enhetskode', '3:startdato', '4:ansattnummer', '4:fornavn', '4:type'].sort());
    expect(problem.problems.find((p: { field: string }) => p.field === 'type').message).toContain('ansatt, gjest, konsulent');

    const references = await upload('org', 'preview', 'org.xlsx', await xlsx([
      orgHeader,
      ['2000', 'Helse', '2100', null, '6001', 'Per', 'Pettersen', null, 'Sykepleier', null, '2023-01-01', null, 'ansatt'],
      ['2100', 'Sykehjem', '2000', null, '6002', 'Lise', 'Lund', null, null, '6999', '2023-02-28', null, 'ansatt'],
      ['2100', 'Sykehjem', '2000', null, '6001', 'Per', 'Dobbel', null, null, null, '2023-01-01', null, 'gjest'],
      ['2200', 'Hjemmetjeneste', '2999', null, null, null, null, null, null, null, null, null, null],
    ]));
    expect(references.statusCode, references.body).toBe(422);
    const second = references.json().problems.map((p: { line: number; field: string }) => `${p.line}:${p.field}`);
    expect(second).toEqual(expect.arrayContaining(['2:overordnet enhetskode', '3:leder', '4:ansattnummer', '5:overordnet enhetskode']));
    expect(references.json().problems.some((p: { message: string }) => p.message.includes('under seg selv'))).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('imports a systems file with licences, and a second import updates only what changed', async () => {
    const csv = [
      'Navn;Livsløpsfase;Kritikalitet;Systemeier;Eierenhet;Årlig kostnad;Databehandleravtale;Lisenser',
      'Public 360;drift;høy;5001;1100;450 000,50;signert;"Bruker:100:450; Admin:5:0"',
      'Visma Flyt Skole;innføring;middels;5002;1110;;under arbeid;',
    ].join('\n');
    const job = await importAndWait('systems', 'systemer.csv', csv);
    expect(job).toMatchObject({ state: 'completed', result: { summary: { create: 2 } } });
    const list = await t.inject({ method: 'GET', url: '/api/systems?search=Public', headers });
    const detail = await t.inject({ method: 'GET', url: `/api/systems/${list.json().items[0].id}`, headers });
    expect(detail.json()).toMatchObject({ annualCost: 450000.5, criticality: 'high', dpaStatus: 'signed', licenceCost: 45000, owningUnit: { name: 'Oppvekst' } });

    const changed = csv.replace('innføring;middels', 'drift;middels');
    const preview = await upload('systems', 'preview', 'systemer.csv', changed);
    expect(preview.json().summary).toEqual({ create: 0, update: 1, unchanged: 1 });
  });

  for (const kind of ['org', 'systems'] as const) {
    for (const format of ['csv', 'xlsx'] as const) {
      it(`exports ${kind} as ${format}, and importing the export changes nothing`, async () => {
        const exported = await t.inject({ method: 'GET', url: `/api/export/${kind}?format=${format}`, headers });
        expect(exported.statusCode).toBe(200);
        expect(exported.headers['content-disposition']).toMatch(new RegExp(`attachment; filename=".+\\.${format}"`));
        const preview = await upload(kind, 'preview', `eksport.${format}`, exported.rawPayload);
        expect(preview.statusCode, preview.body).toBe(200);
        const { summary, rows } = preview.json();
        expect(rows).toBeGreaterThan(1);
        expect(summary).toEqual({ create: 0, update: 0, unchanged: rows });
      });
    }
  }

  it('exports CSV the way Norwegian Excel opens it: BOM, semicolons, Norwegian headers and words', async () => {
    const exported = await t.inject({ method: 'GET', url: '/api/export/systems?format=csv', headers });
    const text = exported.body;
    expect(text.startsWith('\uFEFFnavn;beskrivelse;livsløpsfase;kritikalitet')).toBe(true);
    expect(text).toContain('Public 360;;drift;høy;5001;;1100;;;450000,5;signert;"Admin:5:0; Bruker:100:450";');
  });

  it('says plainly that a file which is not a spreadsheet cannot be read', async () => {
    const response = await upload('org', 'preview', 'org.xlsx', Buffer.from('%PDF-1.7 not a workbook'));
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toContain('kunne ikke leses som en Excel-arbeidsbok');
    const wrongType = await upload('org', 'preview', 'org.pdf', Buffer.from('%PDF-1.7'));
    expect(wrongType.json().detail).toContain('Bruk CSV eller XLSX');
  });

  it('serves an empty template with the headers', async () => {
    const template = await t.inject({ method: 'GET', url: '/api/import/org/template?format=csv', headers });
    expect(template.statusCode).toBe(200);
    expect(template.body).toBe(`\uFEFF${orgHeader.join(';')}\r\n`);
  });

  it('needs import:run to import and keeps jobs to their own municipality', async () => {
    const employee = await t.tokenHeaders(tenantId, 'employee');
    const refused = await upload('org', 'preview', 'org.csv', goodOrgCsv, employee);
    expect(refused.statusCode).toBe(403);

    const response = await upload('org', 'apply', 'org.csv', goodOrgCsv);
    const { jobId } = response.json();
    await waitForJob(jobId);
    const otherTenant = await t.createTenant('nabo');
    const other = await t.tokenHeaders(otherTenant, 'admin');
    const peek = await t.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: other });
    expect(peek.statusCode).toBe(404);
  });
});
