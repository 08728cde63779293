/**
 * The portal's demo data: code lists (small real subsets of KOSTRA functions, KLE and FORM),
 * classifications, documents (routines, templates, checklists as real DOCX/XLSX/CSV/text files
 * built in memory) linked to the demo processes, and automation assessments. Runs after the
 * processes demo and uses its processes. Deterministic from the tenant's slug.
 */
import JSZip from 'jszip';
import { and, eq } from 'drizzle-orm';
import { codeLists, codeListValues } from '../modules/classification/tables.ts';
import { storeDocument } from '../modules/documents/store.ts';
import { documentVersions } from '../modules/documents/tables.ts';
import { automationAssessments, processClassifications, processDocuments } from '../modules/portal/tables.ts';
import { processes } from '../modules/processes/tables.ts';
import type { Executor } from '../platform/database/connection.ts';
import type { DemoExtension } from './demo-extensions.ts';
import { Random } from './random.ts';

type CodeSpec = [code: string, name: string, parent: string | null];

const lists: { key: string; name: string; kind: 'kostra_function' | 'kle' | 'form'; codes: CodeSpec[] }[] = [
  {
    key: 'kostra',
    name: 'KOSTRA-funksjoner',
    kind: 'kostra_function',
    codes: [
      ['120', 'Administrasjon', null],
      ['201', 'Barnehage', null],
      ['202', 'Grunnskole', null],
      ['234', 'Aktivisering og servicetjenester overfor eldre og personer med funksjonsnedsettelser', null],
      ['253', 'Helse- og omsorgstjenester i institusjon', null],
      ['254', 'Helse- og omsorgstjenester til hjemmeboende', null],
      ['281', 'Ytelse til livsopphold', null],
      ['301', 'Plansaksbehandling', null],
      ['302', 'Bygge-, dele- og seksjoneringssaker', null],
      ['303', 'Kart og oppmåling', null],
    ],
  },
  {
    key: 'kle',
    name: 'KLE (emnesystematikk)',
    kind: 'kle',
    codes: [
      ['00', 'Kommunens styrelse', null],
      ['00.01', 'Kommunens styrelse i almindelighed', '00'],
      ['02', 'Byggeri', null],
      ['02.00', 'Byggeri i almindelighed', '02'],
      ['02.34', 'Byggesagsbehandling', '02'],
      ['01', 'Fysisk planlægning og naturbeskyttelse', null],
      ['01.02', 'Lokalplanlægning', '01'],
      ['17', 'Undervisning', null],
      ['17.01', 'Folkeskolen', '17'],
      ['27', 'Sundhed og ældre', null],
      ['27.12', 'Hjemmehjælp', '27'],
      ['28', 'Børn og unge', null],
      ['28.06', 'Dagtilbud', '28'],
      ['32', 'Sociale ydelser', null],
      ['32.18', 'Hjælp til forsørgelse', '32'],
      ['81', 'Personale', null],
      ['81.03', 'Ansættelse', '81'],
      ['83', 'Økonomi og regnskab', null],
      ['83.02', 'Betalinger', '83'],
    ],
  },
  {
    key: 'form',
    name: 'FORM (offentlig referansemodell)',
    kind: 'form',
    codes: [
      ['1', 'Borger- og virksomhedsrettede opgaver', null],
      ['1.3', 'Byggeri, bolig og ejendom', '1'],
      ['1.7', 'Børn, unge og familie', '1'],
      ['1.11', 'Sundhed og pleje', '1'],
      ['2', 'Interne støtteopgaver', null],
      ['2.1', 'Økonomi', '2'],
      ['2.2', 'Personale', '2'],
    ],
  },
];

/** Process name → [KOSTRA, KLE, FORM] codes. */
const classification: Record<string, [string, string, string]> = {
  'Søke barnehageplass': ['201', '28.06', '1.7'],
  'Følge opp elevfravær': ['202', '17.01', '1.7'],
  'Tildele hjemmetjeneste': ['254', '27.12', '1.11'],
  'Håndtere legemidler på sykehjem': ['253', '27.12', '1.11'],
  'Behandle søknad om økonomisk sosialhjelp': ['281', '32.18', '1.7'],
  'Behandle byggesøknad': ['302', '02.34', '1.3'],
  'Behandle reguleringsplan': ['301', '01.02', '1.3'],
  'Attestere og betale faktura': ['120', '83.02', '2.1'],
  'Gjennomføre anskaffelse': ['120', '83.02', '2.1'],
  'Ansette ny medarbeider': ['120', '81.03', '2.2'],
};

