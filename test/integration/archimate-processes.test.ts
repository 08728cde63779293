import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessRoles } from '../../server/src/modules/access/tables.ts';
import { systems } from '../../server/src/modules/catalogue/tables.ts';
import { differences, parseArchimate } from '../../server/src/modules/map/archimate/model.ts';
import { archimateIdentifiers, modelElements, modelRelations, serviceProcesses, services } from '../../server/src/modules/map/tables.ts';
import { processes, processVersions } from '../../server/src/modules/processes/tables.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** Building-permit work in ArchiMate: two processes, a role, a system, a service and an outside actor. */
const exchangeFile = `<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="id-byggesak">
  <name xml:lang="nb">Byggesak</name>
  <elements>
    <element identifier="id-behandle" xsi:type="BusinessProcess">
      <name xml:lang="nb">Behandle byggesøknad</name>
      <documentation xml:lang="nb">Fra mottatt søknad til vedtak</documentation>
      <properties><property propertyDefinitionRef="pd-frist"><value xml:lang="nb">12 uker</value></property></properties>
    </element>
    <element identifier="id-registrere" xsi:type="BusinessProcess"><name xml:lang="nb">Registrere søknad</name></element>
    <element identifier="id-saksbehandler" xsi:type="BusinessRole">
      <name xml:lang="nb">Saksbehandler byggesak</name>
      <documentation xml:lang="nb">Behandler søknader om tillatelse</documentation>
    </element>
    <element identifier="id-sakssystem" xsi:type="ApplicationComponent"><name xml:lang="nb">Sakssystem</name></element>
    <element identifier="id-byggesoknad" xsi:type="BusinessService"><name xml:lang="nb">Byggesøknad</name></element>
    <element identifier="id-etaten" xsi:type="BusinessActor"><name xml:lang="nb">Plan- og bygningsetaten</name></element>
  </elements>
  <relationships>
    <relationship identifier="id-r-del" xsi:type="Composition" source="id-behandle" target="id-registrere"><name xml:lang="nb">består av</name></relationship>
    <relationship identifier="id-r-leverer" xsi:type="Realization" source="id-behandle" target="id-byggesoknad"/>
    <relationship identifier="id-r-brukes" xsi:type="Serving" source="id-sakssystem" target="id-registrere"/>
    <relationship identifier="id-r-utfores" xsi:type="Assignment" source="id-saksbehandler" target="id-behandle"/>
    <relationship identifier="id-r-har-rolle" xsi:type="Assignment" source="id-etaten" target="id-saksbehandler"/>
  </relationships>
  <propertyDefinitions>
    <propertyDefinition identifier="pd-frist" type="string"><name xml:lang="nb">Frist</name></propertyDefinition>
  </propertyDefinitions>
  <views>
    <diagrams>
      <view identifier="id-v-byggesak" xsi:type="Diagram">
        <name xml:lang="nb">Byggesak</name>
        <node identifier="n-behandle" elementRef="id-behandle" xsi:type="Element" x="10" y="20" w="120" h="55">
          <node identifier="n-registrere" elementRef="id-registrere" xsi:type="Element" x="20" y="30" w="90" h="40"/>
        </node>
        <node identifier="n-rolle" elementRef="id-saksbehandler" xsi:type="Element" x="200" y="20" w="120" h="55"/>
        <node identifier="n-system" elementRef="id-sakssystem" xsi:type="Element" x="200" y="200" w="120" h="55"/>
        <connection identifier="c-utfores" relationshipRef="id-r-utfores" xsi:type="Relationship" source="n-rolle" target="n-behandle"/>
        <connection identifier="c-brukes" relationshipRef="id-r-brukes" xsi:type="Relationship" source="n-system" target="n-registrere"/>
      </view>
    </diagrams>
  </views>
</model>`;

