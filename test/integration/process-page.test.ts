import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../server/src/modules/audit/tables.ts';
import { persons } from '../../server/src/modules/org/tables.ts';
import { inTenant, systemActor } from '../../server/src/platform/database/tenant-scope.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { docx, multipart } from './portal-fixtures.ts';

/** What the process page edits: purpose, owner and place; services and documents; document versions. */
describe('the process page: about the process, its services and documents, and document versions', () => {
  let t: TestApp;
  let tenantId: string;
  let modeller: Record<string, string>;
  let architect: Record<string, string>;
  let employee: Record<string, string>;
  let areaId: string;
  let processId: string;

  const create = async (name: string, parentId: string | null, level: string) => {
    const response = await t.inject({ method: 'POST', url: '/api/processes', headers: modeller, payload: { name, parentId, level } });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  const put = (id: string, payload: object) => t.inject({ method: 'PUT', url: `/api/processes/${id}`, headers: modeller, payload });

  beforeAll(async () => {
    t = await createTestApp();
    tenantId = await t.createTenant('demo');
    modeller = await t.sessionHeaders('demo', 'process_owner');
    architect = await t.sessionHeaders('demo', 'architect');
    employee = await t.sessionHeaders('demo', 'employee');
    areaId = await create('Helse og omsorg', null, 'area');
    processId = await create('Tildele trygghetsalarm', areaId, 'process');
  });
  afterAll(() => t.close());

  it('changes purpose and owner, shows them on the process, and audits the change', async () => {
    const ownerId = await inTenant(t.database.db, systemActor(tenantId), async (tx) => {
      const [person] = await tx.insert(persons).values({ tenantId, employeeNumber: 'P-100', givenName: 'Kari', familyName: 'Eier' }).returning();
      return person!.id;
    });
    const response = await put(processId, { name: 'Tildele trygghetsalarm', level: 'process', parentId: areaId, purpose: 'Hjemmeboende skal kunne tilkalle hjelp.', ownerPersonId: ownerId });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ purpose: 'Hjemmeboende skal kunne tilkalle hjelp.', owner: { id: ownerId, name: 'Kari Eier' } });
    const events = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'processes'), eq(auditEvents.entityId, processId)));
    expect(events.some((event) => JSON.stringify(event.after).includes('Hjemmeboende skal kunne tilkalle hjelp.'))).toBe(true);
  });

  it('refuses an owner who is not a person of the municipality', async () => {
    const response = await put(processId, { name: 'Tildele trygghetsalarm', level: 'process', parentId: areaId, ownerPersonId: '00000000-0000-4000-8000-000000000000' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('moves a process in the hierarchy but refuses a sub-process at the top, an area under a process, and a cycle', async () => {
    const otherArea = await create('Velferd', null, 'area');
    const sub = await create('Montere alarm', processId, 'subprocess');
    expect((await put(processId, { name: 'Tildele trygghetsalarm', level: 'process', parentId: otherArea })).json().ancestors).toEqual([expect.objectContaining({ id: otherArea })]);
    const top = await put(sub, { name: 'Montere alarm', level: 'subprocess', parentId: null });
    expect(top.statusCode).toBe(400);
    expect(top.json().detail).toBe('En delprosess må ligge under en prosess.');
    expect((await put(otherArea, { name: 'Velferd', level: 'area', parentId: processId })).statusCode).toBe(400);
    const cycle = await put(processId, { name: 'Tildele trygghetsalarm', level: 'process', parentId: sub });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().detail).toContain('egne delprosesser');
  });

  it('links the process to services and lists them on the process; an unknown service is refused', async () => {
    const service = await t.inject({ method: 'POST', url: '/api/services', headers: architect, payload: { name: 'Trygghetsalarm' } });
    expect(service.statusCode, service.body).toBe(201);
    const serviceId = service.json().id;
    const linked = await t.inject({ method: 'PUT', url: `/api/processes/${processId}/services`, headers: modeller, payload: { serviceIds: [serviceId] } });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().services).toEqual([{ id: serviceId, name: 'Trygghetsalarm' }]);
    const fromMap = (await t.inject({ method: 'GET', url: `/api/services/${serviceId}`, headers: employee })).json();
    expect(fromMap.processIds).toEqual([processId]);
    const unknown = await t.inject({ method: 'PUT', url: `/api/processes/${processId}/services`, headers: modeller, payload: { serviceIds: ['00000000-0000-4000-8000-000000000000'] } });
    expect(unknown.statusCode).toBe(400);
    expect((await t.inject({ method: 'PUT', url: `/api/processes/${processId}/services`, headers: employee, payload: { serviceIds: [] } })).statusCode).toBe(403);
    const cleared = await t.inject({ method: 'PUT', url: `/api/processes/${processId}/services`, headers: modeller, payload: { serviceIds: [] } });
    expect(cleared.json().services).toEqual([]);
  });

  describe('a document with versions', () => {
    let documentId: string;

    beforeAll(async () => {
      const body = multipart('Rutine for alarm.docx', await docx(['Rutine for alarm', 'Versjon én.']), { processId, path: 'Tildele trygghetsalarm/Rutine for alarm.docx' });
      const response = await t.inject({ method: 'POST', url: '/api/documents', headers: { ...modeller, ...body.headers }, payload: body.payload });
      expect(response.statusCode, response.body).toBe(201);
      documentId = response.json().documentId;
    });

    it('shows the documents linked to the process on the process', async () => {
      const detail = (await t.inject({ method: 'GET', url: `/api/processes/${processId}`, headers: employee })).json();
      expect(detail.documents).toEqual([{ id: documentId, name: 'Rutine for alarm.docx', path: 'Tildele trygghetsalarm/Rutine for alarm.docx', currentVersion: 1 }]);
    });

    it('takes a new version of the same type, keeps the old one downloadable, and lists who uploaded which', async () => {
      const body = multipart('Rutine for alarm (revidert).docx', await docx(['Rutine for alarm', 'Versjon to.']));
      const response = await t.inject({ method: 'POST', url: `/api/documents/${documentId}/versions`, headers: { ...modeller, ...body.headers }, payload: body.payload });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toEqual({ documentId, version: 2, outcome: 'new_version' });
      const detail = (await t.inject({ method: 'GET', url: `/api/documents/${documentId}`, headers: employee })).json();
      expect(detail.versions.map((v: { version: number; uploadedBy: string; sizeBytes: number }) => [v.version, v.uploadedBy, v.sizeBytes > 0])).toEqual([
        [2, 'Test process_owner', true],
        [1, 'Test process_owner', true],
      ]);
      expect(detail.processes).toEqual([{ id: processId, name: 'Tildele trygghetsalarm' }]);
      const first = await t.inject({ method: 'GET', url: `/api/documents/${documentId}/file?version=1`, headers: employee });
      expect(first.statusCode).toBe(200);
      expect(first.headers['content-disposition']).toContain('Rutine%20for%20alarm.docx');
    });

    it('refuses a new version of another file type, and a version for a document that is not there', async () => {
      const pdf = multipart('Rutine.pdf', '%PDF-1.4\n%%EOF\n');
      const refused = await t.inject({ method: 'POST', url: `/api/documents/${documentId}/versions`, headers: { ...modeller, ...pdf.headers }, payload: pdf.payload });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().detail).toBe('Den nye versjonen må være samme filtype som dokumentet (.docx).');
      const again = multipart('x.docx', await docx(['x']));
      const missing = await t.inject({ method: 'POST', url: '/api/documents/00000000-0000-4000-8000-000000000000/versions', headers: { ...modeller, ...again.headers }, payload: again.payload });
      expect(missing.statusCode).toBe(404);
      const byEmployee = await t.inject({ method: 'POST', url: `/api/documents/${documentId}/versions`, headers: { ...employee, ...again.headers }, payload: again.payload });
      expect(byEmployee.statusCode).toBe(403);
    });
  });
});
