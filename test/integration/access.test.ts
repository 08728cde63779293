import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { inTenant, systemActor } from '../../server/src/platform/database/tenant-scope.ts';
import { employments, orgUnits, persons, positions } from '../../server/src/modules/org/tables.ts';
import { systems } from '../../server/src/modules/catalogue/tables.ts';
import { desiredEntitlements } from '../../server/src/modules/access/tables.ts';
import { recomputePeople } from '../../server/src/modules/access/recompute-people.ts';
import { desiredStateDigest, loadPeople, loadRoleModel, loadStoredDigests, recomputeInTransaction } from '../../server/src/modules/access/recompute.ts';
import { computePeople } from '../../server/src/modules/access/engine/compute.ts';
import { clock } from '../../server/src/platform/clock.ts';
import { businessRolesOf } from '../../server/src/modules/access/holders.ts';
import { systemConnectors } from '../../server/src/modules/provisioning/tables.ts';

describe('access: role model, recompute and "why does Kari have this"', () => {
  let t: TestApp;
  let tenantId: string;
  let admin: Record<string, string>;
  const ids: Record<string, string> = {};

  const waitForJob = async (jobId: string) => {
    for (let i = 0; i < 200; i++) {
      const job = (await t.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: admin })).json();
      if (job.state === 'completed' || job.state === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('job did not finish');
  };

  beforeAll(async () => {
    t = await createTestApp({ workJobs: true });
    tenantId = await t.createTenant('access-test');
    admin = await t.tokenHeaders(tenantId, 'admin');
    await inTenant(t.database.db, systemActor(tenantId), async (tx) => {
      const [kommune] = await tx.insert(orgUnits).values({ tenantId, code: 'K', name: 'Kommunen' }).returning();
      const [oppvekst] = await tx.insert(orgUnits).values({ tenantId, code: 'O', name: 'Oppvekst', parentId: kommune!.id }).returning();
      const [skole] = await tx.insert(orgUnits).values({ tenantId, code: 'S', name: 'Bakken skole', parentId: oppvekst!.id }).returning();
      const [helse] = await tx.insert(orgUnits).values({ tenantId, code: 'H', name: 'Hjemmetjenesten', parentId: kommune!.id }).returning();
      const [laerer] = await tx.insert(positions).values({ tenantId, title: 'Lærer' }).returning();
      const [sykepleier] = await tx.insert(positions).values({ tenantId, title: 'Sykepleier' }).returning();
      const [kari] = await tx.insert(persons).values({ tenantId, employeeNumber: '1', givenName: 'Kari', familyName: 'Nordmann' }).returning();
      const [ola] = await tx.insert(persons).values({ tenantId, employeeNumber: '2', givenName: 'Ola', familyName: 'Uten Jobb' }).returning();
      const [kariJob] = await tx
        .insert(employments)
        .values({ tenantId, personId: kari!.id, orgUnitId: skole!.id, positionId: laerer!.id, startDate: '2020-01-01' })
        .returning();
      const [skolesystem] = await tx.insert(systems).values({ tenantId, name: 'Skolesystemet' }).returning();
      const [epj] = await tx.insert(systems).values({ tenantId, name: 'Journal' }).returning();
      Object.assign(ids, {
        kommune: kommune!.id,
        oppvekst: oppvekst!.id,
        skole: skole!.id,
        helse: helse!.id,
        laerer: laerer!.id,
        sykepleier: sykepleier!.id,
        kari: kari!.id,
        ola: ola!.id,
        kariJob: kariJob!.id,
        skolesystem: skolesystem!.id,
        epj: epj!.id,
      });
    });
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object, headers = admin) => t.inject({ method: 'POST', url, headers, payload });

  it('builds the role model through the API: system roles, a business role with a rule, a competence requirement', async () => {
    const teacher = await post('/api/access/system-roles', { systemId: ids.skolesystem, name: 'Lærer', accessLevel: 'Skrive', targetGroup: 'cn=laerere' });
    expect(teacher.statusCode).toBe(201);
    ids.teacherRole = teacher.json().id;
    const nurse = await post('/api/access/system-roles', { systemId: ids.epj, name: 'Sykepleier', sensitivity: 'sensitive', consumesLicence: true });
    ids.nurseRole = nurse.json().id;

    const role = await post('/api/access/business-roles', { name: 'Lærer', description: 'For deg som underviser.' });
    expect(role.statusCode).toBe(201);
    ids.teacherBusiness = role.json().id;
    const linked = await post(`/api/access/business-roles/${ids.teacherBusiness}/system-roles`, { systemRoleId: ids.teacherRole });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().systemRoles.map((r: { name: string }) => r.name)).toEqual(['Lærer']);
    const ruled = await post(`/api/access/business-roles/${ids.teacherBusiness}/rules`, { orgUnitId: ids.oppvekst, includeSubUnits: true, positionId: ids.laerer });
    expect(ruled.json().rules).toHaveLength(1);

    const nurseBusiness = (await post('/api/access/business-roles', { name: 'Sykepleier hjemmetjenesten', description: 'Journal for sykepleiere.' })).json();
    ids.nurseBusiness = nurseBusiness.id;
    await post(`/api/access/business-roles/${ids.nurseBusiness}/system-roles`, { systemRoleId: ids.nurseRole });
    await post(`/api/access/business-roles/${ids.nurseBusiness}/rules`, { orgUnitId: ids.helse, includeSubUnits: false, positionId: ids.sykepleier });
    const competence = (await post('/api/access/competences', { name: 'Journalkurs', validityMonths: 24 })).json();
    ids.course = competence.id;
    const required = await post(`/api/access/business-roles/${ids.nurseBusiness}/competences`, { competenceId: ids.course });
    expect(required.json().requiredCompetences.map((c: { name: string }) => c.name)).toEqual(['Journalkurs']);

    const catalogue = (await t.inject({ method: 'GET', url: '/api/access/business-roles?requestable=true&q=lær', headers: admin })).json();
    expect(catalogue.items.map((r: { name: string }) => r.name)).toEqual(['Lærer']);
    const bySystem = (await t.inject({ method: 'GET', url: `/api/access/system-roles?systemId=${ids.epj}`, headers: admin })).json();
    expect(bySystem.items).toMatchObject([{ name: 'Sykepleier', sensitivity: 'sensitive', businessRoleCount: 1 }]);
  });

  it('sets and changes the owner of a business role, and refuses an owner who is not a person here on the owner field', async () => {
    const url = `/api/access/business-roles/${ids.teacherBusiness}`;
    const current = (await t.inject({ method: 'GET', url, headers: admin })).json();
    const body = { name: current.name, description: current.description, requestable: current.requestable };
    const owned = await t.inject({ method: 'PUT', url, headers: admin, payload: { ...body, ownerPersonId: ids.kari } });
    expect(owned.statusCode).toBe(200);
    expect(owned.json()).toMatchObject({ ownerPersonId: ids.kari, ownerName: 'Kari Nordmann' });
    const stranger = await t.inject({ method: 'PUT', url, headers: admin, payload: { ...body, ownerPersonId: '00000000-0000-4000-8000-000000000000' } });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().problems).toEqual([{ field: 'ownerPersonId', message: 'Velg en person som finnes' }]);
    const changed = await t.inject({ method: 'PUT', url, headers: admin, payload: { ...body, ownerPersonId: ids.ola } });
    expect(changed.json()).toMatchObject({ ownerPersonId: ids.ola, ownerName: 'Ola Uten Jobb' });
    const audited = await inTenant(t.database.db, systemActor(tenantId), async (tx) =>
      ((await tx.execute(
        sql`select after->>'owner_person_id' as owner from audit_events where entity_type = 'business_roles' and entity_id = ${ids.teacherBusiness} and action = 'update' order by occurred_at`,
      )) as unknown as { rows: { owner: string | null }[] }).rows.map((row) => row.owner),
    );
    expect(audited.slice(-2)).toEqual([ids.kari, ids.ola]);
  });

  it('refuses a system role without a name and an unknown system with Norwegian problems', async () => {
    const empty = await post('/api/access/system-roles', { systemId: ids.epj, name: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().problems).toContainEqual({ field: 'name', message: 'Navn må fylles ut' });
    const unknown = await post('/api/access/system-roles', { systemId: '00000000-0000-4000-8000-000000000000', name: 'X' });
    expect(unknown.statusCode).toBe(400);
  });

  it('a full recompute job gives Kari the teacher role by the rule, records a run, and says why', async () => {
    const started = await post('/api/access/recompute', {});
    expect(started.statusCode).toBe(202);
    const job = await waitForJob(started.json().jobId);
    expect(job.state).toBe('completed');
    // Model edits above also queued full runs; wait until none is running.
    for (let i = 0; i < 100; i++) {
      const runs = (await t.inject({ method: 'GET', url: '/api/access/recompute-runs', headers: admin })).json().items;
      if (runs.every((run: { state: string }) => run.state !== 'running')) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const runs = (await t.inject({ method: 'GET', url: '/api/access/recompute-runs', headers: admin })).json().items;
    expect(runs.some((run: { kind: string; state: string; grantCount: number }) => run.kind === 'full' && run.state === 'done')).toBe(true);
    expect(runs.reduce((sum: number, run: { grantCount: number }) => sum + run.grantCount, 0)).toBe(1);

    const why = (await t.inject({ method: 'GET', url: `/api/access/people/${ids.kari}/entitlements`, headers: admin })).json();
    expect(why.entitlements).toHaveLength(1);
    expect(why.entitlements[0]).toMatchObject({
      systemRoleName: 'Lærer',
      systemName: 'Skolesystemet',
      state: 'active',
      target: 'not_reconciled',
      reasons: [{ kind: 'rule', businessRoleName: 'Lærer', description: 'Regel: ansatt i Oppvekst med underenheter, stilling Lærer' }],
    });
    const ola = (await t.inject({ method: 'GET', url: `/api/access/people/${ids.ola}/entitlements`, headers: admin })).json();
    expect(ola.entitlements).toEqual([]);
    await expect(inTenant(t.database.db, systemActor(tenantId), (tx) => businessRolesOf(tx, ids.kari!))).resolves.toEqual([ids.teacherBusiness]);
  });

  it('a mover to the home care as a nurse loses the teacher role and has the sensitive nurse role held until the course is recorded', async () => {
    await inTenant(t.database.db, systemActor(tenantId), (tx) =>
      tx.update(employments).set({ orgUnitId: ids.helse!, positionId: ids.sykepleier! }).where(eq(employments.id, ids.kariJob!)),
    );
    await recomputePeople(t.database.db, systemActor(tenantId), [ids.kari!]);
    const held = (await t.inject({ method: 'GET', url: `/api/access/people/${ids.kari}/entitlements`, headers: admin })).json();
    expect(held.entitlements).toMatchObject([{ systemRoleName: 'Sykepleier', state: 'held', target: 'held_back', missingCompetences: [{ name: 'Journalkurs' }] }]);

    const recorded = await post(`/api/access/people/${ids.kari}/competences`, { competenceId: ids.course, expiresOn: '2099-12-31' });
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json().items).toMatchObject([{ competenceName: 'Journalkurs', valid: true }]);
    const active = (await t.inject({ method: 'GET', url: `/api/access/people/${ids.kari}/entitlements`, headers: admin })).json();
    expect(active.entitlements).toMatchObject([{ systemRoleName: 'Sykepleier', state: 'active', missingCompetences: [] }]);
  });

  it('audits every change of desired access', async () => {
    const events = await inTenant(t.database.db, systemActor(tenantId), async (tx) =>
      ((await tx.execute(sql`select action from audit_events where entity_type = 'desired_entitlements' order by occurred_at`)) as unknown as { rows: { action: string }[] }).rows,
    );
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['insert', 'update', 'delete']));
    const stored = await inTenant(t.database.db, systemActor(tenantId), (tx) => tx.select().from(desiredEntitlements).where(eq(desiredEntitlements.personId, ids.kari!)));
    expect(stored).toHaveLength(1);
  });

  it('a full run finds nothing to change when nothing changed: the database digests the stored state as the engine does', async () => {
    const today = clock.today();
    await inTenant(t.database.db, systemActor(tenantId), async (tx) => {
      const computed = computePeople(await loadRoleModel(tx), await loadPeople(tx, today, null), today);
      const digests = await loadStoredDigests(tx);
      const kari = computed.find((person) => person.personId === ids.kari)!;
      expect(kari.entitlements.length).toBeGreaterThan(0);
      for (const person of computed) expect(desiredStateDigest(person), person.personId).toBe(digests.get(person.personId) ?? '');
      const outcome = await recomputeInTransaction(tx, { today, personIds: null, origin: 'full_recompute' });
      expect(outcome.counts).toMatchObject({ grant: 0, revoke: 0, reasonChange: 0, entitlements: computed.reduce((n, person) => n + person.entitlements.length, 0) });
      expect(outcome.batch).toBeNull();
    });
  });

  it('refuses a manual assignment without a reason, with a Norwegian problem on the note field', async () => {
    const response = await post(`/api/access/people/${ids.ola}/assignments`, { businessRoleId: ids.teacherBusiness, source: 'manual', note: '  ' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().problems).toEqual([expect.objectContaining({ field: 'note', message: 'Skriv hvorfor personen skal ha rollen' })]);
  });

  it('a manual assignment gives a role at once, with the assignment as the reason and the reason written down', async () => {
    const response = await post(`/api/access/people/${ids.ola}/assignments`, { businessRoleId: ids.teacherBusiness, source: 'manual', note: 'Vikar ved Bakken skole' });
    expect(response.statusCode).toBe(200);
    expect(response.json().entitlements).toMatchObject([{ systemRoleName: 'Lærer', reasons: [{ kind: 'manual', description: 'Tildelt manuelt' }] }]);
    expect(response.json().assignments).toMatchObject([{ businessRoleId: ids.teacherBusiness, source: 'manual', note: 'Vikar ved Bakken skole', validTo: null }]);
  });

  it('hands a grant to provisioning as a batch of operations when the system has a connector', async () => {
    const per = await inTenant(t.database.db, systemActor(tenantId), async (tx) => {
      await tx.insert(systemConnectors).values({ tenantId, systemId: ids.skolesystem!, kind: 'manual' });
      const [person] = await tx.insert(persons).values({ tenantId, employeeNumber: '3', givenName: 'Per', familyName: 'Lærer' }).returning();
      await tx.insert(employments).values({ tenantId, personId: person!.id, orgUnitId: ids.skole!, positionId: ids.laerer!, startDate: '2020-01-01' });
      return person!.id;
    });
    const { batchId } = await recomputePeople(t.database.db, systemActor(tenantId), [per]);
    expect(batchId).not.toBeNull();
    const operations = await inTenant(t.database.db, systemActor(tenantId), async (tx) =>
      ((await tx.execute(sql`select action, system_role_id from provisioning_operations where batch_id = ${batchId} order by action`)) as unknown as {
        rows: { action: string; system_role_id: string | null }[];
      }).rows,
    );
    expect(operations).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'grant', system_role_id: ids.teacherRole })]));
    // Nothing changed since: a second event queues nothing.
    expect((await recomputePeople(t.database.db, systemActor(tenantId), [per])).batchId).toBeNull();
  });

  it('lets an employee read the catalogue and their own access, but not change roles or read others', async () => {
    const employee = await t.tokenHeaders(tenantId, 'employee');
    expect((await t.inject({ method: 'GET', url: '/api/access/business-roles?requestable=true', headers: employee })).statusCode).toBe(200);
    expect((await post('/api/access/business-roles', { name: 'Ny' }, employee)).statusCode).toBe(403);
    expect((await t.inject({ method: 'GET', url: `/api/access/people/${ids.kari}/entitlements`, headers: employee })).statusCode).toBe(403);
    expect((await post('/api/access/recompute', {}, employee)).statusCode).toBe(403);
  });
});
