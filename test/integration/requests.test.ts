import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { businessRoleSystemRoles, businessRoles, desiredEntitlements, roleAssignments, systemRoles } from '../../server/src/modules/access/tables.ts';
import type { AppRole } from '../../server/src/modules/auth/permissions.ts';
import { users } from '../../server/src/modules/auth/tables.ts';
import { systems } from '../../server/src/modules/catalogue/tables.ts';
import { employments, orgUnits, persons, positions } from '../../server/src/modules/org/tables.ts';
import { provisioningBatches, provisioningOperations } from '../../server/src/modules/provisioning/tables.ts';
import { accessRequests } from '../../server/src/modules/requests/tables.ts';
import { addDays, clock, resetClock, setClock } from '../../server/src/platform/clock.ts';
import { inTenant, systemActor } from '../../server/src/platform/database/tenant-scope.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Demo kommune ── Oppvekst (Siri leads) ── Ålgård skole (Per leads)
 *   Kari and Nils teach at the school (manager: Per). Ola leads the municipality.
 *   Gerd owns the sensitive system "Visma Flyt Skole"; "Office 365" is not sensitive.
 */
describe('access requests API', () => {
  let t: TestApp;
  let tenantId: string;
  const person: Record<string, string> = {};
  const headers: Record<string, Record<string, string>> = {};
  const role: Record<string, string> = {};
  const systemRole: Record<string, string> = {};
  const system: Record<string, string> = {};
  const today = clock.today();

  async function signIn(key: string, appRole: AppRole) {
    const [user] = await t.database.db
      .insert(users)
      .values({ tenantId, personId: person[key]!, displayName: key, roles: [appRole] })
      .returning();
    const response = await t.inject({ method: 'POST', url: '/api/auth/demo-sign-in', payload: { tenant: 'demo', userId: user!.id } });
    const cookie = response.cookies.find((c) => c.name === 'grunnmur_session')!;
    headers[key] = { cookie: `grunnmur_session=${cookie.value}`, 'x-csrf-token': response.json().csrfToken };
  }

  const api = (who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.inject({ method, url, headers: headers[who], ...(payload === undefined ? {} : { payload: payload as object }) });

  async function ask(who: string, roleKey: string, extra: Record<string, unknown> = {}) {
    const response = await api(who, 'POST', '/api/requests', { businessRoleId: role[roleKey], reason: 'Trenger det i jobben min', ...extra });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  beforeAll(async () => {
    t = await createTestApp();
    tenantId = await t.createTenant('demo');
    await inTenant(t.database.db, systemActor(tenantId), async (tx) => {
      const names: [string, string, string][] = [
        ['ola', 'Ola', 'Kommunedirektør'],
        ['siri', 'Siri', 'Sektorleder'],
        ['per', 'Per', 'Rektor'],
        ['kari', 'Kari', 'Lærer'],
        ['nils', 'Nils', 'Lærer'],
        ['gerd', 'Gerd', 'Systemeier'],
        ['admin', 'Anne', 'Admin'],
      ];
      for (const [key, given, family] of names) {
        const [row] = await tx.insert(persons).values({ tenantId, employeeNumber: key, givenName: given, familyName: family }).returning();
        person[key] = row!.id;
      }
      const [root] = await tx.insert(orgUnits).values({ tenantId, code: '1', name: 'Demo kommune', managerPersonId: person.ola }).returning();
      const [sector] = await tx.insert(orgUnits).values({ tenantId, code: '2', name: 'Oppvekst', parentId: root!.id, managerPersonId: person.siri }).returning();
      const [school] = await tx.insert(orgUnits).values({ tenantId, code: '3', name: 'Ålgård skole', parentId: sector!.id, managerPersonId: person.per }).returning();
      const [teacher] = await tx.insert(positions).values({ tenantId, title: 'Lærer' }).returning();
      const employ = (key: string, unitId: string, managerPersonId: string | null = null) =>
        tx.insert(employments).values({ tenantId, personId: person[key]!, orgUnitId: unitId, positionId: teacher!.id, managerPersonId, startDate: '2020-01-01' });
      await employ('kari', school!.id, person.per);
      await employ('nils', school!.id, person.per);
      await employ('per', school!.id); // a leader: the manager is the leader of the unit above
      await employ('siri', sector!.id);
      await employ('ola', root!.id);
      await employ('gerd', root!.id);
      await employ('admin', root!.id);
      const [sensitiveSystem] = await tx.insert(systems).values({ tenantId, name: 'Visma Flyt Skole', ownerPersonId: person.gerd }).returning();
      const [plainSystem] = await tx.insert(systems).values({ tenantId, name: 'Office 365', ownerPersonId: person.ola }).returning();
      system.flyt = sensitiveSystem!.id;
      system.office = plainSystem!.id;
      const [grades] = await tx.insert(systemRoles).values({ tenantId, systemId: sensitiveSystem!.id, name: 'Karakterføring', sensitivity: 'sensitive' }).returning();
      const [mail] = await tx.insert(systemRoles).values({ tenantId, systemId: plainSystem!.id, name: 'E-post', sensitivity: 'normal' }).returning();
      systemRole.grades = grades!.id;
      systemRole.mail = mail!.id;
      const [teacherRole] = await tx
        .insert(businessRoles)
        .values({ tenantId, name: 'Kontaktlærer', description: 'Fører karakterer og fravær for klassen din.' })
        .returning();
      const [mailRole] = await tx.insert(businessRoles).values({ tenantId, name: 'E-postbruker', description: 'E-post og kalender.' }).returning();
      const [hidden] = await tx.insert(businessRoles).values({ tenantId, name: 'Systemadministrator', requestable: false }).returning();
      role.teacher = teacherRole!.id;
      role.mail = mailRole!.id;
      role.hidden = hidden!.id;
      await tx.insert(businessRoleSystemRoles).values([
        { tenantId, businessRoleId: teacherRole!.id, systemRoleId: grades!.id },
        { tenantId, businessRoleId: teacherRole!.id, systemRoleId: mail!.id },
        { tenantId, businessRoleId: mailRole!.id, systemRoleId: mail!.id },
      ]);
    });
    for (const key of ['ola', 'siri', 'per', 'kari', 'nils', 'gerd']) await signIn(key, key === 'per' || key === 'siri' ? 'manager' : 'employee');
    await signIn('admin', 'admin');
  });

  afterEach(() => resetClock());
  afterAll(async () => {
    await t?.close();
  });

  it('shows requestable roles in plain language, marks sensitive ones and searches', async () => {
    const all = (await api('kari', 'GET', '/api/requests/catalogue')).json();
    expect(all.items.map((r: { name: string }) => r.name)).toEqual(['E-postbruker', 'Kontaktlærer']);
    const teacher = all.items.find((r: { name: string }) => r.name === 'Kontaktlærer');
    expect(teacher).toMatchObject({ sensitive: true, description: 'Fører karakterer og fravær for klassen din.', held: false, pendingRequestId: null });
    expect(teacher.systems).toEqual([{ name: 'Office 365', sensitive: false }, { name: 'Visma Flyt Skole', sensitive: true }]);
    const found = (await api('kari', 'GET', '/api/requests/catalogue?q=karakter')).json();
    expect(found.items.map((r: { name: string }) => r.name)).toEqual(['Kontaktlærer']);
  });

  it('refuses a request without a reason, for a role that cannot be requested, or from a token with no person', async () => {
    const noReason = await api('kari', 'POST', '/api/requests', { businessRoleId: role.mail, reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.headers['content-type']).toContain('application/problem+json');
    const hidden = await api('kari', 'POST', '/api/requests', { businessRoleId: role.hidden, reason: 'Vil ha alt' });
    expect(hidden.statusCode).toBe(400);
    const token = await t.tokenHeaders(tenantId, 'admin');
    const byToken = await t.inject({ method: 'GET', url: '/api/requests/mine', headers: token });
    expect(byToken.statusCode).toBe(403);
  });

  it('takes a sensitive role through the manager and then the system owner, gives the role and reports its provisioning', async () => {
    const created = await ask('kari', 'teacher');
    expect(created.state).toBe('pending_manager');
    expect(created.steps.map((s: { kind: string; approver: { name: string } }) => [s.kind, s.approver.name])).toEqual([
      ['manager', 'Per Rektor'],
      ['system_owner', 'Gerd Systemeier'],
    ]);
    expect((await ask('kari', 'mail')).state).toBe('pending_manager');

    // A second open request for the same role is refused.
    const again = await api('kari', 'POST', '/api/requests', { businessRoleId: role.teacher, reason: 'Trenger det igjen' });
    expect(again.statusCode).toBe(409);

    // The owner cannot decide before the manager; the inbox shows it to the manager only.
    expect((await api('gerd', 'GET', '/api/requests/inbox/count')).json()).toEqual({ count: 0 });
    expect((await api('per', 'GET', '/api/requests/inbox/count')).json()).toEqual({ count: 2 });
    const early = await api('gerd', 'POST', `/api/requests/${created.id}/decision`, { decision: 'approved' });
    expect(early.statusCode).toBe(403);
    // The requester cannot approve, not even as a stranger to the steps.
    expect((await api('kari', 'POST', `/api/requests/${created.id}/decision`, { decision: 'approved' })).statusCode).toBe(403);

    const byManager = await api('per', 'POST', `/api/requests/${created.id}/decision`, { decision: 'approved', comment: 'Ok' });
    expect(byManager.statusCode, byManager.body).toBe(200);
    expect(byManager.json().state).toBe('pending_owner');
    const ownerInbox = (await api('gerd', 'GET', '/api/requests/inbox')).json();
    expect(ownerInbox.items.map((i: { request: { id: string }; kind: string; systemNames: string }) => [i.request.id, i.kind, i.systemNames])).toEqual([
      [created.id, 'system_owner', 'Visma Flyt Skole'],
    ]);

    const byOwner = await api('gerd', 'POST', `/api/requests/${created.id}/decision`, { decision: 'approved' });
    expect(byOwner.json().state).toBe('approved');
    const [assignment] = await t.database.db.select().from(roleAssignments).where(eq(roleAssignments.requestId, created.id));
    expect(assignment).toMatchObject({ personId: person.kari, businessRoleId: role.teacher, source: 'request', validFrom: today, validTo: null });
    // Before the engine has run, the access is on its way.
    expect(byOwner.json().fulfilment.state).toBe('in_progress');

    // The engine wants both system roles; the connector work decides what the requester sees.
    const decidedAt = (await t.database.db.select().from(accessRequests).where(eq(accessRequests.id, created.id)))[0]!.decidedAt!;
    const operationIds = await inTenant(t.database.db, systemActor(tenantId), async (tx) => {
      await tx
        .insert(desiredEntitlements)
        .values([
          { tenantId, personId: person.kari!, systemRoleId: systemRole.grades!, state: 'active' as const },
          { tenantId, personId: person.kari!, systemRoleId: systemRole.mail!, state: 'active' as const },
        ])
        .onConflictDoNothing();
      const [batch] = await tx.insert(provisioningBatches).values({ tenantId, origin: 'person_event' }).returning();
      const later = new Date(decidedAt.getTime() + 1000);
      const rows = await tx
        .insert(provisioningOperations)
        .values([
          { tenantId, batchId: batch!.id, personId: person.kari!, systemId: system.flyt!, systemRoleId: systemRole.grades!, action: 'grant' as const, state: 'manual_pending' as const, idempotencyKey: 'k1', createdAt: later },
          { tenantId, batchId: batch!.id, personId: person.kari!, systemId: system.office!, systemRoleId: systemRole.mail!, action: 'grant' as const, state: 'failed' as const, lastError: 'SCIM 503', idempotencyKey: 'k2', createdAt: later },
        ])
        .returning();
      return rows.map((row) => row.id);
    });
    const status = async () => (await api('kari', 'GET', `/api/requests/${created.id}`)).json().fulfilment;
    expect(await status()).toMatchObject({ state: 'failed', failures: [{ systemName: 'Office 365', error: 'SCIM 503' }], waitingSystems: ['Visma Flyt Skole'] });
    await inTenant(t.database.db, systemActor(tenantId), (tx) => tx.update(provisioningOperations).set({ state: 'done', lastError: null }).where(eq(provisioningOperations.id, operationIds[1]!)));
    expect((await status()).state).toBe('waiting_for_administrator');
    await inTenant(t.database.db, systemActor(tenantId), (tx) => tx.update(provisioningOperations).set({ state: 'done' }).where(eq(provisioningOperations.id, operationIds[0]!)));
    expect((await status()).state).toBe('provisioned');

    // The catalogue now says Kari has the role.
    const teacher = (await api('kari', 'GET', '/api/requests/catalogue?q=Kontakt')).json().items[0];
    expect(teacher.held).toBe(true);
  });

  it('ends a request at the first rejection, which needs a comment', async () => {
    const created = await ask('nils', 'mail');
    const bare = await api('per', 'POST', `/api/requests/${created.id}/decision`, { decision: 'rejected' });
    expect(bare.statusCode).toBe(400);
    const rejected = await api('per', 'POST', `/api/requests/${created.id}/decision`, { decision: 'rejected', comment: 'Du har e-post fra før' });
    expect(rejected.json()).toMatchObject({ state: 'rejected', steps: [{ decision: 'rejected', comment: 'Du har e-post fra før', decidedBy: { name: 'Per Rektor' } }] });
    expect((await api('per', 'POST', `/api/requests/${created.id}/decision`, { decision: 'approved' })).statusCode).toBe(409);
    const mine = (await api('nils', 'GET', '/api/requests/mine')).json();
    expect(mine.items.find((r: { id: string }) => r.id === created.id).state).toBe('rejected');
    const assignments = await t.database.db.select().from(roleAssignments).where(eq(roleAssignments.requestId, created.id));
    expect(assignments).toEqual([]);
  });

  it('lets the requester cancel a waiting request, and nobody else', async () => {
    const created = await ask('nils', 'teacher');
    expect((await api('per', 'POST', `/api/requests/${created.id}/cancel`)).statusCode).toBe(403);
    // Gerd, a later approver, may see it but not withdraw it; Siri is not involved at all.
    expect((await api('gerd', 'POST', `/api/requests/${created.id}/cancel`)).statusCode).toBe(403);
    expect((await api('siri', 'POST', `/api/requests/${created.id}/cancel`)).statusCode).toBe(404);
    const cancelled = await api('nils', 'POST', `/api/requests/${created.id}/cancel`);
    expect(cancelled.json().state).toBe('cancelled');
    expect((await api('per', 'GET', '/api/requests/inbox')).json().items.some((i: { request: { id: string } }) => i.request.id === created.id)).toBe(false);
  });

  it('sends a manager’s request on behalf of one of their people to the manager above', async () => {
    const created = await ask('per', 'mail', { forPersonId: person.nils, reason: 'Nils trenger e-post i ny rolle' });
    expect(created.forPerson.name).toBe('Nils Lærer');
    expect(created.steps[0]).toMatchObject({ kind: 'manager', approver: { name: 'Siri Sektorleder' }, escalation: 'own_request' });
    expect((await api('per', 'POST', `/api/requests/${created.id}/decision`, { decision: 'approved' })).statusCode).toBe(403);
    // Someone who is not their manager cannot ask on their behalf.
    const stranger = await api('gerd', 'POST', '/api/requests', { businessRoleId: role.teacher, forPersonId: person.nils, reason: 'Vil gi Nils tilgang' });
    expect(stranger.statusCode).toBe(403);
    expect((await api('siri', 'POST', `/api/requests/${created.id}/decision`, { decision: 'approved' })).json().state).toBe('approved');
  });

  it('routes approvals to a deputy during the period, while the manager keeps seeing them', async () => {
    const nextWeek = addDays(today, 7);
    // Per names Ola as deputy from next week; Per cannot name himself, Kari cannot name one for Per.
    expect((await api('per', 'POST', '/api/requests/deputies', { deputyPersonId: person.per, validFrom: nextWeek, validTo: addDays(nextWeek, 5) })).statusCode).toBe(400);
    expect((await api('kari', 'POST', '/api/requests/deputies', { managerPersonId: person.per, deputyPersonId: person.kari, validFrom: nextWeek, validTo: nextWeek })).statusCode).toBe(403);
    const named = await api('per', 'POST', '/api/requests/deputies', { deputyPersonId: person.ola, validFrom: nextWeek, validTo: addDays(nextWeek, 5), reason: 'Ferie' });
    expect(named.statusCode, named.body).toBe(201);
    expect(named.json()).toMatchObject({ manager: { name: 'Per Rektor' }, deputy: { name: 'Ola Kommunedirektør' }, active: false, canEdit: true });
    expect((await api('ola', 'GET', '/api/requests/deputies')).json().items).toHaveLength(1);

    setClock(today);
    const created = await ask('nils', 'teacher', { reason: 'Ny kontaktlærer etter ferien' });
    // Not yet in the period: the deputy sees nothing and may not decide (the request is hidden from them).
    expect((await api('ola', 'GET', '/api/requests/inbox/count')).json().count).toBe(0);
    expect((await api('ola', 'POST', `/api/requests/${created.id}/decision`, { decision: 'approved' })).statusCode).toBe(404);

    setClock(addDays(nextWeek, 1));
    const deputyInbox = (await api('ola', 'GET', '/api/requests/inbox')).json();
    const item = deputyInbox.items.find((i: { request: { id: string } }) => i.request.id === created.id);
    expect(item.asDeputyFor).toEqual({ id: person.per, name: 'Per Rektor' });
    expect(item.request.steps[0].deputies).toEqual([{ id: person.ola, name: 'Ola Kommunedirektør' }]);
    expect((await api('per', 'GET', '/api/requests/inbox')).json().items.some((i: { request: { id: string } }) => i.request.id === created.id)).toBe(true);
    const decided = await api('ola', 'POST', `/api/requests/${created.id}/decision`, { decision: 'approved', comment: 'Godkjent som stedfortreder' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().steps[0]).toMatchObject({ approver: { name: 'Per Rektor' }, decidedBy: { name: 'Ola Kommunedirektør' }, decision: 'approved' });

    // After the period the arrangement no longer applies.
    setClock(addDays(nextWeek, 6));
    expect((await api('ola', 'GET', '/api/requests/deputies')).json().items).toHaveLength(0);
    // The manager ends an arrangement; someone else cannot.
    resetClock();
    const other = await api('per', 'POST', '/api/requests/deputies', { deputyPersonId: person.siri, validFrom: today, validTo: today });
    expect((await api('siri', 'DELETE', `/api/requests/deputies/${other.json().id}`)).statusCode).toBe(403);
    expect((await api('per', 'DELETE', `/api/requests/deputies/${other.json().id}`)).statusCode).toBe(204);
  });

  it('keeps requests private to those involved', async () => {
    const mine = (await api('kari', 'GET', '/api/requests/mine')).json();
    const created = mine.items.find((r: { businessRole: { name: string }; state: string }) => r.businessRole.name === 'E-postbruker' && r.state === 'pending_manager');
    expect((await api('gerd', 'GET', `/api/requests/${created.id}`)).statusCode).toBe(404);
    expect((await api('per', 'GET', `/api/requests/${created.id}`)).statusCode).toBe(200);
    expect((await api('admin', 'GET', `/api/requests/${created.id}`)).statusCode).toBe(200);
    // An administrator who is not a person in the organisation can read requests, and gets 404 for unknown ids.
    const personless = await t.sessionHeaders('demo', 'admin');
    expect((await t.inject({ method: 'GET', url: `/api/requests/${created.id}`, headers: personless })).statusCode).toBe(200);
    expect((await t.inject({ method: 'GET', url: `/api/requests/${crypto.randomUUID()}`, headers: personless })).statusCode).toBe(404);
    expect((await t.inject({ method: 'GET', url: '/api/requests/mine', headers: personless })).statusCode).toBe(403);
    const stored = await t.database.db.select().from(accessRequests).where(and(eq(accessRequests.id, created.id), eq(accessRequests.forPersonId, person.kari!)));
    expect(stored).toHaveLength(1);
  });
});
