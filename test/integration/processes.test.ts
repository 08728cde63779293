import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant, systemActor } from '../../server/src/platform/database/tenant-scope.ts';
import { processes, processReviewReminders, processVersions } from '../../server/src/modules/processes/tables.ts';
import { remindOverdueReviews } from '../../server/src/modules/processes/queries.ts';
import { persons } from '../../server/src/modules/org/tables.ts';
import { users } from '../../server/src/modules/auth/tables.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const miwg = (name: string) => readFileSync(new URL(`../../../shared/testdata/bpmn/miwg-reference/${name}`, import.meta.url), 'latin1');

describe('processes: hierarchy, BPMN in and out, modelling standard, governance', () => {
  let t: TestApp;
  let tenantId: string;
  let modeller: Record<string, string>;
  let approver: Record<string, string>;
  let employee: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    tenantId = await t.createTenant('demo');
    modeller = await t.sessionHeaders('demo', 'process_owner');
    approver = await t.sessionHeaders('demo', 'architect');
    employee = await t.sessionHeaders('demo', 'employee');
  });
  afterAll(() => t.close());

  const storedRows = () =>
    inTenant(t.database.db, systemActor(tenantId), async (tx) => {
      const [p] = await tx.select({ n: count() }).from(processes);
      const [v] = await tx.select({ n: count() }).from(processVersions);
      return p!.n + v!.n;
    });

  async function createProcess(name: string, parentId: string | null = null, level = 'process') {
    const response = await t.inject({ method: 'POST', url: '/api/processes', headers: modeller, payload: { name, parentId, level } });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  it('builds the hierarchy area → process → sub-process, and a new process starts as a draft with a diagram', async () => {
    const area = await createProcess('Oppvekst', null, 'area');
    expect(area.latest).toBeNull();
    const process = await createProcess('Søke barnehageplass', area.id);
    const sub = await createProcess('Vurdere søknad', process.id, 'subprocess');
    expect(process.latest).toMatchObject({ version: 1, state: 'draft' });
    const detail = (await t.inject({ method: 'GET', url: `/api/processes/${sub.id}`, headers: employee })).json();
    expect(detail.ancestors.map((a: { name: string }) => a.name)).toEqual(['Oppvekst', 'Søke barnehageplass']);
    const orphan = await t.inject({ method: 'POST', url: '/api/processes', headers: modeller, payload: { name: 'Løs', level: 'subprocess' } });
    expect(orphan.statusCode).toBe(400);
  });

  it('imports a MIWG reference model and exports the stored XML unchanged but for the declared encoding', async () => {
    const xml = miwg('A.4.0.bpmn');
    const imported = await t.inject({ method: 'POST', url: '/api/processes/import', headers: modeller, payload: { xml } });
    expect(imported.statusCode, imported.body).toBe(201);
    const { versionId } = imported.json();
    const exported = await t.inject({ method: 'GET', url: `/api/process-versions/${versionId}/bpmn`, headers: modeller });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('application/xml');
    expect(exported.headers['content-disposition']).toMatch(/attachment; filename=".+\.bpmn"/);
    expect(exported.body).toBe(xml.replace('encoding="ISO-8859-1"', 'encoding="UTF-8"'));
  });

  it('imports a file as the next version of a process only when no version is being worked on', async () => {
    const process = await createProcess('Importmål');
    const xml = miwg('A.1.0.bpmn');
    const busy = await t.inject({ method: 'POST', url: '/api/processes/import', headers: modeller, payload: { xml, processId: process.id } });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().detail).toMatch(/versjon under arbeid/);
    await t.inject({ method: 'PUT', url: '/api/process-modelling-rules', headers: approver, payload: { levels: { 'grunnmur/lane-business-role': 'off' } } });
    await t.inject({ method: 'POST', url: `/api/process-versions/${process.latest.id}/submit`, headers: modeller });
    await t.inject({ method: 'POST', url: `/api/process-versions/${process.latest.id}/approve`, headers: approver });
    await t.inject({ method: 'POST', url: `/api/process-versions/${process.latest.id}/publish`, headers: approver });
    await t.inject({ method: 'PUT', url: '/api/process-modelling-rules', headers: approver, payload: { levels: { 'grunnmur/lane-business-role': 'error' } } });
    const next = await t.inject({ method: 'POST', url: '/api/processes/import', headers: modeller, payload: { xml, processId: process.id } });
    expect(next.statusCode, next.body).toBe(201);
    const detail = (await t.inject({ method: 'GET', url: `/api/processes/${process.id}`, headers: modeller })).json();
    expect(detail.latest).toMatchObject({ id: next.json().versionId, version: 2, state: 'draft' });
    expect(detail.published).toMatchObject({ version: 1 });
  });

  it('refuses a document with a DOCTYPE (entity expansion) quickly, with a Norwegian message, storing nothing', async () => {
    const before = await storedRows();
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&lol2;</bpmn:definitions>`;
    const started = performance.now();
    const response = await t.inject({ method: 'POST', url: '/api/processes/import', headers: modeller, payload: { xml: laughs } });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().detail).toMatch(/DOCTYPE/);
    const external = `<?xml version="1.0"?><!doctype x SYSTEM "file:///etc/passwd"><x/>`;
    expect((await t.inject({ method: 'POST', url: '/api/processes/import', headers: modeller, payload: { xml: external } })).statusCode).toBe(422);
    expect(await storedRows()).toBe(before);
  });

  it('refuses malformed XML and XML that is not BPMN, storing nothing', async () => {
    const before = await storedRows();
    const broken = await t.inject({ method: 'POST', url: '/api/processes/import', headers: modeller, payload: { xml: '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="a">' } });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().detail).toMatch(/ikke gyldig/);
    const notBpmn = await t.inject({ method: 'POST', url: '/api/processes/import', headers: modeller, payload: { xml: '<?xml version="1.0"?><html><body/></html>' } });
    expect(notBpmn.statusCode).toBe(422);
    expect(notBpmn.json().detail).toMatch(/ikke en BPMN 2.0-modell/);
    expect(await storedRows()).toBe(before);
  });

  it('lets an employee read published processes only, and not model', async () => {
    const process = await createProcess('Intern prosess');
    expect((await t.inject({ method: 'GET', url: `/api/process-versions/${process.latest.id}`, headers: employee })).statusCode).toBe(403);
    expect((await t.inject({ method: 'POST', url: '/api/processes', headers: employee, payload: { name: 'X', level: 'area' } })).statusCode).toBe(403);
  });

  it('blocks sending to review while the modelling standard finds errors, then runs draft → review → approved (by another) → published', async () => {
    const process = await createProcess('Behandle byggesøknad');
    const versionId = process.latest.id as string;
    const version = (await t.inject({ method: 'GET', url: `/api/process-versions/${versionId}`, headers: modeller })).json();
    const laneId = /<bpmn:lane id="([^"]+)"/.exec(version.xml)![1]!;
    const taskId = /<bpmn:task id="([^"]+)"/.exec(version.xml)![1]!;

    const blocked = await t.inject({ method: 'POST', url: `/api/process-versions/${versionId}/submit`, headers: modeller });
    expect(blocked.statusCode).toBe(400);
    expect(blocked.headers['content-type']).toContain('application/problem+json');
    const findings = blocked.json().findings as { rule: string; elementId: string; level: string }[];
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'grunnmur/lane-business-role', elementId: laneId, level: 'error' }));
    expect(blocked.json().problems[0].message).toMatch(/Svømmebanen/);

    const roleId = randomUUID();
    const saved = await t.inject({
      method: 'PUT',
      url: `/api/process-versions/${versionId}`,
      headers: modeller,
      payload: { xml: version.xml, links: [{ elementId: laneId, kind: 'lane_business_role', targetId: roleId }, { elementId: taskId, kind: 'task_manual' }, { elementId: 'Gone_1', kind: 'task_manual' }] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().links.map((l: { elementId: string }) => l.elementId).sort()).toEqual([laneId, taskId].sort());

    const lint = (await t.inject({ method: 'GET', url: `/api/process-versions/${versionId}/lint`, headers: modeller })).json();
    expect(lint.items.filter((f: { level: string }) => f.level === 'error')).toEqual([]);

    expect((await t.inject({ method: 'POST', url: `/api/process-versions/${versionId}/submit`, headers: modeller })).json().state).toBe('in_review');
    const comment = await t.inject({ method: 'POST', url: `/api/process-versions/${versionId}/comments`, headers: approver, payload: { body: 'Ser bra ut', elementId: taskId } });
    expect(comment.json().comments).toContainEqual(expect.objectContaining({ body: 'Ser bra ut', elementId: taskId, author: 'Test architect' }));
    expect((await t.inject({ method: 'PUT', url: `/api/process-versions/${versionId}`, headers: modeller, payload: { xml: version.xml, links: [] } })).statusCode).toBe(409);

    const selfApproval = await t.inject({ method: 'POST', url: `/api/process-versions/${versionId}/approve`, headers: modeller });
    expect(selfApproval.statusCode).toBe(403);
    expect(selfApproval.json().detail).toMatch(/annen må godkjenne/);
    const early = await t.inject({ method: 'POST', url: `/api/process-versions/${versionId}/publish`, headers: approver });
    expect(early.statusCode).toBe(409);
    expect((await t.inject({ method: 'POST', url: `/api/process-versions/${versionId}/approve`, headers: approver })).json()).toMatchObject({ state: 'approved', approvedBy: 'Test architect' });
    const published = (await t.inject({ method: 'POST', url: `/api/process-versions/${versionId}/publish`, headers: approver })).json();
    expect(published).toMatchObject({ state: 'published' });
    expect(published.lastReviewedAt).not.toBeNull();

    // The employee now sees it, with its links.
    const seen = await t.inject({ method: 'GET', url: `/api/process-versions/${versionId}`, headers: employee });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().links).toContainEqual(expect.objectContaining({ elementId: laneId, kind: 'lane_business_role', targetId: roleId }));

    // Editing a published process makes a new draft; the published one stays.
    const draft = (await t.inject({ method: 'POST', url: `/api/processes/${process.id}/drafts`, headers: modeller })).json();
    expect(draft.created).toBe(true);
    const again = (await t.inject({ method: 'POST', url: `/api/processes/${process.id}/drafts`, headers: modeller })).json();
    expect(again).toEqual({ versionId: draft.versionId, created: false });
    const detail = (await t.inject({ method: 'GET', url: `/api/processes/${process.id}`, headers: employee })).json();
    expect(detail.published).toMatchObject({ id: versionId, version: 1 });
    expect(detail.latest).toMatchObject({ id: draft.versionId, version: 2, state: 'draft' });

    // A readable diff: a renamed task and a relinked lane.
    const renamed = version.xml.replace('name="Behandle sak"', 'name="Vurdere byggesøknad"');
    const newRole = randomUUID();
    await t.inject({
      method: 'PUT',
      url: `/api/process-versions/${draft.versionId}`,
      headers: modeller,
      payload: { xml: renamed, links: [{ elementId: laneId, kind: 'lane_business_role', targetId: newRole }, { elementId: taskId, kind: 'task_manual' }] },
    });
    const diff = (await t.inject({ method: 'GET', url: `/api/process-versions/${draft.versionId}/diff`, headers: modeller })).json();
    expect(diff.renamed).toEqual([expect.objectContaining({ id: taskId, from: 'Behandle sak', name: 'Vurdere byggesøknad' })]);
    expect(diff.relinked).toEqual([expect.objectContaining({ id: laneId })]);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);

    // Publishing version 2 supersedes version 1.
    await t.inject({ method: 'POST', url: `/api/process-versions/${draft.versionId}/submit`, headers: modeller });
    await t.inject({ method: 'POST', url: `/api/process-versions/${draft.versionId}/approve`, headers: approver });
    await t.inject({ method: 'POST', url: `/api/process-versions/${draft.versionId}/publish`, headers: approver });
    const versions = (await t.inject({ method: 'GET', url: `/api/processes/${process.id}`, headers: modeller })).json().versions;
    expect(versions.map((v: { version: number; state: string }) => [v.version, v.state])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);

    // Retire.
    expect((await t.inject({ method: 'POST', url: `/api/processes/${process.id}/retire`, headers: approver })).json().state).toBe('retired');
  });

  it('lets a tenant turn a rule off, after which its findings no longer block review', async () => {
    const process = await createProcess('Ansette ny medarbeider');
    const blocked = await t.inject({ method: 'POST', url: `/api/process-versions/${process.latest.id}/submit`, headers: modeller });
    expect(blocked.statusCode).toBe(400);
    expect((await t.inject({ method: 'PUT', url: '/api/process-modelling-rules', headers: employee, payload: { levels: {} } })).statusCode).toBe(403);
    const rules = await t.inject({ method: 'PUT', url: '/api/process-modelling-rules', headers: approver, payload: { levels: { 'grunnmur/lane-business-role': 'off' } } });
    expect(rules.json().items).toContainEqual(expect.objectContaining({ name: 'grunnmur/lane-business-role', level: 'off', defaultLevel: 'error' }));
    const unknown = await t.inject({ method: 'PUT', url: '/api/process-modelling-rules', headers: approver, payload: { levels: { 'no-such-rule': 'off' } } });
    expect(unknown.statusCode).toBe(400);
    expect((await t.inject({ method: 'POST', url: `/api/process-versions/${process.latest.id}/submit`, headers: modeller })).statusCode).toBe(200);
    await t.inject({ method: 'PUT', url: '/api/process-modelling-rules', headers: approver, payload: { levels: { 'grunnmur/lane-business-role': 'error' } } });
  });

  it('reminds the owner once when a published process has not been reviewed for 12 months; confirming closes it', async () => {
    const actor = systemActor(tenantId);
    const ownerId = await inTenant(t.database.db, actor, async (tx) => {
      const [person] = await tx.insert(persons).values({ tenantId, employeeNumber: 'P-OWNER', givenName: 'Ola', familyName: 'Eier' }).returning();
      return person!.id;
    });
    const ownerHeaders = await t.sessionHeaders('demo', 'process_owner');
    // Process-owner users made by this file are all Ola here; the notice goes to his person.
    await t.database.db.update(users).set({ personId: ownerId }).where(eq(users.displayName, 'Test process_owner'));
    const process = await createProcess('Tildele hjemmetjeneste');
    await t.inject({ method: 'PUT', url: `/api/processes/${process.id}`, headers: modeller, payload: { name: process.name, level: 'process', parentId: null, purpose: 'Gi riktig hjelp', ownerPersonId: ownerId } });
    await t.inject({ method: 'PUT', url: '/api/process-modelling-rules', headers: approver, payload: { levels: { 'grunnmur/lane-business-role': 'off' } } });
    await t.inject({ method: 'POST', url: `/api/process-versions/${process.latest.id}/submit`, headers: modeller });
    await t.inject({ method: 'POST', url: `/api/process-versions/${process.latest.id}/approve`, headers: approver });
    await t.inject({ method: 'POST', url: `/api/process-versions/${process.latest.id}/publish`, headers: approver });
    await t.inject({ method: 'PUT', url: '/api/process-modelling-rules', headers: approver, payload: { levels: { 'grunnmur/lane-business-role': 'error' } } });

    const inElevenMonths = new Date(Date.now() + 335 * 24 * 3600 * 1000);
    const inThirteenMonths = new Date(Date.now() + 395 * 24 * 3600 * 1000);
    expect(await inTenant(t.database.db, actor, (tx) => remindOverdueReviews(tx, actor, inElevenMonths))).toBe(0);
    const created = await inTenant(t.database.db, actor, (tx) => remindOverdueReviews(tx, actor, inThirteenMonths));
    expect(created).toBeGreaterThanOrEqual(1);
    expect(await inTenant(t.database.db, actor, (tx) => remindOverdueReviews(tx, actor, inThirteenMonths))).toBe(0);

    const mine = (await t.inject({ method: 'GET', url: '/api/process-reminders', headers: ownerHeaders })).json();
    expect(mine.items).toEqual([expect.objectContaining({ processId: process.id, processName: 'Tildele hjemmetjeneste' })]);
    expect((await t.inject({ method: 'POST', url: `/api/processes/${process.id}/confirm-review`, headers: ownerHeaders })).statusCode).toBe(204);
    expect((await t.inject({ method: 'GET', url: '/api/process-reminders', headers: ownerHeaders })).json().items).toEqual([]);
    const open = await inTenant(t.database.db, actor, (tx) => tx.select().from(processReviewReminders).where(eq(processReviewReminders.processId, process.id)));
    expect(open.every((r) => r.closedAt !== null)).toBe(true);
  });
});
