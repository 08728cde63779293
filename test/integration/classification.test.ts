import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { simpleBpmn } from '../../server/src/modules/portal/fixtures/simple-bpmn.ts';
import { multipart, publish, zipOf } from './portal-fixtures.ts';

describe('code lists and classification', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  let processIds: Record<string, string>;

  const load = (csv: string, fields: Record<string, string>) => {
    const body = multipart('koder.csv', csv, fields);
    return t.inject({ method: 'POST', url: '/api/code-lists', headers: { ...headers, ...body.headers }, payload: body.payload });
  };
  const values = async (key: string) => {
    const lists = (await t.inject({ method: 'GET', url: '/api/code-lists', headers })).json().items as { id: string; key: string; values: number }[];
    const list = lists.find((l) => l.key === key)!;
    return { list, items: (await t.inject({ method: 'GET', url: `/api/code-lists/${list.id}/values`, headers })).json().items as { id: string; code: string; name: string }[] };
  };

  beforeAll(async () => {
    t = await createTestApp();
    const tenantId = await t.createTenant('demo');
    headers = await t.tokenHeaders(tenantId, 'admin');
    const lane = [{ id: 'Lane_1', name: 'Saksbehandler', tasks: [{ id: 'Task_1', name: 'Behandle sak' }] }];
    const body = multipart('p.zip', await zipOf({ 'Byggesak.bpmn': simpleBpmn('Behandle byggesøknad', lane), 'Barnehage.bpmn': simpleBpmn('Tildele barnehageplass', lane) }));
    const report = (await t.inject({ method: 'POST', url: '/api/portal/bundle-imports', headers: { ...headers, ...body.headers }, payload: body.payload })).json();
    processIds = Object.fromEntries(report.lines.map((l: { path: string; processId: string }) => [l.path, l.processId]));
    for (const id of Object.values(processIds)) await publish(t, id);
  });
  afterAll(() => t.close());

  it('loads a code list from CSV with parent codes, and updates it when loaded again', async () => {
    const first = await load('kode;navn;overordnet\n301;Plansaksbehandling;\n302;Bygge-, dele- og seksjoneringssaker;\n201;Barnehage;\n', { key: 'kostra', name: 'KOSTRA-funksjoner', kind: 'kostra_function' });
    expect(first.statusCode).toBe(201);
    expect(first.json().loaded).toBe(3);
    await load('kode;navn\n201;Barnehager\n', { key: 'kostra', name: 'KOSTRA-funksjoner', kind: 'kostra_function' });
    const { list, items } = await values('kostra');
    expect(list.values).toBe(3);
    expect(items.find((v) => v.code === '201')!.name).toBe('Barnehager');
  });

  it('refuses a file with a bad row, naming the line, and loads nothing from it', async () => {
    const response = await load('kode,navn,overordnet\n02,Byggeri,\n02.34,,02\n', { key: 'kle', name: 'KLE', kind: 'kle' });
    expect(response.statusCode).toBe(422);
    expect(response.json().problems).toContainEqual({ line: 3, field: 'navn', message: 'Navnet mangler.' });
    const lists = (await t.inject({ method: 'GET', url: '/api/code-lists', headers })).json().items;
    expect(lists.map((l: { key: string }) => l.key)).toEqual(['kostra']);
  });

  it('classifies processes and filters the published processes by code', async () => {
    const { items } = await values('kostra');
    const code = (c: string) => items.find((v) => v.code === c)!.id;
    const byggesak = processIds['Byggesak.bpmn']!;
    const barnehage = processIds['Barnehage.bpmn']!;
    const set = await t.inject({ method: 'PUT', url: `/api/portal/processes/${byggesak}/classifications`, headers, payload: { valueIds: [code('302')] } });
    expect(set.statusCode).toBe(200);
    expect(set.json().items).toMatchObject([{ code: '302', listKey: 'kostra' }]);
    await t.inject({ method: 'PUT', url: `/api/portal/processes/${barnehage}/classifications`, headers, payload: { valueIds: [code('201')] } });
    const filtered = (await t.inject({ method: 'GET', url: `/api/portal/processes?code=${code('201')}`, headers })).json();
    expect(filtered.items.map((p: { name: string }) => p.name)).toEqual(['Tildele barnehageplass']);
    const page = (await t.inject({ method: 'GET', url: `/api/portal/processes/${byggesak}`, headers })).json();
    expect(page.classifications).toMatchObject([{ code: '302', name: 'Bygge-, dele- og seksjoneringssaker' }]);
  });
});