/** Documents per process: [file name, paragraphs]. */
const documentsFor: Record<string, [string, string[]][]> = {
  'Behandle byggesøknad': [
    ['Rutine for mottak av byggesøknad.docx', ['Rutine for mottak av byggesøknad', 'Byggesøknader journalføres samme dag som de kommer inn.', 'Saksbehandler kontrollerer at søknaden er komplett innen tre virkedager, og sender foreløpig svar.']],
    ['Sjekkliste komplett søknad.xlsx', ['Sjekkliste', 'Situasjonsplan', 'Tegninger', 'Nabovarsel', 'Ansvarsrett', 'Gebyr betalt']],
    ['Gebyrregulativ byggesak.csv', ['tiltak;gebyr', 'Enebolig;24500', 'Tilbygg under 50 m²;8900', 'Garasje;6200']],
  ],
  'Søke barnehageplass': [
    ['Retningslinjer for opptak i barnehage.docx', ['Retningslinjer for opptak', 'Hovedopptaket har søknadsfrist 1. mars.', 'Barn med nedsatt funksjonsevne og barn det er fattet vedtak om etter barnevernsloven har rett til prioritet.']],
  ],
  'Behandle søknad om økonomisk sosialhjelp': [
    ['Veileder for vurdering av økonomisk sosialhjelp.docx', ['Veileder', 'Søknaden vurderes individuelt etter sosialtjenesteloven § 18.', 'Statens veiledende satser brukes som utgangspunkt.']],
  ],
  'Attestere og betale faktura': [
    ['Attestasjonsrutine.txt', ['Attestasjonsrutine', 'Den som attesterer bekrefter at varen eller tjenesten er levert som avtalt.', 'Anvisning gjøres av budsjettansvarlig.']],
  ],
  'Ansette ny medarbeider': [
    ['Mal for utlysningstekst.docx', ['Mal for utlysningstekst', 'Om stillingen', 'Arbeidsoppgaver', 'Kvalifikasjoner', 'Vi tilbyr']],
    ['Sjekkliste for onboarding.xlsx', ['Onboarding', 'Tilgang til systemer bestilt', 'Taushetserklæring signert', 'Fadder utpekt', 'HMS-opplæring']],
  ],
  'Tildele hjemmetjeneste': [['Kriterier for tildeling av hjemmetjenester.docx', ['Kriterier for tildeling', 'Tjenesten tildeles etter kartlegging av funksjonsnivå (IPLOS).']]],
};

const assessments: Record<string, [occurrences: number, minutes: number, degree: number, assessment: string]> = {
  'Attestere og betale faktura': [42000, 4, 70, 'Regelstyrt og høyvolum; e-faktura og matching mot bestilling gjør mye kan automatiseres.'],
  'Behandle byggesøknad': [900, 180, 25, 'Kompletthetskontroll og gebyr kan automatiseres; faglig vurdering krever skjønn.'],
  'Søke barnehageplass': [1400, 25, 60, 'Opptak etter faste kriterier egner seg for regelmotor; prioritetssaker vurderes manuelt.'],
  'Behandle søknad om økonomisk sosialhjelp': [3200, 60, 30, 'Innhenting av opplysninger kan automatiseres; vurderingen er individuell.'],
  'Ansette ny medarbeider': [350, 240, 20, 'Tilgangsbestilling og kontrakt kan automatiseres ved oppstart.'],
  'Følge opp elevfravær': [5000, 10, 50, 'Varsel til kontaktlærer og foresatte ved terskelverdi kan automatiseres.'],
  'Tildele hjemmetjeneste': [600, 120, 15, 'Kartlegging og vedtak krever faglig skjønn.'],
};

