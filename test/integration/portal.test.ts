import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { simpleBpmn } from '../../server/src/modules/portal/fixtures/simple-bpmn.ts';
import { businessRoles, businessRoleSystemRoles, systemRoles } from '../../server/src/modules/access/tables.ts';
import { systems } from '../../server/src/modules/catalogue/tables.ts';
import { processElementLinks } from '../../server/src/modules/processes/tables.ts';
import { bundleLimits } from '../../server/src/modules/portal/rules/bundle-plan.ts';
import { auditEvents } from '../../server/src/modules/audit/tables.ts';
import { docx, multipart, publish, zipOf } from './portal-fixtures.ts';

const byggesak = simpleBpmn('Behandle byggesøknad', [
  { id: 'Lane_1', name: 'Saksbehandler byggesak', tasks: [{ id: 'Task_1', name: 'Motta byggesøknad' }, { id: 'Task_2', name: 'Fatte vedtak' }] },
  { id: 'Lane_2', name: 'Arkiv', tasks: [{ id: 'Task_3', name: 'Journalføre vedtak' }] },
]);

describe('process portal', () => {
  let t: TestApp;
  let tenantId: string;
  let headers: Record<string, string>;
  let report: { lines: { path: string; outcome: string; reason?: string; processId?: string; documentId?: string; linkedTo?: string[] }[]; counts: { imported: number; refused: number } };
  let processId: string;

  beforeAll(async () => {
    t = await createTestApp();
    tenantId = await t.createTenant('demo');
    headers = await t.tokenHeaders(tenantId, 'admin');
    const zip = await zipOf({
      'Byggesak/Behandle byggesøknad.bpmn': byggesak,
      'Byggesak/Behandle byggesøknad/Rutine for mottak av byggesøknad.docx': await docx(['Rutine for mottak av byggesøknader', 'Søknaden journalføres samme dag.']),
      'Byggesak/Gebyrregulativ.csv': 'tiltak;gebyr\nenebolig;25000\n',
      'Byggesak/Ødelagt.bpmn': '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
      'Byggesak/program.exe': 'MZ',
      '../../etc/passwd': 'root:x:0:0',
    });
    const body = multipart('byggesak.zip', zip);
    const response = await t.inject({ method: 'POST', url: '/api/portal/bundle-imports', headers: { ...headers, ...body.headers }, payload: body.payload });
    expect(response.statusCode).toBe(201);
    report = response.json();
    processId = report.lines.find((line) => line.path === 'Byggesak/Behandle byggesøknad.bpmn')!.processId!;
  });
  afterAll(() => t.close());

  describe('bulk import of a zip', () => {
    it('reports each file as imported or refused with a reason', () => {
      const outcome = Object.fromEntries(report.lines.map((line) => [line.path, line.outcome]));
      expect(outcome).toEqual({
        'Byggesak/Behandle byggesøknad.bpmn': 'imported',
        'Byggesak/Behandle byggesøknad/Rutine for mottak av byggesøknad.docx': 'imported',
        'Byggesak/Gebyrregulativ.csv': 'imported',
        'Byggesak/Ødelagt.bpmn': 'refused',
        'Byggesak/program.exe': 'refused',
        '../../etc/passwd': 'refused',
      });
      expect(report.counts).toEqual({ imported: 3, refused: 3 });
      expect(report.lines.find((l) => l.path === 'Byggesak/Ødelagt.bpmn')!.reason).toMatch(/DOCTYPE|ENTITY|entitet/i);
      expect(report.lines.find((l) => l.path === '../../etc/passwd')!.reason).toContain('ut av mappen');
    });

    it('links documents to processes by the folder convention', () => {
      const rutine = report.lines.find((l) => l.path.endsWith('Rutine for mottak av byggesøknad.docx'))!;
      expect(rutine.linkedTo).toEqual([processId]);
      expect(report.lines.find((l) => l.path === 'Byggesak/Gebyrregulativ.csv')!.linkedTo).toEqual([processId]);
    });

    it('stores the same name again as a new version, and the same bytes as unchanged', async () => {
      const again = async (content: string) => {
        const body = multipart('igjen.zip', await zipOf({ 'Byggesak/Gebyrregulativ.csv': content }));
        return (await t.inject({ method: 'POST', url: '/api/portal/bundle-imports', headers: { ...headers, ...body.headers }, payload: body.payload })).json();
      };
      expect((await again('tiltak;gebyr\nenebolig;25000\n')).lines[0]).toMatchObject({ outcome: 'unchanged', version: 1 });
      expect((await again('tiltak;gebyr\nenebolig;27000\n')).lines[0]).toMatchObject({ outcome: 'new_version', version: 2 });
      const documentId = report.lines.find((l) => l.path === 'Byggesak/Gebyrregulativ.csv')!.documentId!;
      const detail = (await t.inject({ method: 'GET', url: `/api/documents/${documentId}`, headers })).json();
      expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      const oldFile = await t.inject({ method: 'GET', url: `/api/documents/${documentId}/file?version=1`, headers });
      expect(oldFile.body).toContain('25000');
      const newFile = await t.inject({ method: 'GET', url: `/api/documents/${documentId}/file`, headers });
      expect(newFile.body).toContain('27000');
      expect(newFile.headers['content-disposition']).toContain('Gebyrregulativ.csv');
    });

    it('takes a BPMN file of a process already there as that process: the same diagram is unchanged, a changed one waits for its open draft', async () => {
      const again = async (xml: string) => {
        const body = multipart('igjen.zip', await zipOf({ 'Byggesak/Behandle byggesøknad.bpmn': xml }));
        return (await t.inject({ method: 'POST', url: '/api/portal/bundle-imports', headers: { ...headers, ...body.headers }, payload: body.payload })).json();
      };
      expect((await again(byggesak)).lines[0]).toMatchObject({ outcome: 'unchanged', processId, version: 1 });
      const changed = await again(byggesak.replace('Fatte vedtak', 'Fatte vedtak i saken'));
      expect(changed.lines[0]).toMatchObject({ outcome: 'refused' });
      expect(changed.lines[0].reason).toContain('versjon under arbeid');
      const list = (await t.inject({ method: 'GET', url: '/api/processes', headers })).json();
      expect(list.items.filter((p: { name: string }) => p.name.startsWith('Behandle byggesøknad'))).toHaveLength(1);
    });

    it('refuses a zip with more entries than the limit and stores nothing', async () => {
      const files: Record<string, string> = {};
      for (let i = 0; i <= bundleLimits.maxEntries; i++) files[`mange/notat-${i}.txt`] = `notat ${i}`;
      const body = multipart('for-mange.zip', await zipOf(files));
      const response = await t.inject({ method: 'POST', url: '/api/portal/bundle-imports', headers: { ...headers, ...body.headers }, payload: body.payload });
      expect(response.statusCode).toBe(422);
      expect(response.json().detail).toContain('grensen');
      const list = (await t.inject({ method: 'GET', url: '/api/documents?q=notat-', headers })).json();
      expect(list.total).toBe(0);
    });

    it('refuses a file that is not a zip with a clear message', async () => {
      const body = multipart('ikke.zip', 'dette er tekst');
      const response = await t.inject({ method: 'POST', url: '/api/portal/bundle-imports', headers: { ...headers, ...body.headers }, payload: body.payload });
      expect(response.statusCode).toBe(422);
      expect(response.json().detail).toBe('Filen er ikke en gyldig zip-fil.');
    });

    it('audits the documents it stores', async () => {
      const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityType, 'document_versions'));
      expect(events.length).toBeGreaterThanOrEqual(3);
    });
  });

  describe('process page, automation and role gaps', () => {
    let roleId: string;
    let otherRoleId: string;
    let neededRoleId: string;
    let unusedRoleId: string;

    beforeAll(async () => {
      const db = t.database.db;
      const [system] = await db.insert(systems).values({ tenantId, name: 'Byggesaksystemet' }).returning();
      const [needed, unused, archive] = await db
        .insert(systemRoles)
        .values([
          { tenantId, systemId: system!.id, name: 'Saksbehandler' },
          { tenantId, systemId: system!.id, name: 'Administrator' },
          { tenantId, systemId: system!.id, name: 'Arkivar' },
        ])
        .returning();
      neededRoleId = needed!.id;
      unusedRoleId = unused!.id;
      const [role, other] = await db
        .insert(businessRoles)
        .values([
          { tenantId, name: 'Byggesaksbehandler' },
          { tenantId, name: 'Arkivmedarbeider' },
        ])
        .returning();
      roleId = role!.id;
      otherRoleId = other!.id;
      await db.insert(businessRoleSystemRoles).values([
        { tenantId, businessRoleId: roleId, systemRoleId: unusedRoleId },
        { tenantId, businessRoleId: otherRoleId, systemRoleId: archive!.id },
      ]);
      const versionId = await publish(t, processId);
      await db.insert(processElementLinks).values([
        { tenantId, versionId, elementId: 'Lane_1', kind: 'lane_business_role', targetId: roleId },
        { tenantId, versionId, elementId: 'Lane_2', kind: 'lane_business_role', targetId: otherRoleId },
        { tenantId, versionId, elementId: 'Task_2', kind: 'task_system', targetId: system!.id, systemRoleId: neededRoleId },
        { tenantId, versionId, elementId: 'Task_3', kind: 'task_system', targetId: system!.id, systemRoleId: archive!.id },
        { tenantId, versionId, elementId: 'Task_1', kind: 'task_manual' },
      ]);
    });

    it('shows the steps in order with their role and system, the systems and the documents', async () => {
      const response = await t.inject({ method: 'GET', url: `/api/portal/processes/${processId}`, headers });
      expect(response.statusCode).toBe(200);
      const page = response.json();
      expect(page.steps.map((s: { name: string; businessRole: { name: string } | null; system: { name: string } | null; manual: boolean }) => [s.name, s.businessRole?.name, s.system?.name ?? null, s.manual])).toEqual([
        ['Motta byggesøknad', 'Byggesaksbehandler', null, true],
        ['Fatte vedtak', 'Byggesaksbehandler', 'Byggesaksystemet', false],
        ['Journalføre vedtak', 'Arkivmedarbeider', 'Byggesaksystemet', false],
      ]);
      expect(page.systems).toMatchObject([{ name: 'Byggesaksystemet', requestableBusinessRoles: [{ name: 'Arkivmedarbeider' }] }]);
      expect(page.documents.map((d: { name: string }) => d.name).sort()).toEqual(['Gebyrregulativ.csv', 'Rutine for mottak av byggesøknad.docx']);
    });

    it('shows only published versions to employees', async () => {
      const body = multipart('utkast.zip', await zipOf({ 'Utkast.bpmn': simpleBpmn('Utkast til prosess', [{ id: 'Lane_1', name: 'A', tasks: [{ id: 'Task_1', name: 'Gjøre noe' }] }]) }));
      const draft = (await t.inject({ method: 'POST', url: '/api/portal/bundle-imports', headers: { ...headers, ...body.headers }, payload: body.payload })).json();
      const draftId = draft.lines[0].processId;
      expect((await t.inject({ method: 'GET', url: `/api/portal/processes/${draftId}`, headers })).statusCode).toBe(404);
      const list = (await t.inject({ method: 'GET', url: '/api/portal/processes', headers })).json();
      expect(list.items.map((p: { name: string }) => p.name)).toEqual(['Behandle byggesøknad']);
    });

    it('ranks processes by hours a year the automation would free', async () => {
      const other = (await t.inject({ method: 'GET', url: '/api/portal/processes?limit=1', headers })).json().items[0];
      expect(other.id).toBe(processId);
      const body = multipart('p.zip', await zipOf({ 'Faktura.bpmn': simpleBpmn('Attestere faktura', [{ id: 'Lane_1', name: 'Økonomi', tasks: [{ id: 'Task_1', name: 'Kontrollere faktura' }] }]) }));
      const faktura = (await t.inject({ method: 'POST', url: '/api/portal/bundle-imports', headers: { ...headers, ...body.headers }, payload: body.payload })).json().lines[0].processId;
      const put = (id: string, payload: object) => t.inject({ method: 'PUT', url: `/api/portal/processes/${id}/automation`, headers, payload });
      expect((await put(processId, { occurrencesPerYear: 400, minutesEach: 30, automationDegree: 20, assessment: 'Mye skjønn.' })).statusCode).toBe(204);
      expect((await put(faktura, { occurrencesPerYear: 12000, minutesEach: 5, automationDegree: 90, assessment: 'Regelstyrt.' })).statusCode).toBe(204);
      expect((await put(faktura, { occurrencesPerYear: 1, minutesEach: 5, automationDegree: 101 })).statusCode).toBe(400);
      const ranking = (await t.inject({ method: 'GET', url: '/api/portal/automation', headers })).json();
      expect(ranking.items.map((r: { name: string; hoursPerYear: number }) => [r.name, r.hoursPerYear])).toEqual([
        ['Attestere faktura', 900],
        ['Behandle byggesøknad', 40],
      ]);
      expect(ranking.totalHoursPerYear).toBe(940);
    });

    it('finds system roles a business role lacks for its process steps, and grants no step uses', async () => {
      const response = await t.inject({ method: 'GET', url: `/api/portal/role-gaps/${roleId}`, headers });
      expect(response.statusCode).toBe(200);
      const gap = response.json();
      expect(gap.missing).toEqual([
        { systemRole: { id: neededRoleId, name: 'Saksbehandler', systemId: expect.any(String), systemName: 'Byggesaksystemet' }, processes: [{ id: processId, name: 'Behandle byggesøknad' }], steps: ['Fatte vedtak'] },
      ]);
      expect(gap.unused.map((u: { id: string }) => u.id)).toEqual([unusedRoleId]);
      const overview = (await t.inject({ method: 'GET', url: '/api/portal/role-gaps', headers })).json();
      const archive = overview.items.find((item: { businessRole: { id: string } }) => item.businessRole.id === otherRoleId);
      expect(archive).toMatchObject({ missing: [], unused: [] });
    });

    it('keeps role gaps from employees', async () => {
      const employee = await t.tokenHeaders(tenantId, 'employee');
      expect((await t.inject({ method: 'GET', url: '/api/portal/role-gaps', headers: employee })).statusCode).toBe(403);
      expect((await t.inject({ method: 'GET', url: `/api/portal/processes/${processId}`, headers: employee })).statusCode).toBe(200);
    });
  });
});
