import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { auditEvents } from '../../server/src/modules/audit/tables.ts';
import { users } from '../../server/src/modules/auth/tables.ts';
import { listChanges, runDueChanges } from '../../server/src/modules/identity/lifecycle.ts';
import { guestSponsorships, hrImportRuns, identityNotices } from '../../server/src/modules/identity/tables.ts';
import { employments, orgUnits, persons, positions } from '../../server/src/modules/org/tables.ts';
import { resetClock, setClock } from '../../server/src/platform/clock.ts';
import { inTenant, systemActor } from '../../server/src/platform/database/tenant-scope.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

function multipart(fileName: string, content: string | Buffer) {
  const boundary = `grunnmur${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const header = 'ansattnummer;fornavn;etternavn;enhetskode;stilling;leder;startdato;sluttdato';

describe('identity lifecycle: HR file, future changes, names, guests', () => {
  let t: TestApp;
  let tenantId: string;
  let headers: Record<string, string>;
  const ids: Record<string, string> = {};

  const upload = (fileName: string, content: string | Buffer) => {
    const body = multipart(fileName, content);
    return t.inject({ method: 'POST', url: '/api/identity/hr/preview', headers: { ...headers, ...body.headers }, payload: body.payload });
  };

  const waitForJob = async (jobId: string) => {
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const job = (await t.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers })).json();
      if (job.state === 'completed' || job.state === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('job did not finish');
  };

  const personByNumber = async (number: string) =>
    (await t.database.db.select().from(persons).where(and(eq(persons.tenantId, tenantId), eq(persons.employeeNumber, number))))[0];
  const employmentsOf = async (personId: string) =>
    t.database.db.select().from(employments).where(eq(employments.personId, personId)).orderBy(employments.startDate);

  beforeAll(async () => {
    setClock('2026-11-23');
    t = await createTestApp({ workJobs: true });
    tenantId = await t.createTenant('livslop');
    headers = await t.tokenHeaders(tenantId, 'admin');
    const db = t.database.db;
    const [a, b] = await db
      .insert(orgUnits)
      .values([
        { tenantId, code: '1000', name: 'Oppvekst' },
        { tenantId, code: '2000', name: 'Helse' },
      ])
      .returning();
    ids.unitA = a!.id;
    ids.unitB = b!.id;
    const [position] = await db.insert(positions).values({ tenantId, title: 'Rådgiver' }).returning();
    const people = await db
      .insert(persons)
      .values([
        { tenantId, employeeNumber: '1', givenName: 'Kari', familyName: 'Nordmann', username: 'karnor', email: 'kari.nordmann@kommune.no' },
        { tenantId, employeeNumber: '2', givenName: 'Ola', familyName: 'Hansen', username: 'olahan', email: 'ola.hansen@kommune.no' },
        { tenantId, employeeNumber: '3', givenName: 'Per', familyName: 'Berg', username: 'perber', email: 'per.berg@kommune.no' },
      ])
      .returning();
    for (const person of people) ids[person.employeeNumber] = person.id;
    await db.insert(employments).values(
      people.map((person) => ({ tenantId, personId: person.id, orgUnitId: ids.unitA!, positionId: position!.id, startDate: '2020-01-01' })),
    );
  });

  afterAll(async () => {
    resetClock();
    await t.close();
  });

  it('previews joiners, movers, leavers and name changes from the full HR file, then applies them as a job', async () => {
    const file = [
      header,
      '1;Kari;Nordmann-Øvrebø;1000;Rådgiver;;2020-01-01;',
      '2;Ola;Hansen;2000;Rådgiver;1;2020-01-01;',
      '4;Åse;Ødegård;1000;Lærer;1;01.12.2026;',
    ].join('\n');
    const preview = await upload('hr.csv', file);
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body.counts).toMatchObject({ joiners: 1, movers: 1, nameChanges: 1, leavers: 1 });
    expect(body.leavers).toMatchObject([{ employeeNumber: '3', reason: 'absent', endDate: '2026-11-22' }]);
    // A third of the employees leave: the preview warns.
    expect(body.warning).toMatch(/1 av 3 ansatte/);
    // Nothing has changed yet.
    expect((await personByNumber('4'))).toBeUndefined();

    const applied = await t.inject({ method: 'POST', url: `/api/identity/hr/runs/${body.runId}/apply`, headers });
    expect(applied.statusCode, applied.body).toBe(202);
    const job = await waitForJob(applied.json().jobId);
    expect(job.state, job.error).toBe('completed');

    const joiner = await personByNumber('4');
    expect(joiner).toMatchObject({ givenName: 'Åse', familyName: 'Ødegård', username: 'aasode', email: 'aase.odegaard@kommune.no' });
    expect(await employmentsOf(joiner!.id)).toMatchObject([{ orgUnitId: ids.unitA, startDate: '2026-12-01', managerPersonId: ids['1'] }]);
    expect(await employmentsOf(ids['2']!)).toMatchObject([
      { orgUnitId: ids.unitA, endDate: '2026-11-22' },
      { orgUnitId: ids.unitB, startDate: '2026-11-23', endDate: null, managerPersonId: ids['1'] },
    ]);
    expect(await employmentsOf(ids['3']!)).toMatchObject([{ endDate: '2026-11-22' }]);
    expect(await personByNumber('1')).toMatchObject({ familyName: 'Nordmann-Øvrebø', username: 'karnor', email: 'kari.nordmann-ovrebo@kommune.no' });
    const [run] = await t.database.db.select().from(hrImportRuns).where(eq(hrImportRuns.id, body.runId));
    expect(run!.state).toBe('applied');
    // Applied once: a second apply is refused.
    expect((await t.inject({ method: 'POST', url: `/api/identity/hr/runs/${body.runId}/apply`, headers })).statusCode).toBe(409);
  });

  it('refuses a bad HR file with every problem by line and column, and changes nothing', async () => {
    const runsBefore = (await t.database.db.select({ n: count() }).from(hrImportRuns).where(eq(hrImportRuns.tenantId, tenantId)))[0]!.n;
    const peopleBefore = (await t.database.db.select({ n: count() }).from(persons).where(eq(persons.tenantId, tenantId)))[0]!.n;
    const file = [
      header,
      '1;Kari;Nordmann;1000;Rådgiver;;2020-01-01;',
      '1;Kari;Dobbel;1000;Rådgiver;;2020-01-01;',
      '5;;Uten fornavn;9999;Lærer;77;32.13.2026;',
      '6;Nils;Nilsen;1000;Lærer;;2026-01-01;2025-01-01',
    ].join('\n');
    const response = await upload('hr.csv', file);
    expect(response.statusCode, response.body).toBe(422);
    const problems = response.json().problems as { line: number; field: string; message: string }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 3, field: 'ansattnummer', message: 'Ansattnummeret «1» står også på linje 2' }),
        expect.objectContaining({ line: 4, field: 'fornavn', message: 'Må fylles ut' }),
        expect.objectContaining({ line: 4, field: 'startdato' }),
        expect.objectContaining({ line: 4, field: 'enhetskode', message: 'Enheten «9999» finnes ikke. Opprett den i organisasjonen først.' }),
        expect.objectContaining({ line: 4, field: 'leder', message: 'Fant ingen person med ansattnummer «77»' }),
        expect.objectContaining({ line: 5, field: 'sluttdato', message: 'Sluttdato kan ikke være før startdato' }),
      ]),
    );
    expect(response.json().detail).toMatch(/ingenting er endret/);
    expect((await t.database.db.select({ n: count() }).from(hrImportRuns).where(eq(hrImportRuns.tenantId, tenantId)))[0]!.n).toBe(runsBefore);
    expect((await t.database.db.select({ n: count() }).from(persons).where(eq(persons.tenantId, tenantId)))[0]!.n).toBe(peopleBefore);
  });

  it('carries out a future-dated transfer on its date, not before, and shows it to the manager until then', async () => {
    const created = await t.inject({
      method: 'POST',
      url: '/api/identity/scheduled-changes',
      headers,
      payload: { personId: ids['1'], kind: 'transfer', effectiveDate: '2027-02-01', newOrgUnitId: ids.unitB },
    });
    expect(created.statusCode, created.body).toBe(201);
    // The unit's leader is Kari's manager: she sees what is coming for her people.
    await t.database.db.update(orgUnits).set({ managerPersonId: ids['2'] }).where(eq(orgUnits.id, ids.unitA!));
    const coming = await inTenant(t.database.db, systemActor(tenantId), (tx) => listChanges(tx, { managerPersonId: ids['2'], state: 'pending' }));
    expect(coming).toMatchObject([{ personName: 'Kari Nordmann-Øvrebø', kind: 'transfer', effectiveDate: '2027-02-01', newUnitName: 'Helse' }]);

    setClock('2027-01-31');
    const early = await t.inject({ method: 'POST', url: '/api/identity/scheduled-changes/run', headers });
    expect(early.json()).toMatchObject({ today: '2027-01-31', changesDone: 0 });
    expect((await employmentsOf(ids['1']!)).filter((e) => e.endDate === null)).toMatchObject([{ orgUnitId: ids.unitA }]);

    setClock('2027-02-01');
    const onTheDay = await runDueChanges(t.database.db, systemActor(tenantId), '2027-02-01');
    expect(onTheDay).toMatchObject({ changesDone: 1, personIds: [ids['1']] });
    expect(await employmentsOf(ids['1']!)).toMatchObject([
      { orgUnitId: ids.unitA, endDate: '2027-01-31' },
      { orgUnitId: ids.unitB, startDate: '2027-02-01', endDate: null },
    ]);
    // Done once: the next run finds nothing due.
    expect((await runDueChanges(t.database.db, systemActor(tenantId), '2027-02-02')).changesDone).toBe(0);
    setClock('2026-11-23');
  });

  it('shows a manager the coming changes of their own people only, and refuses the full list to an employee', async () => {
    // Ola (person 2) leads unit A, where Kari works: a manager signed in as Ola sees Kari's change.
    await t.database.db.update(orgUnits).set({ managerPersonId: ids['2'] }).where(eq(orgUnits.id, ids.unitA!));
    const created = await t.inject({ method: 'POST', url: '/api/identity/scheduled-changes', headers, payload: { personId: ids['1'], kind: 'end', effectiveDate: '2027-06-30' } });
    expect(created.statusCode, created.body).toBe(201);
    const signIn = async (personId: string, role: 'manager' | 'employee') => {
      const [user] = await t.database.db.insert(users).values({ tenantId, displayName: `Test ${role}`, roles: [role], personId }).returning();
      const response = await t.inject({ method: 'POST', url: '/api/auth/demo-sign-in', payload: { tenant: 'livslop', userId: user!.id } });
      const cookie = response.cookies.find((c) => c.name === 'grunnmur_session')!;
      return { cookie: `grunnmur_session=${cookie.value}`, 'x-csrf-token': response.json().csrfToken as string };
    };
    const manager = await signIn(ids['2']!, 'manager');
    const mine = await t.inject({ method: 'GET', url: '/api/identity/scheduled-changes?scope=mine&state=pending', headers: manager });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject([{ personId: ids['1'], kind: 'end', effectiveDate: '2027-06-30' }]);
    const employee = await signIn(ids['1']!, 'employee');
    expect((await t.inject({ method: 'GET', url: '/api/identity/scheduled-changes?scope=all', headers: employee })).statusCode).toBe(403);
    expect((await t.inject({ method: 'GET', url: '/api/identity/scheduled-changes?scope=mine', headers: employee })).json()).toEqual([]);
    expect((await t.inject({ method: 'POST', url: '/api/identity/scheduled-changes', headers: employee, payload: { personId: ids['1'], kind: 'end', effectiveDate: '2027-07-01' } })).statusCode).toBe(403);
  });

  it('reads the HR file as XLSX as well, with the same checks', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('HR');
    sheet.addRow(header.split(';'));
    sheet.addRow(['1', 'Kari', 'Nordmann-Øvrebø', '2000', 'Rådgiver', null, new Date(Date.UTC(2020, 0, 1)), null]);
    sheet.addRow(['7', 'Xlsx', 'Person', '1000', 'Rådgiver', '99', '2026-12-01', null]);
    const response = await upload('hr.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().problems).toEqual([{ line: 3, field: 'leder', message: 'Fant ingen person med ansattnummer «99»' }]);
  });

  it('lets username and e-mail follow a name change by the tenant template, keeping the old ones in the audit log', async () => {
    const settings = await t.inject({
      method: 'PUT',
      url: '/api/identity/settings',
      headers,
      payload: { usernameTemplate: '{given}.{family}', emailTemplate: '{given}.{family}@{domain}', emailDomain: 'livslop.kommune.no', reservedWords: ['ola.berg'], guestReminderDays: 14 },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const bad = await t.inject({ method: 'PUT', url: '/api/identity/settings', headers, payload: { ...(settings.json() as Record<string, unknown>), emailTemplate: '{given}.{famliy}' } });
    expect(bad.statusCode).toBe(400);

    const renamed = await t.inject({ method: 'POST', url: `/api/identity/persons/${ids['2']}/name`, headers, payload: { givenName: 'Ola', familyName: 'Berg' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    // 'ola.berg' is reserved: the next free name is used, for the username and the address alike.
    expect(renamed.json()).toEqual({
      before: { username: 'olahan', email: 'ola.hansen@kommune.no' },
      after: { username: 'ola.berg2', email: 'ola.berg2@livslop.kommune.no' },
    });
    const history = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.entityType, 'persons'), eq(auditEvents.entityId, ids['2']!)));
    expect(history.some((event) => (event.before as { username?: string } | null)?.username === 'olahan')).toBe(true);
  });

  it('refuses a guest without an end date, ends the guest on it and reminds the sponsor before', async () => {
    const base = { givenName: 'Gunnar', familyName: 'Gjest', kind: 'consultant', sponsorPersonId: ids['1'], orgUnitId: ids.unitA };
    const refused = await t.inject({ method: 'POST', url: '/api/identity/guests', headers, payload: base });
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toMatch(/endDate/);

    const created = await t.inject({ method: 'POST', url: '/api/identity/guests', headers, payload: { ...base, endDate: '2026-12-31', purpose: 'Innføring av nytt fagsystem' } });
    expect(created.statusCode, created.body).toBe(201);
    const guestId = created.json().personId as string;
    expect(created.json()).toMatchObject({ username: 'gunnar.gjest', email: 'gunnar.gjest@livslop.kommune.no' });

    const reminded = await runDueChanges(t.database.db, systemActor(tenantId), '2026-12-20');
    expect(reminded.remindersSent).toBe(1);
    const notices = await t.database.db.select().from(identityNotices).where(eq(identityNotices.personId, ids['1']!));
    expect(notices).toMatchObject([{ kind: 'guest_ending', subjectPersonId: guestId }]);
    expect((await runDueChanges(t.database.db, systemActor(tenantId), '2026-12-21')).remindersSent).toBe(0);

    expect((await runDueChanges(t.database.db, systemActor(tenantId), '2026-12-31')).guestsEnded).toBe(0);
    const ended = await runDueChanges(t.database.db, systemActor(tenantId), '2027-01-01');
    expect(ended).toMatchObject({ guestsEnded: 1, personIds: [guestId] });
    const [sponsorship] = await t.database.db.select().from(guestSponsorships).where(eq(guestSponsorships.personId, guestId));
    expect(sponsorship!.endedAt).not.toBeNull();
    expect(await employmentsOf(guestId)).toMatchObject([{ endDate: '2026-12-31' }]);
  });
});