function escapeXml(text: string) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A minimal but real DOCX or XLSX (Office Open XML) file built in memory. */
async function officeFile(name: string, paragraphs: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  if (name.endsWith('.docx')) {
    zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
    zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`);
  } else {
    zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
    zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
    zip.file('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>');
    zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
    zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${paragraphs.map((p, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${escapeXml(p)}</t></is></c></row>`).join('')}</sheetData></worksheet>`);
  }
  return zip.generateAsync({ type: 'uint8array' });
}

async function fileBytes(name: string, paragraphs: string[]): Promise<Uint8Array> {
  if (name.endsWith('.docx') || name.endsWith('.xlsx')) return officeFile(name, paragraphs);
  return new TextEncoder().encode(`${paragraphs.join('\n')}\n`);
}

/** A second version of the building application routine, three months after the first. */
async function reviseRoutine(tx: Executor, municipality: Parameters<DemoExtension>[1], tenantId: string) {
  const owner = municipality.users.find((u) => u.roles.includes('process_owner'));
  const path = 'Behandle byggesøknad/Rutine for mottak av byggesøknad.docx';
  const stored = await storeDocument(tx, { tenantId, actorId: owner?.id ?? 'system', actorName: owner?.displayName ?? 'Demodata' }, {
    path,
    bytes: await fileBytes('Rutine for mottak av byggesøknad.docx', [
      'Rutine for mottak av byggesøknad',
      'Byggesøknader journalføres samme dag som de kommer inn.',
      'Saksbehandler kontrollerer at søknaden er komplett innen to virkedager, og sender foreløpig svar.',
      'Mangler det dokumentasjon, sendes mangelbrev fra byggesaksystemet.',
    ]),
  });
  const threeMonthsAgo = new Date(Date.now() - 90 * 24 * 3600 * 1000);
  await tx
    .update(documentVersions)
    .set({ uploadedAt: threeMonthsAgo })
    .where(and(eq(documentVersions.documentId, stored.documentId), eq(documentVersions.version, 1)));
  return stored;
}

async function loadCodeLists(tx: Executor, tenantId: string) {
  const valueIds = new Map<string, string>();
  for (const list of lists) {
    const [row] = await tx.insert(codeLists).values({ tenantId, key: list.key, name: list.name, kind: list.kind }).returning({ id: codeLists.id });
    const values = await tx
      .insert(codeListValues)
      .values(list.codes.map(([code, name, parentCode]) => ({ tenantId, codeListId: row!.id, code, name, parentCode })))
      .returning({ id: codeListValues.id, code: codeListValues.code });
    for (const value of values) valueIds.set(`${list.key}:${value.code}`, value.id);
  }
  return valueIds;
}

export const portalDemo: DemoExtension = async (tx, municipality) => {
  const tenantId = municipality.tenant.id;
  const random = new Random(`${municipality.tenant.slug}:portal`);
  const actor = { tenantId, actorId: 'system', actorName: 'Demodata' };
  const valueIds = await loadCodeLists(tx, tenantId);
  const rows = await tx.select({ id: processes.id, name: processes.name, level: processes.level }).from(processes).where(eq(processes.tenantId, tenantId));
  const byName = new Map(rows.filter((row) => row.level !== 'area').map((row) => [row.name, row.id]));

  const classified = [...byName].flatMap(([name, processId]) => {
    const codes = classification[name];
    if (!codes) return [];
    return (['kostra', 'kle', 'form'] as const).map((key, index) => ({ tenantId, processId, codeListValueId: valueIds.get(`${key}:${codes[index]}`)! }));
  });
  if (classified.length) await tx.insert(processClassifications).values(classified);

  for (const [processName, files] of Object.entries(documentsFor)) {
    const processId = byName.get(processName);
    if (!processId) continue;
    for (const [fileName, paragraphs] of files) {
      const stored = await storeDocument(tx, actor, { path: `${processName}/${fileName}`, bytes: await fileBytes(fileName, paragraphs) });
      await tx.insert(processDocuments).values({ tenantId, processId, documentId: stored.documentId }).onConflictDoNothing();
    }
  }
  // The routine for building applications was revised by the process owner: two versions to compare.
  if (byName.has('Behandle byggesøknad')) await reviseRoutine(tx, municipality, tenantId);

  const shared = await storeDocument(tx, actor, {
    path: 'Felles/Mal for saksframlegg.docx',
    bytes: await fileBytes('Mal for saksframlegg.docx', ['Mal for saksframlegg', 'Saksopplysninger', 'Vurdering', 'Kommunedirektørens innstilling']),
  });
  void shared;

  const assessed = [...byName]
    .filter(([name]) => assessments[name])
    .map(([name, processId]) => {
      const [occurrences, minutes, degree, assessment] = assessments[name]!;
      // A little variation between municipalities, so the two demo tenants do not look copied.
      const scale = municipality.tenant.slug === 'demo' ? 1 : 0.3 + random.next() * 0.2;
      return { tenantId, processId, occurrencesPerYear: Math.max(1, Math.round(occurrences * scale)), minutesEach: minutes, automationDegree: degree, assessment, assessedBy: 'Demodata' };
    });
  if (assessed.length) await tx.insert(automationAssessments).values(assessed);
};