describe('ArchiMate business processes and roles as our processes and business roles', () => {
  let t: TestApp;
  let tenantId: string;
  let admin: Record<string, string>;
  const id = { behandle: '', registrere: '', role: '', service: '', system: '' };

  const importFile = async (headers: Record<string, string>, xml: string) => {
    const response = await t.inject({ method: 'POST', url: '/api/map/archimate', headers, payload: { xml } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const rowsOf = async (tenant: string) => {
    const db = t.database.db;
    return {
      processes: await db.select().from(processes).where(eq(processes.tenantId, tenant)),
      versions: await db.select().from(processVersions).where(eq(processVersions.tenantId, tenant)),
      roles: await db.select().from(businessRoles).where(eq(businessRoles.tenantId, tenant)),
      serviceProcesses: await db.select().from(serviceProcesses).where(eq(serviceProcesses.tenantId, tenant)),
      relations: await db.select().from(modelRelations).where(eq(modelRelations.tenantId, tenant)),
      elements: await db.select().from(modelElements).where(eq(modelElements.tenantId, tenant)),
    };
  };

  beforeAll(async () => {
    t = await createTestApp();
    tenantId = await t.createTenant('arkimate-prosess');
    admin = await t.tokenHeaders(tenantId, 'admin');
  }, 120_000);
  afterAll(() => t?.close());

  it('imports processes as drafts in their hierarchy, the role as a business role and the links our model has', async () => {
    const result = await importFile(admin, exchangeFile);
    expect(result).toMatchObject({ elements: 6, relationships: 5, views: 1, created: 6, mapped: { process: 2, role: 1, system: 1, service: 1, element: 1 } });

    const rows = await rowsOf(tenantId);
    const behandle = rows.processes.find((p) => p.name === 'Behandle byggesøknad')!;
    const registrere = rows.processes.find((p) => p.name === 'Registrere søknad')!;
    id.behandle = behandle.id;
    id.registrere = registrere.id;
    expect(behandle).toMatchObject({ parentId: null, level: 'process', purpose: 'Fra mottatt søknad til vedtak' });
    expect(registrere).toMatchObject({ parentId: behandle.id, level: 'subprocess' });
    expect(rows.versions.map((v) => [v.processId, v.version, v.state]).sort()).toEqual([[behandle.id, 1, 'draft'], [registrere.id, 1, 'draft']].sort());

    expect(rows.roles.map((r) => [r.name, r.description])).toEqual([['Saksbehandler byggesak', 'Behandler søknader om tillatelse']]);
    id.role = rows.roles[0]!.id;
    const [service] = await t.database.db.select().from(services).where(eq(services.tenantId, tenantId));
    const [system] = await t.database.db.select().from(systems).where(and(eq(systems.tenantId, tenantId), eq(systems.name, 'Sakssystem')));
    id.service = service!.id;
    id.system = system!.id;
    expect(rows.serviceProcesses.map((l) => [l.serviceId, l.processId])).toEqual([[service!.id, behandle.id]]);

    // No table links a role or a system to a process outside a BPMN diagram: kept as model relations.
    expect(rows.relations.map((r) => [r.type, r.sourceKind, r.sourceId, r.targetKind, r.targetId]).sort()).toEqual(
      [
        ['Assignment', 'role', id.role, 'process', behandle.id],
        ['Serving', 'system', system!.id, 'process', registrere.id],
        ['Assignment', 'element', rows.elements[0]!.id, 'role', id.role],
      ].sort(),
    );
    expect(rows.elements.map((e) => [e.type, e.name])).toEqual([['BusinessActor', 'Plan- og bygningsetaten']]);
  }, 60_000);

  it('shows the imported processes and role on their layers of the map, with the role performing the process', async () => {
    const map = (await t.inject({ method: 'GET', url: `/api/map/graph?focus=${id.behandle}&depth=1`, headers: admin })).json();
    const kinds = Object.fromEntries(map.nodes.map((n: { name: string; kind: string }) => [n.name, n.kind]));
    expect(kinds).toMatchObject({ 'Behandle byggesøknad': 'process', 'Registrere søknad': 'process', 'Saksbehandler byggesak': 'role', Byggesøknad: 'service' });
    const edges = map.edges.map((e: { source: string; target: string; type: string }) => [e.source, e.target, e.type]);
    expect(edges).toContainEqual([id.behandle, id.role, 'performed_by']);
    expect(edges).toContainEqual([id.behandle, id.registrere, 'has_part']);
    expect(edges).toContainEqual([id.service, id.behandle, 'realised_by']);
  });

  it('follows the imported processes in "what if the system is down", up to the service', async () => {
    const answer = (await t.inject({ method: 'GET', url: `/api/map/down/${id.system}`, headers: admin })).json();
    expect(answer.processes.map((p: { name: string }) => p.name).sort()).toEqual(['Behandle byggesøknad', 'Registrere søknad']);
    expect(answer.services.map((s: { name: string }) => s.name)).toEqual(['Byggesøknad']);
    expect(answer.services[0].path.map((s: { name: string }) => s.name)).toEqual(['Sakssystem', 'Registrere søknad', 'Behandle byggesøknad', 'Byggesøknad']);
    const matrix = (await t.inject({ method: 'GET', url: '/api/map/matrices/processes-systems', headers: admin }));
    expect(matrix.statusCode).toBe(200);
    expect(JSON.stringify(matrix.json())).toContain('Registrere søknad');
  });

  it('names the processes and role a stored view shows', async () => {
    const [view] = (await t.inject({ method: 'GET', url: '/api/map/views', headers: admin })).json().items;
    const one = (await t.inject({ method: 'GET', url: `/api/map/views/${view.id}`, headers: admin })).json();
    expect(one.elements['id-behandle']).toEqual({ name: 'Behandle byggesøknad', type: 'BusinessProcess', kind: 'process', id: id.behandle });
    expect(one.elements['id-saksbehandler']).toEqual({ name: 'Saksbehandler byggesak', type: 'BusinessRole', kind: 'role', id: id.role });
  });

  it('updates rather than duplicates when the same file comes again, even after an edit here', async () => {
    await t.database.db.update(processes).set({ name: 'Omdøpt her' }).where(eq(processes.id, id.behandle));
    const before = await rowsOf(tenantId);
    const result = await importFile(admin, exchangeFile);
    expect(result).toMatchObject({ created: 0, updated: 6 });
    const after = await rowsOf(tenantId);
    for (const key of ['processes', 'versions', 'roles', 'serviceProcesses', 'relations', 'elements'] as const) expect(after[key], key).toHaveLength(before[key].length);
    expect(after.processes.find((p) => p.id === id.behandle)?.name).toBe('Behandle byggesøknad');
  });

  it('exports processes and roles as the same ArchiMate types with their relations and view, and the export imports again to the same model', async () => {
    const exported = await t.inject({ method: 'GET', url: '/api/map/archimate', headers: admin });
    const model = parseArchimate(exported.body);
    expect(differences(parseArchimate(exchangeFile), model)).toEqual([]);

    const otherTenant = await t.createTenant('arkimate-prosess-2');
    const other = await t.tokenHeaders(otherTenant, 'admin');
    await importFile(other, exported.body);
    const rows = await rowsOf(otherTenant);
    expect(rows.processes.map((p) => p.name).sort()).toEqual(['Behandle byggesøknad', 'Registrere søknad']);
    expect(rows.roles.map((r) => r.name)).toEqual(['Saksbehandler byggesak']);
    expect(rows.serviceProcesses).toHaveLength(1);
    const again = await t.inject({ method: 'GET', url: '/api/map/archimate', headers: other });
    expect(differences(model, parseArchimate(again.body))).toEqual([]);
  }, 60_000);

  it('takes a business role of the same name as the same role, and keeps a second element of that name generic', async () => {
    const tenant = await t.createTenant('arkimate-rolle');
    const [existing] = await t.database.db.insert(businessRoles).values({ tenantId: tenant, name: 'Arkivar', description: 'Fra tilgangsstyringen' }).returning();
    const twoOfAName = `<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="id-roller">
  <name xml:lang="nb">Roller</name>
  <elements>
    <element identifier="id-arkivar-1" xsi:type="BusinessRole"><name xml:lang="nb">Arkivar</name><documentation xml:lang="nb">Fra Archi</documentation></element>
    <element identifier="id-arkivar-2" xsi:type="BusinessRole"><name xml:lang="nb">Arkivar</name></element>
  </elements>
</model>`;
    const headers = await t.tokenHeaders(tenant, 'admin');
    expect(await importFile(headers, twoOfAName)).toMatchObject({ mapped: { role: 1, element: 1 } });
    const rows = await rowsOf(tenant);
    expect(rows.roles.map((r) => [r.id, r.description])).toEqual([[existing!.id, 'Fra Archi']]);
    expect(rows.elements.map((e) => [e.type, e.name])).toEqual([['BusinessRole', 'Arkivar']]);
    expect(await importFile(headers, twoOfAName)).toMatchObject({ created: 0, mapped: { role: 1, element: 1 } });
    const exported = parseArchimate((await t.inject({ method: 'GET', url: '/api/map/archimate', headers })).body);
    expect(differences(parseArchimate(twoOfAName), exported)).toEqual([]);
  }, 60_000);

  it('turns a process an earlier import kept as a generic element into a process, without leaving the generic copy', async () => {
    const tenant = await t.createTenant('arkimate-oppgradering');
    const db = t.database.db;
    const [old] = await db.insert(modelElements).values({ tenantId: tenant, type: 'BusinessProcess', name: 'Fakturere' }).returning();
    await db.insert(archimateIdentifiers).values({ tenantId: tenant, identifier: 'id-fakturere', objectKind: 'element', objectId: old!.id, archimateType: 'BusinessProcess' });
    const file = `<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="id-faktura">
  <name xml:lang="nb">Faktura</name>
  <elements><element identifier="id-fakturere" xsi:type="BusinessProcess"><name xml:lang="nb">Fakturere</name></element></elements>
</model>`;
    expect(await importFile(await t.tokenHeaders(tenant, 'admin'), file)).toMatchObject({ created: 1, mapped: { process: 1 } });
    const rows = await rowsOf(tenant);
    expect(rows.elements).toEqual([]);
    expect(rows.processes.map((p) => p.name)).toEqual(['Fakturere']);
  }, 60_000);

  it('exports a hierarchy drawn here as a composition and places it again on import', async () => {
    const [area] = await t.database.db.insert(processes).values({ tenantId, level: 'area', name: 'Plan og bygg' }).returning();
    await t.database.db.update(processes).set({ parentId: area!.id }).where(eq(processes.id, id.behandle));
    const exported = parseArchimate((await t.inject({ method: 'GET', url: '/api/map/archimate', headers: admin })).body);
    const composition = exported.relationships.find((r) => r.target === 'id-behandle' && r.type === 'Composition');
    expect(composition).toMatchObject({ identifier: `id-parent-${id.behandle}`, source: `id-${area!.id}` });
    expect(exported.elements.find((e) => e.identifier === `id-${area!.id}`)?.type).toBe('BusinessProcess');

    const copy = await t.createTenant('arkimate-prosess-3');
    await importFile(await t.tokenHeaders(copy, 'admin'), (await t.inject({ method: 'GET', url: '/api/map/archimate', headers: admin })).body);
    const rows = await rowsOf(copy);
    const byName = new Map(rows.processes.map((p) => [p.name, p]));
    expect(byName.get('Behandle byggesøknad')?.parentId).toBe(byName.get('Plan og bygg')?.id);
  }, 60_000);

  it('keeps processes and business roles generic for an importer who may not make them, and says so', async () => {
    const tenant = await t.createTenant('arkimate-rettigheter');
    // An architect may draw the map and model processes, but business roles belong to the role model's owners.
    const result = await importFile(await t.tokenHeaders(tenant, 'architect'), exchangeFile);
    expect(result.notAllowed).toEqual({ process: 0, role: 1 });
    expect(result.mapped.role).toBeUndefined();
    expect((await rowsOf(tenant)).roles).toEqual([]);
    expect((await rowsOf(tenant)).processes.length).toBeGreaterThan(0);
    // An administrator importing the same file afterwards gets the role.
    const again = await importFile(await t.tokenHeaders(tenant, 'admin'), exchangeFile);
    expect(again.notAllowed).toEqual({ process: 0, role: 0 });
    expect((await rowsOf(tenant)).roles).toHaveLength(1);
  });
});
