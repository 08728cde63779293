import { PDFDocument, StandardFonts } from 'pdf-lib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { simpleBpmn } from '../../server/src/modules/portal/fixtures/simple-bpmn.ts';
import { docx, multipart, publish, zipOf } from './portal-fixtures.ts';

/** A one-page PDF with a text layer, written here so no file is committed. */
async function pdfWith(line: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage().drawText(line, { x: 50, y: 700, size: 12, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return pdf.save();
}

describe('full-text search', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  let otherHeaders: Record<string, string>;
  let processes: Record<string, string>;

  const find = async (q: string, h = headers) => {
    const response = await t.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}`, headers: h });
    expect(response.statusCode).toBe(200);
    return response.json().items as { kind: string; id: string; title: string; snippet: string }[];
  };

  beforeAll(async () => {
    t = await createTestApp();
    const tenantId = await t.createTenant('demo');
    const otherId = await t.createTenant('nabo');
    headers = await t.tokenHeaders(tenantId, 'admin');
    otherHeaders = await t.tokenHeaders(otherId, 'admin');
    const lane = (tasks: string[]) => [{ id: 'Lane_1', name: 'Saksbehandler', tasks: tasks.map((name, i) => ({ id: `Task_${i + 1}`, name })) }];
    const body = multipart(
      'prosesser.zip',
      await zipOf({
        'Byggesak.bpmn': simpleBpmn('Behandle byggesøknad', lane(['Motta søknaden', 'Vurdere dispensasjon'])),
        'Barnehage.bpmn': simpleBpmn('Tildele barnehageplass', lane(['Motta søknader om plass', 'Fordele plasser'])),
        'Kladd.bpmn': simpleBpmn('Byggesøknad i kladd', lane(['Skrive utkast'])),
        'Felles/Retningslinjer for skjenkebevilling.docx': await docx(['Kommunen behandler søknader om skjenkebevillinger etter alkoholloven.']),
        'Felles/Veileder garasje.docx': await docx(['Slik sender du søknad om å bygge garasje på egen tomt.']),
        'Felles/Sjekkliste ferdigattest.pdf': await pdfWith('Kontroller at ansvarsretten er erklært før ferdigattest gis.'),
      }),
    );
    const report = (await t.inject({ method: 'POST', url: '/api/portal/bundle-imports', headers: { ...headers, ...body.headers }, payload: body.payload })).json();
    processes = Object.fromEntries(report.lines.filter((l: { processId?: string }) => l.processId).map((l: { path: string; processId: string }) => [l.path, l.processId]));
    await publish(t, processes['Byggesak.bpmn']!);
    await publish(t, processes['Barnehage.bpmn']!);
    const otherBody = multipart('nabo.zip', await zipOf({ 'Nabokommunens byggesøknad.docx': await docx(['Søknad om å bygge i nabokommunen.']) }));
    await t.inject({ method: 'POST', url: '/api/portal/bundle-imports', headers: { ...otherHeaders, ...otherBody.headers }, payload: otherBody.payload });
    await t.inject({ method: 'POST', url: '/api/systems', headers, payload: { name: 'eByggeSak', description: 'Fagsystem for byggesaker og byggesøknader', lifecyclePhase: 'operation', criticality: 'high', dpaStatus: 'signed' } });
  });
  afterAll(() => t.close());

  it('finds "byggesøknad" when searching the plural "byggesøknader" (Norwegian stemming)', async () => {
    const hits = await find('byggesøknader');
    expect(hits.map((h) => h.title)).toContain('Behandle byggesøknad');
    expect(hits.find((h) => h.kind === 'system')?.title).toBe('eByggeSak');
  });

  it('finds words by their beginning as you type', async () => {
    expect((await find('barneh')).map((h) => h.title)).toEqual(['Tildele barnehageplass']);
  });

  it('finds process steps and document text, with the hit marked in the snippet', async () => {
    const [hit] = await find('dispensasjon');
    expect(hit).toMatchObject({ kind: 'process', title: 'Behandle byggesøknad' });
    expect(hit!.snippet).toContain('\u0002dispensasjon\u0003');
    const [document] = await find('skjenkebevillinger');
    expect(document).toMatchObject({ kind: 'document', title: 'Retningslinjer for skjenkebevilling' });
    expect(document!.snippet).toContain('\u0002skjenkebevillinger\u0003');
  });

  it('finds the end of a compound word in titles ("søknad" in "byggesøknad")', async () => {
    expect((await find('byggesøknad')).map((h) => h.title)).toContain('Behandle byggesøknad');
    const titles = (await find('plass')).map((h) => h.title);
    expect(titles).toContain('Tildele barnehageplass');
  });

  it('finds a compound by its parts and the parts by the compound', async () => {
    // "søknad" is the end of "byggesøknad" (split when indexed) …
    expect((await find('søknad')).map((h) => h.title)).toContain('Behandle byggesøknad');
    // … and "byggesøknad" finds a text that says "søknad om å bygge" (split when searched).
    expect((await find('byggesøknad')).map((h) => h.title)).toContain('Veileder garasje');
    // The first part of a compound is a word too: "skjenke" in "skjenkebevillinger".
    expect((await find('skjenke')).map((h) => h.title)).toContain('Retningslinjer for skjenkebevilling');
  });

  it('splits a compound only at a known word part, one level deep', async () => {
    const parts = async (text: string) => {
      const result = (await t.database.db.execute(sql`select grunnmur_compound_parts(to_tsvector('norwegian', ${text}))::text as parts`)) as unknown as { rows: { parts: string }[] };
      return result.rows[0]!.parts;
    };
    expect(await parts('barnehageplassen')).toBe("'barnehag' 'plass'");
    expect(await parts('eiendomsskatten')).toBe("'eiendom' 'skatt'");
    expect(await parts('kartforretning')).toBe("'forretning' 'kart'");
    // No known part at the end, or too little before it: the word is left whole.
    expect(await parts('dispensasjon utlån skjenkeløyve')).toBe('');
  });

  it('requires every word of the query to match', async () => {
    expect((await find('byggesøknad dispensasjon')).map((h) => h.title)).toEqual(['Behandle byggesøknad']);
    expect(await find('barnehageplass dispensasjon')).toEqual([]);
    expect((await find('garasje tomt')).map((h) => h.title)).toEqual(['Veileder garasje']);
  });

  it('ranks a title hit above a hit in the text', async () => {
    const titles = (await find('søknad')).map((h) => h.title);
    expect(titles.indexOf('Behandle byggesøknad')).toBeGreaterThanOrEqual(0);
    expect(titles.indexOf('Behandle byggesøknad')).toBeLessThan(titles.indexOf('Veileder garasje'));
  });

  it('finds the text of a PDF uploaded as a document', async () => {
    const upload = multipart('Delegeringsreglement.pdf', await pdfWith('Rådmannen delegerer myndighet til virksomhetsleder.'));
    const response = await t.inject({ method: 'POST', url: '/api/documents', headers: { ...headers, ...upload.headers }, payload: upload.payload });
    expect(response.statusCode).toBe(201);
    expect((await find('virksomhetsleder')).map((h) => h.title)).toEqual(['Delegeringsreglement']);
  });

  it('finds the text of an imported PDF', async () => {
    const [hit] = await find('ansvarsretten');
    expect(hit).toMatchObject({ kind: 'document', title: 'Sjekkliste ferdigattest' });
    expect(hit!.snippet).toContain('\u0002ansvarsretten\u0003');
  });

  it('shows no unpublished process and nothing of another municipality', async () => {
    expect((await find('kladd')).map((h) => h.title)).toEqual([]);
    expect((await find('byggesøknad')).map((h) => h.title)).not.toContain('Nabokommunens byggesøknad');
    expect((await find('byggesøknad', otherHeaders)).map((h) => h.title)).toEqual(['Nabokommunens byggesøknad']);
  });

  it('ignores operators and punctuation in what was typed', async () => {
    expect(await find("'):* & | !")).toEqual([]);
    expect((await find('barnehage!!')).length).toBe(1);
  });
});
