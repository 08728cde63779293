import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systems } from '../../server/src/modules/catalogue/tables.ts';
import { calendarDate } from '../../server/src/modules/org/rules/employment-status.ts';
import { employments, orgUnits, persons, positions } from '../../server/src/modules/org/tables.ts';
import { inTenant, systemActor } from '../../server/src/platform/database/tenant-scope.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const shiftDays = (days: number) => {
  const date = new Date(`${calendarDate()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/**
 * Demo kommune (1000) ─┬─ Oppvekst (2000) ─┬─ Ålgård skole (2100) ── SFO (2110)
 *                      │                   └─ Bø barnehage (2200)
 *                      └─ Helse (3000)
 */
describe('organisation API', () => {
  let t: TestApp;
  let tenantId: string;
  let admin: Record<string, string>;
  const unit: Record<string, string> = {};
  const person: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    tenantId = await t.createTenant('demo');
    admin = await t.tokenHeaders(tenantId, 'admin');
    await inTenant(t.database.db, systemActor(tenantId), async (tx) => {
      const addUnit = async (key: string, code: string, name: string, parentKey: string | null, kind = 'unit') => {
        const [row] = await tx
          .insert(orgUnits)
          .values({ tenantId, code, name, kind, parentId: parentKey ? unit[parentKey]! : null })
          .returning();
        unit[key] = row!.id;
      };
      await addUnit('root', '1000', 'Demo kommune', null, 'municipality');
      await addUnit('oppvekst', '2000', 'Oppvekst', 'root', 'sector');
      await addUnit('school', '2100', 'Ålgård skole', 'oppvekst', 'school');
      await addUnit('sfo', '2110', 'SFO', 'school');
      await addUnit('kindergarten', '2200', 'Bø barnehage', 'oppvekst', 'kindergarten');
      await addUnit('health', '3000', 'Helse', 'root', 'sector');

      const people = [
        ['director', '1001', 'Kari', 'Nordmann', 'kari.nordmann@demo.kommune.no'],
        ['principal', '1002', 'Øystein', 'Ås', 'oystein.as@demo.kommune.no'],
        ['teacher', '1003', 'Åse', 'Ærlighet', 'ase@demo.kommune.no'],
        ['assistant', '1004', 'Per', 'Hansen', null],
        ['mover', '1005', 'Liv', 'Berg', 'liv.berg@demo.kommune.no'],
        ['leaver', '1006', 'Ola', 'Dahl', null],
        ['consultant', '1007', 'Nils', 'Øren', null],
      ] as const;
      for (const [key, employeeNumber, givenName, familyName, email] of people) {
        const [row] = await tx.insert(persons).values({ tenantId, employeeNumber, givenName, familyName, email }).returning();
        person[key] = row!.id;
      }
      const [teacherPosition] = await tx.insert(positions).values({ tenantId, title: 'Lærer' }).returning();
      const [principalPosition] = await tx.insert(positions).values({ tenantId, title: 'Rektor' }).returning();
      await tx.insert(positions).values({ tenantId, title: 'Vaktmester' });

      await tx.update(orgUnits).set({ managerPersonId: person.director! }).where(eqId(unit.root!));
      await tx.update(orgUnits).set({ managerPersonId: person.principal! }).where(eqId(unit.school!));
      const employ = (key: string, unitKey: string, positionId: string | null, startDate: string, endDate: string | null = null, managerKey?: string) =>
        tx.insert(employments).values({
          tenantId,
          personId: person[key]!,
          orgUnitId: unit[unitKey]!,
          positionId,
          startDate,
          endDate,
          managerPersonId: managerKey ? person[managerKey]! : null,
        });
      await employ('director', 'root', null, '2015-01-01');
      await employ('principal', 'school', principalPosition!.id, '2018-08-01');
      await employ('teacher', 'school', teacherPosition!.id, '2019-08-01');
      await employ('assistant', 'sfo', null, '2021-08-01');
      // Liv moves from the school to the kindergarten next month.
      await employ('mover', 'school', teacherPosition!.id, '2020-08-01', shiftDays(30));
      await employ('mover', 'kindergarten', teacherPosition!.id, shiftDays(31));
      await employ('leaver', 'health', null, '2010-01-01', shiftDays(-1));
      // Nils works in Helse, which has no leader, and reports to the principal by name.
      await employ('consultant', 'health', null, '2024-01-01', null, 'principal');

      await tx.insert(systems).values([
        { tenantId, name: 'Visma Flyt Skole', owningUnitId: unit.oppvekst!, ownerPersonId: person.principal!, administratorPersonId: person.teacher! },
        { tenantId, name: 'Public 360', owningUnitId: unit.root!, ownerPersonId: person.director! },
      ]);
    });
  });
  afterAll(() => t.close());

  it('lists the tree flat with current headcounts and descendant counts', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/org/units', headers: admin });
    expect(response.statusCode).toBe(200);
    const byCode = Object.fromEntries(response.json().map((row: { code: string }) => [row.code, row]));
    expect(byCode['1000']).toMatchObject({ parentId: null, managerName: 'Kari Nordmann', employeeCount: 1, descendantCount: 5 });
    expect(byCode['2000']).toMatchObject({ parentId: unit.root, managerName: null, employeeCount: 0, descendantCount: 3 });
    // Principal, teacher and Liv (still there until her move); not yet Liv's future kindergarten job.
    expect(byCode['2100']).toMatchObject({ employeeCount: 3, descendantCount: 1 });
    expect(byCode['2200']).toMatchObject({ employeeCount: 0, descendantCount: 0 });
    // Nils; not Ola, whose employment ended yesterday.
    expect(byCode['3000']).toMatchObject({ employeeCount: 1 });
  });

  it('shows a unit with its path, children, current staff and owned systems', async () => {
    const response = await t.inject({ method: 'GET', url: `/api/org/units/${unit.school}`, headers: admin });
    expect(response.statusCode).toBe(200);
    const detail = response.json();
    expect(detail).toMatchObject({
      code: '2100',
      name: 'Ålgård skole',
      parent: { id: unit.oppvekst, name: 'Oppvekst' },
      manager: { id: person.principal, name: 'Øystein Ås' },
      children: [{ id: unit.sfo, name: 'SFO', code: '2110', kind: 'unit' }],
    });
    expect(detail.path.map((step: { name: string }) => step.name)).toEqual(['Demo kommune', 'Oppvekst', 'Ålgård skole']);
    // In Norwegian order: Berg, Ærlighet, Ås.
    expect(detail.employees).toEqual([
      { personId: person.mover, name: 'Liv Berg', employeeNumber: '1005', position: 'Lærer', isManager: false },
      { personId: person.teacher, name: 'Åse Ærlighet', employeeNumber: '1003', position: 'Lærer', isManager: false },
      { personId: person.principal, name: 'Øystein Ås', employeeNumber: '1002', position: 'Rektor', isManager: true },
    ]);
    const sector = (await t.inject({ method: 'GET', url: `/api/org/units/${unit.oppvekst}`, headers: admin })).json();
    expect(sector.systems).toEqual([{ id: expect.any(String), name: 'Visma Flyt Skole' }]);
  });

  it('answers 404 with a Norwegian message for a unit that does not exist', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/org/units/00000000-0000-4000-8000-000000000000', headers: admin });
    expect(response.statusCode).toBe(404);
    expect(response.json().detail).toBe('Fant ikke enheten.');
  });

  describe('finding people', () => {
    const names = async (query: string) => {
      const response = await t.inject({ method: 'GET', url: `/api/org/persons?${query}`, headers: admin });
      expect(response.statusCode).toBe(200);
      // The database's collation decides where Æ, Ø and Å sort, so compare as sets.
      return response.json().items.map((item: { name: string }) => item.name).sort();
    };

    it('searches names regardless of case, Norwegian letters included', async () => {
      expect(await names(`search=${encodeURIComponent('øYSTEIN')}`)).toEqual(['Øystein Ås']);
      expect(await names(`search=${encodeURIComponent('æRLIG')}`)).toEqual(['Åse Ærlighet']);
      expect(await names(`search=${encodeURIComponent('kari nord')}`)).toEqual(['Kari Nordmann']);
    });

    it('searches employee numbers and e-mail addresses', async () => {
      expect(await names('search=1004')).toEqual(['Per Hansen']);
      expect(await names('search=LIV.BERG%40demo')).toEqual(['Liv Berg']);
    });

    it('treats % and _ in a search as plain characters', async () => {
      expect(await names('search=%25')).toEqual([]);
    });

    it('shows each person with the unit and position of the current employment', async () => {
      const page = (await t.inject({ method: 'GET', url: '/api/org/persons?search=1005', headers: admin })).json();
      expect(page).toMatchObject({ total: 1, page: 1, pageSize: 50 });
      expect(page.items[0]).toMatchObject({ employeeNumber: '1005', position: 'Lærer', unit: { id: unit.school, name: 'Ålgård skole' } });
    });

    it('filters by a unit alone or with everything below it', async () => {
      expect(await names(`unitId=${unit.school}`)).toEqual(['Liv Berg', 'Åse Ærlighet', 'Øystein Ås'].sort());
      expect(await names(`unitId=${unit.oppvekst}&includeSubunits=true`)).toEqual(['Liv Berg', 'Per Hansen', 'Åse Ærlighet', 'Øystein Ås'].sort());
      expect(await names(`unitId=${unit.oppvekst}`)).toEqual([]);
      // Ola's employment in Helse has ended.
      expect(await names(`unitId=${unit.health}&includeSubunits=true`)).toEqual(['Nils Øren']);
    });

    it('pages through the list and reports the total', async () => {
      const page = (await t.inject({ method: 'GET', url: '/api/org/persons?pageSize=2&page=2', headers: admin })).json();
      expect(page.total).toBe(7);
      expect(page.items).toHaveLength(2);
      expect(page.page).toBe(2);
    });

    it('reports the total of a filtered list on every page, also past the end', async () => {
      const page = async (n: number) =>
        (await t.inject({ method: 'GET', url: `/api/org/persons?search=demo.kommune&pageSize=3&page=${n}`, headers: admin })).json();
      expect(await page(1)).toMatchObject({ total: 4, items: [{}, {}, {}] });
      expect(await page(2)).toMatchObject({ total: 4, items: [{}] });
      expect(await page(3)).toMatchObject({ total: 4, items: [] });
    });
  });

  describe("a person's page", () => {
    it('marks employments as past, current or future', async () => {
      const mover = (await t.inject({ method: 'GET', url: `/api/org/persons/${person.mover}`, headers: admin })).json();
      expect(mover.employments.map((e: { unit: { name: string }; status: string }) => [e.unit.name, e.status])).toEqual([
        ['Bø barnehage', 'future'],
        ['Ålgård skole', 'current'],
      ]);
      const leaver = (await t.inject({ method: 'GET', url: `/api/org/persons/${person.leaver}`, headers: admin })).json();
      expect(leaver.employments[0]).toMatchObject({ status: 'past', endDate: shiftDays(-1), position: null });
      expect(leaver.manager).toBeNull();
    });

    it('takes the manager from the unit leader, and for a leader from the unit above', async () => {
      const teacher = (await t.inject({ method: 'GET', url: `/api/org/persons/${person.teacher}`, headers: admin })).json();
      expect(teacher.manager).toEqual({ id: person.principal, name: 'Øystein Ås' });
      expect(teacher.administeredSystems).toEqual([{ id: expect.any(String), name: 'Visma Flyt Skole' }]);
      // SFO has no leader, so its staff report to the school's.
      const assistant = (await t.inject({ method: 'GET', url: `/api/org/persons/${person.assistant}`, headers: admin })).json();
      expect(assistant.manager).toEqual({ id: person.principal, name: 'Øystein Ås' });
      const principal = (await t.inject({ method: 'GET', url: `/api/org/persons/${person.principal}`, headers: admin })).json();
      expect(principal.manager).toEqual({ id: person.director, name: 'Kari Nordmann' });
      expect(principal.ownedSystems).toEqual([{ id: expect.any(String), name: 'Visma Flyt Skole' }]);
      // Norwegian order; Per works in the leaderless SFO below the school, Nils names the principal.
      expect(principal.directReports.map((r: { name: string }) => r.name)).toEqual(['Liv Berg', 'Per Hansen', 'Åse Ærlighet', 'Nils Øren']);
    });

    it('takes the manager named on the employment over the unit leader', async () => {
      const consultant = (await t.inject({ method: 'GET', url: `/api/org/persons/${person.consultant}`, headers: admin })).json();
      expect(consultant.manager).toEqual({ id: person.principal, name: 'Øystein Ås' });
      expect(consultant.employments[0].manager).toEqual({ id: person.principal, name: 'Øystein Ås' });
    });

    it('lists as direct reports exactly the people whose manager the person is', async () => {
      const director = (await t.inject({ method: 'GET', url: `/api/org/persons/${person.director}`, headers: admin })).json();
      expect(director.manager).toBeNull();
      expect(director.directReports).toEqual([{ id: person.principal, name: 'Øystein Ås', position: 'Rektor' }]);
      for (const key of ['principal', 'teacher', 'assistant', 'mover', 'consultant']) {
        const detail = (await t.inject({ method: 'GET', url: `/api/org/persons/${person[key]}`, headers: admin })).json();
        const manager = (await t.inject({ method: 'GET', url: `/api/org/persons/${detail.manager.id}`, headers: admin })).json();
        expect(manager.directReports.map((r: { id: string }) => r.id), key).toContain(person[key]);
      }
    });

    it('updates a person and records it in their history', async () => {
      const response = await t.inject({
        method: 'PUT',
        url: `/api/org/persons/${person.assistant}`,
        headers: admin,
        payload: { givenName: 'Per', familyName: 'Hansen-Øvrebø', email: 'per@demo.kommune.no', kind: 'consultant' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ name: 'Per Hansen-Øvrebø', kind: 'consultant', email: 'per@demo.kommune.no' });
      const history = (await t.inject({ method: 'GET', url: `/api/history/persons/${person.assistant}`, headers: admin })).json();
      expect(history[0]).toMatchObject({ action: 'update', changedFields: ['email', 'family_name', 'kind'] });
    });

    it('refuses an invalid e-mail address in Norwegian', async () => {
      const response = await t.inject({
        method: 'PUT',
        url: `/api/org/persons/${person.assistant}`,
        headers: admin,
        payload: { givenName: 'Per', familyName: 'Hansen', email: 'ikke-en-adresse', kind: 'employee' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().problems).toContainEqual({ field: 'email', message: 'Ugyldig e-postadresse' });
    });
  });

  it('lists positions with how many hold each now', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/org/positions', headers: admin });
    expect(response.json().map((p: { title: string; count: number }) => [p.title, p.count])).toEqual([
      ['Lærer', 2],
      ['Rektor', 1],
      ['Vaktmester', 0],
    ]);
  });

  describe('changing the tree', () => {
    it('creates a unit under a parent', async () => {
      const response = await t.inject({
        method: 'POST',
        url: '/api/org/units',
        headers: admin,
        payload: { code: '3100', name: 'Hjemmetjenesten', kind: 'department', parentId: unit.health, managerPersonId: null },
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ name: 'Hjemmetjenesten', parent: { id: unit.health }, path: [{}, {}, {}] });
      unit.homeCare = response.json().id;
    });

    it('refuses a code that another unit has', async () => {
      const response = await t.inject({
        method: 'POST',
        url: '/api/org/units',
        headers: admin,
        payload: { code: '2100', name: 'Ny skole', kind: 'school', parentId: unit.oppvekst, managerPersonId: null },
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().detail).toBe('Koden 2100 er allerede brukt av enheten Ålgård skole.');
    });

    it('moves a unit and shows the move in its history', async () => {
      const response = await t.inject({ method: 'POST', url: `/api/org/units/${unit.sfo}/move`, headers: admin, payload: { parentId: unit.oppvekst } });
      expect(response.statusCode).toBe(200);
      expect(response.json().parent).toEqual({ id: unit.oppvekst, name: 'Oppvekst' });
      const history = (await t.inject({ method: 'GET', url: `/api/history/org_units/${unit.sfo}`, headers: admin })).json();
      expect(history[0]).toMatchObject({ action: 'update', changedFields: ['parent_id'], actorName: 'API: test-admin' });
      expect(history[0].before.parent_id).toBe(unit.school);
      expect(history[0].after.parent_id).toBe(unit.oppvekst);
    });

    it('refuses to move a unit under one of its own sub-units', async () => {
      const response = await t.inject({ method: 'POST', url: `/api/org/units/${unit.oppvekst}/move`, headers: admin, payload: { parentId: unit.school } });
      expect(response.statusCode).toBe(409);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().detail).toBe('Enheten kan ikke flyttes inn under en av sine egne underenheter.');
      const self = await t.inject({ method: 'POST', url: `/api/org/units/${unit.school}/move`, headers: admin, payload: { parentId: unit.school } });
      expect(self.statusCode).toBe(409);
      const unchanged = (await t.inject({ method: 'GET', url: `/api/org/units/${unit.oppvekst}`, headers: admin })).json();
      expect(unchanged.parent).toEqual({ id: unit.root, name: 'Demo kommune' });
    });

    it('refuses the same cycle when it comes through an edit of the unit', async () => {
      const response = await t.inject({
        method: 'PUT',
        url: `/api/org/units/${unit.root}`,
        headers: admin,
        payload: { code: '1000', name: 'Demo kommune', kind: 'municipality', parentId: unit.health, managerPersonId: person.director },
      });
      expect(response.statusCode).toBe(409);
    });

    it('renames a unit and changes its leader', async () => {
      const response = await t.inject({
        method: 'PUT',
        url: `/api/org/units/${unit.kindergarten}`,
        headers: admin,
        payload: { code: '2200', name: 'Bø barnehage og SFO', kind: 'kindergarten', parentId: unit.oppvekst, managerPersonId: person.teacher },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ name: 'Bø barnehage og SFO', manager: { id: person.teacher, name: 'Åse Ærlighet' } });
    });

    it('refuses to delete a unit that has sub-units or employments, past ones included', async () => {
      for (const key of ['oppvekst', 'school', 'health']) {
        const response = await t.inject({ method: 'DELETE', url: `/api/org/units/${unit[key]}`, headers: admin });
        expect(response.statusCode).toBe(409);
        expect(response.json().detail).toBe('Enheten har ansatte eller underenheter og kan ikke slettes.');
      }
    });

    it('deletes an empty unit', async () => {
      const response = await t.inject({ method: 'DELETE', url: `/api/org/units/${unit.homeCare}`, headers: admin });
      expect(response.statusCode).toBe(204);
      const gone = await t.inject({ method: 'GET', url: `/api/org/units/${unit.homeCare}`, headers: admin });
      expect(gone.statusCode).toBe(404);
    });
  });

  it('describes the org API in the OpenAPI document', async () => {
    const document = (await t.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/org/units', '/api/org/units/{id}', '/api/org/units/{id}/move', '/api/org/persons', '/api/org/persons/{id}', '/api/org/positions']),
    );
    const parameters = document.paths['/api/org/persons'].get.parameters.map((p: { name: string }) => p.name);
    expect(parameters).toEqual(expect.arrayContaining(['search', 'unitId', 'includeSubunits', 'page', 'pageSize']));
  });

  describe('the cached tree', () => {
    const tree = async (extra: Record<string, string> = {}) => t.inject({ method: 'GET', url: '/api/org/units', headers: { ...admin, ...extra } });
    const byCode = (response: Awaited<ReturnType<typeof tree>>) =>
      Object.fromEntries(response.json().map((row: { code: string }) => [row.code, row]));

    it('answers 304 while the tree is unchanged', async () => {
      const first = await tree();
      expect(first.headers.etag).toBeTruthy();
      const again = await tree({ 'if-none-match': first.headers.etag as string });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    });

    it('sends the tree gzipped to a client that accepts it', async () => {
      const plain = await tree();
      const zipped = await tree({ 'accept-encoding': 'gzip, deflate, br' });
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(JSON.parse(gunzipSync(zipped.rawPayload).toString())).toEqual(plain.json());
    });

    it('shows a move at once', async () => {
      const before = await tree();
      const descendantsBefore = byCode(before)['2000'].descendantCount;
      await t.inject({ method: 'POST', url: `/api/org/units/${unit.kindergarten}/move`, headers: admin, payload: { parentId: unit.health } });
      const after = await tree({ 'if-none-match': before.headers.etag as string });
      expect(after.statusCode).toBe(200);
      expect(byCode(after)['2000'].descendantCount).toBe(descendantsBefore - 1);
      expect(byCode(after)['3000'].descendantCount).toBe(1);
    });

    it('shows employments and names written by other means (an import) at once', async () => {
      const before = byCode(await tree());
      await inTenant(t.database.db, systemActor(tenantId), async (tx) => {
        await tx.insert(employments).values({ tenantId, personId: person.leaver!, orgUnitId: unit.health!, startDate: '2025-01-01' });
        await tx.update(persons).set({ givenName: 'Karianne' }).where(eq(persons.id, person.director!));
      });
      const after = byCode(await tree());
      expect(after['3000'].employeeCount).toBe(before['3000'].employeeCount + 1);
      expect(after['1000'].managerName).toBe('Karianne Nordmann');
    });
  });

  describe('permissions', () => {
    it('lets an employee read the organisation but not change it', async () => {
      const employee = await t.tokenHeaders(tenantId, 'employee');
      expect((await t.inject({ method: 'GET', url: '/api/org/units', headers: employee })).statusCode).toBe(200);
      const writes = [
        { method: 'POST', url: '/api/org/units', payload: { code: '9000', name: 'X', kind: 'unit', parentId: null, managerPersonId: null } },
        { method: 'PUT', url: `/api/org/units/${unit.health}`, payload: { code: '3000', name: 'X', kind: 'unit', parentId: null, managerPersonId: null } },
        { method: 'POST', url: `/api/org/units/${unit.health}/move`, payload: { parentId: null } },
        { method: 'DELETE', url: `/api/org/units/${unit.sfo}` },
        { method: 'PUT', url: `/api/org/persons/${person.teacher}`, payload: { givenName: 'X', familyName: 'Y', email: null, kind: 'employee' } },
      ] as const;
      for (const write of writes) {
        const response = await t.inject({ ...write, headers: employee });
        expect(response.statusCode, `${write.method} ${write.url}`).toBe(403);
      }
      const health = (await t.inject({ method: 'GET', url: `/api/org/units/${unit.health}`, headers: admin })).json();
      expect(health).toMatchObject({ name: 'Helse', parent: { id: unit.root } });
    });

    it('does not show another municipality’s units or people', async () => {
      const otherTenant = await t.createTenant('nabo');
      const neighbour = await t.tokenHeaders(otherTenant, 'admin');
      expect((await t.inject({ method: 'GET', url: '/api/org/units', headers: neighbour })).json()).toEqual([]);
      expect((await t.inject({ method: 'GET', url: `/api/org/units/${unit.school}`, headers: neighbour })).statusCode).toBe(404);
      expect((await t.inject({ method: 'GET', url: `/api/org/persons/${person.teacher}`, headers: neighbour })).statusCode).toBe(404);
      expect((await t.inject({ method: 'GET', url: '/api/org/persons', headers: neighbour })).json().total).toBe(0);
      const move = await t.inject({ method: 'POST', url: `/api/org/units/${unit.sfo}/move`, headers: neighbour, payload: { parentId: null } });
      expect(move.statusCode).toBe(404);
    });
  });
});

function eqId(id: string) {
  return eq(orgUnits.id, id);
}
