import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systems } from '../../server/src/modules/catalogue/tables.ts';
import { employments, orgUnits, persons } from '../../server/src/modules/org/tables.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

describe('architecture map API', () => {
  let t: TestApp;
  let tenantId: string;
  let architect: Record<string, string>;
  let reader: Record<string, string>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    tenantId = await t.createTenant('kart');
    architect = await t.tokenHeaders(tenantId, 'architect');
    reader = await t.tokenHeaders(tenantId, 'employee');
    const db = t.database.db;
    const [unit] = await db.insert(orgUnits).values({ tenantId, code: 'BYGG', name: 'Byggesak' }).returning();
    const people = await db
      .insert(persons)
      .values([1, 2, 3].map((n) => ({ tenantId, employeeNumber: `E${n}`, givenName: `Ansatt${n}`, familyName: 'Test' })))
      .returning();
    await db.insert(employments).values(people.map((p) => ({ tenantId, personId: p.id, orgUnitId: unit!.id, startDate: '2020-01-01' })));
    const [sak] = await db.insert(systems).values({ tenantId, name: 'Saksbehandler', owningUnitId: unit!.id, criticality: 'high' }).returning();
    const [arkiv] = await db.insert(systems).values({ tenantId, name: 'Arkiv' }).returning();
    ids.sak = sak!.id;
    ids.arkiv = arkiv!.id;
  }, 120_000);
  afterAll(() => t?.close());

  it('creates an information object and offers it in the pick list other modules use', async () => {
    const created = await t.inject({
      method: 'POST',
      url: '/api/information-objects',
      headers: architect,
      payload: { name: 'Helseopplysninger', personalDataCategory: 'special', sensitivity: 'strictly_confidential', systemIds: [ids.sak] },
    });
    expect(created.statusCode).toBe(201);
    ids.helse = created.json().id;
    expect(created.json().systems).toEqual([{ id: ids.sak, name: 'Saksbehandler' }]);
    const list = await t.inject({ method: 'GET', url: '/api/information-objects?q=helse', headers: reader });
    expect(list.json().items.map((i: { id: string; name: string }) => ({ id: i.id, name: i.name }))).toEqual([{ id: ids.helse, name: 'Helseopplysninger' }]);
  });

  it('creates a service, an integration and technology, and refuses a stale edit', async () => {
    const service = await t.inject({ method: 'POST', url: '/api/services', headers: architect, payload: { name: 'Byggesøknad', systemIds: [ids.sak] } });
    expect(service.statusCode).toBe(201);
    ids.service = service.json().id;
    const integration = await t.inject({
      method: 'POST',
      url: '/api/integrations',
      headers: architect,
      payload: { name: 'Sak til arkiv', fromSystemId: ids.sak, toSystemId: ids.arkiv, kind: 'message_queue', mode: 'async', frequency: 'løpende', informationObjectIds: [ids.helse] },
    });
    expect(integration.statusCode).toBe(201);
    expect(integration.json().informationObjects).toEqual([{ id: ids.helse, name: 'Helseopplysninger' }]);
    const tech = await t.inject({ method: 'POST', url: '/api/technology', headers: architect, payload: { name: 'Azure Norway East', kind: 'cloud_service', systemIds: [ids.sak] } });
    expect(tech.statusCode).toBe(201);
    ids.tech = tech.json().id;
    const edit = await t.inject({ method: 'PUT', url: `/api/services/${ids.service}`, headers: architect, payload: { name: 'Byggesøknad', systemIds: [ids.sak], version: 1 } });
    expect(edit.statusCode).toBe(200);
    const stale = await t.inject({ method: 'PUT', url: `/api/services/${ids.service}`, headers: architect, payload: { name: 'Gammel', version: 1 } });
    expect(stale.statusCode).toBe(412);
  });

  it('does not let an employee change the model', async () => {
    const response = await t.inject({ method: 'POST', url: '/api/services', headers: reader, payload: { name: 'Ulovlig' } });
    expect(response.statusCode).toBe(403);
  });

  it('answers what if the case system is down, with paths, people and personal data', async () => {
    const response = await t.inject({ method: 'GET', url: `/api/map/down/${ids.sak}`, headers: reader });
    expect(response.statusCode).toBe(200);
    const answer = response.json();
    expect(answer.services.map((s: { name: string }) => s.name)).toEqual(['Byggesøknad']);
    expect(answer.services[0].path.map((s: { name: string }) => s.name)).toEqual(['Saksbehandler', 'Byggesøknad']);
    expect(answer.systems.map((s: { name: string }) => s.name)).toEqual(['Arkiv']);
    expect(answer.information.map((s: { name: string }) => s.name)).toEqual(['Helseopplysninger']);
    expect(answer.personalData).toEqual({ special: 1 });
    expect(answer.employeesAffected).toBe(3);
    expect(answer.employeesBasis).toBe('units');
  });

  it('sees a change at once: the cached graph follows the model version', async () => {
    await t.inject({ method: 'DELETE', url: `/api/services/${ids.service}`, headers: architect });
    const answer = (await t.inject({ method: 'GET', url: `/api/map/down/${ids.sak}`, headers: reader })).json();
    expect(answer.services).toEqual([]);
  });

  it('walks downstream from the technology back up with a depth limit', async () => {
    const up = (await t.inject({ method: 'GET', url: `/api/map/impact/${ids.tech}?direction=upstream&depth=1`, headers: reader })).json();
    expect(up.items.map((i: { name: string }) => i.name)).toEqual(['Saksbehandler']);
    expect(up.truncated).toBe(true);
  });

  it('draws the map around one object', async () => {
    const map = (await t.inject({ method: 'GET', url: `/api/map/graph?focus=${ids.sak}&depth=1`, headers: reader })).json();
    expect(map.nodes.map((n: { name: string }) => n.name).sort()).toEqual(['Azure Norway East', 'Helseopplysninger', 'Sak til arkiv', 'Saksbehandler']);
    const filtered = (await t.inject({ method: 'GET', url: '/api/map/graph?layers=system&criticality=high', headers: reader })).json();
    expect(filtered.nodes.map((n: { name: string }) => n.name)).toEqual(['Saksbehandler']);
  });

  it('imports Archisurance, keeps its views, exports it again and refuses a DOCTYPE', async () => {
    const xml = readFileSync(new URL('../../../shared/testdata/archimate/archisurance.xml', import.meta.url), 'utf8');
    const imported = await t.inject({ method: 'POST', url: '/api/map/archimate', headers: architect, payload: { xml } });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ elements: 122, relationships: 179, views: 18 });
    const views = (await t.inject({ method: 'GET', url: '/api/map/views', headers: reader })).json().items;
    expect(views).toHaveLength(18);
    const one = (await t.inject({ method: 'GET', url: `/api/map/views/${views[0].id}`, headers: reader })).json();
    expect(one.nodes.length).toBeGreaterThan(0);
    const exported = await t.inject({ method: 'GET', url: '/api/map/archimate', headers: reader });
    expect(exported.headers['content-type']).toContain('application/xml');
    expect(exported.body.match(/<element /g)!.length).toBeGreaterThanOrEqual(122);
    const evil = await t.inject({ method: 'POST', url: '/api/map/archimate', headers: architect, payload: { xml: '<!DOCTYPE x [<!ENTITY a "b">]><model/>' } });
    expect(evil.statusCode).toBe(422);
    expect(evil.headers['content-type']).toContain('problem+json');
  }, 120_000);

  it('saves a named map view that a colleague sees when shared', async () => {
    const mine = await t.sessionHeaders('kart', 'architect');
    const colleague = await t.sessionHeaders('kart', 'employee');
    const saved = await t.inject({ method: 'POST', url: '/api/map/saved-views', headers: mine, payload: { name: 'Byggesak', shared: true, settings: { focusId: ids.sak, depth: 2 } } });
    expect(saved.statusCode).toBe(201);
    const seen = (await t.inject({ method: 'GET', url: '/api/map/saved-views', headers: colleague })).json().items;
    expect(seen.map((v: { name: string; mine: boolean }) => [v.name, v.mine])).toEqual([['Byggesak', false]]);
    const notTheirs = await t.inject({ method: 'DELETE', url: `/api/map/saved-views/${saved.json().id}`, headers: colleague });
    expect(notTheirs.statusCode).toBe(404);
  });
});
