/**
 * The rest of the model as files: services, information objects, integrations and technology.
 * Each kind is declared once — its fields, the Norwegian words for its choices, the columns that
 * name other objects — and its columns and row schema are built from that declaration, so that
 * import, export and the template always agree.
 *
 * Field keys are the map tables' own column names (`ownerPersonId`, `fromSystemId`, …); the cell
 * holds what a person writes instead of the id: an employee number, a unit code, a system's name.
 */
import { z } from 'zod';
import type { integrationKinds, integrationModes, personalDataCategories, sensitivities, serviceAudiences, technologyKinds } from '../map/tables.ts';
import type { Choice } from './cells.ts';
import type { ColumnSpec } from './columns.ts';
import { choiceCell, idCell, listCell, textCell } from './row-fields.ts';
import { criticalityChoices } from './systems-format.ts';

export const modelKinds = ['services', 'information-objects', 'integrations', 'technology'] as const;
export type ModelKind = (typeof modelKinds)[number];

export const audienceChoices: Choice<(typeof serviceAudiences)[number]>[] = [
  { code: 'citizens', label: 'innbyggere', aliases: ['innbygger'] },
  { code: 'businesses', label: 'næringsliv', aliases: ['naeringsliv', 'bedrifter', 'virksomheter'] },
  { code: 'both', label: 'innbyggere og næringsliv', aliases: ['innbyggere og naeringsliv', 'begge'] },
  { code: 'internal', label: 'intern', aliases: ['internt'] },
];

export const personalDataChoices: Choice<(typeof personalDataCategories)[number]>[] = [
  { code: 'none', label: 'ingen', aliases: ['ingen personopplysninger', 'nei'] },
  { code: 'personal', label: 'personopplysninger', aliases: ['vanlige personopplysninger', 'ja'] },
  { code: 'special', label: 'særlige kategorier', aliases: ['saerlige kategorier', 'særlige', 'art. 9', 'artikkel 9'] },
  { code: 'criminal', label: 'straffedommer og lovovertredelser', aliases: ['straffbare forhold', 'straffedommer', 'art. 10', 'artikkel 10'] },
];

export const sensitivityChoices: Choice<(typeof sensitivities)[number]>[] = [
  { code: 'open', label: 'åpen', aliases: ['apen', 'offentlig'] },
  { code: 'internal', label: 'intern', aliases: ['internt'] },
  { code: 'confidential', label: 'fortrolig' },
  { code: 'strictly_confidential', label: 'strengt fortrolig' },
];

export const integrationKindChoices: Choice<(typeof integrationKinds)[number]>[] = [
  { code: 'api', label: 'API' },
  { code: 'file', label: 'fil', aliases: ['filoverføring', 'filoverforing'] },
  { code: 'message_queue', label: 'meldingskø', aliases: ['meldingsko', 'kø', 'mq'] },
  { code: 'rpa', label: 'skjermrobot (RPA)', aliases: ['skjermrobot', 'robot'] },
  { code: 'manual', label: 'manuell', aliases: ['manuelt'] },
];

export const integrationModeChoices: Choice<(typeof integrationModes)[number]>[] = [
  { code: 'sync', label: 'synkron', aliases: ['synchronous'] },
  { code: 'async', label: 'asynkron', aliases: ['asynchronous'] },
];

export const technologyKindChoices: Choice<(typeof technologyKinds)[number]>[] = [
  { code: 'server', label: 'server' },
  { code: 'cloud_service', label: 'skytjeneste', aliases: ['sky'] },
  { code: 'network', label: 'nettverk' },
  { code: 'database', label: 'database' },
  { code: 'device', label: 'enhet', aliases: ['utstyr'] },
  { code: 'system_software', label: 'systemprogramvare' },
  { code: 'technology_service', label: 'teknologitjeneste' },
  { code: 'other', label: 'annet' },
];

/** What a reference column names: systems and information objects by name, processes by name or path. */
export type ReferenceTarget = 'systems' | 'informationObjects' | 'processes';

/** A noun as messages use it: «en tjeneste», «tjenesten», «flere tjenester». */
export interface Noun {
  one: string;
  the: string;
  many: string;
}

export const targetNouns: Record<ReferenceTarget, Noun> = {
  systems: { one: 'system', the: 'systemet', many: 'systemer' },
  informationObjects: { one: 'informasjonstype', the: 'informasjonstypen', many: 'informasjonstyper' },
  processes: { one: 'prosess', the: 'prosessen', many: 'prosesser' },
};

interface Column {
  key: string;
  header: string;
  aliases: readonly string[];
}

/**
 * One value of an object: free text (stored as '' when empty), a choice (an empty cell keeps what
 * is stored, or the default), a person by employee number, a unit by unit code, or one object
 * that must be named (an integration's systems).
 */
export type ModelField =
  | (Column & { type: 'text'; max: number })
  | (Column & { type: 'choice'; choices: readonly Choice<string>[]; fallback: string })
  | (Column & { type: 'person' })
  | (Column & { type: 'unit' })
  | (Column & { type: 'reference'; target: ReferenceTarget });

/** A set of links to other objects, written as their names in one cell. */
export interface ModelLink extends Column {
  target: ReferenceTarget;
}

export interface ModelFormat {
  kind: ModelKind;
  noun: Noun;
  /** Sheet name and file name stem on export. */
  sheetName: string;
  fileStem: string;
  fields: readonly ModelField[];
  links: readonly ModelLink[];
  /** `navn`, the fields, the links, then `id` (last, as for systems). */
  columns: ColumnSpec[];
  schema: z.ZodObject<z.ZodRawShape>;
}

/** One checked row: `undefined` = column not in the file, `null` = empty cell. */
export type ModelRow = { line: number; id?: string | null; name: string | null } & Record<string, unknown>;

const description: ModelField = { key: 'description', header: 'beskrivelse', aliases: ['description'], type: 'text', max: 10_000 };

function modelFormat(spec: Omit<ModelFormat, 'columns' | 'schema'> & { nameAliases: string[] }): ModelFormat {
  const { nameAliases, ...format } = spec;
  const columns: ColumnSpec[] = [
    { key: 'name', header: 'navn', aliases: ['name', ...nameAliases], required: true },
    ...format.fields.map(({ key, header, aliases }) => ({ key, header, aliases })),
    ...format.links.map(({ key, header, aliases }) => ({ key, header, aliases })),
    // Export writes the id last so that a rename in a spreadsheet is an update, not a new object.
    { key: 'id', header: 'id', aliases: [`${format.noun.one} id`] },
  ];
  const shape: Record<string, z.ZodType> = { id: idCell().optional(), name: textCell({ required: true }) };
  for (const field of format.fields) {
    shape[field.key] = (
      field.type === 'text'
        ? textCell({ max: field.max })
        : field.type === 'choice'
          ? choiceCell(field.choices)
          : field.type === 'reference'
            ? textCell({ required: true })
            : textCell({ max: 50 })
    ).optional();
  }
  for (const link of format.links) shape[link.key] = listCell().optional();
  return { ...format, columns, schema: z.object(shape) };
}

const systemsLink = (header: string, aliases: string[]): ModelLink => ({ key: 'systemIds', header, aliases, target: 'systems' });

export const modelFormats: Record<ModelKind, ModelFormat> = {
  services: modelFormat({
    kind: 'services',
    noun: { one: 'tjeneste', the: 'tjenesten', many: 'tjenester' },
    sheetName: 'Tjenester',
    fileStem: 'tjenester',
    nameAliases: ['tjeneste', 'tjenestenavn', 'service'],
    fields: [
      description,
      { key: 'audience', header: 'målgruppe', aliases: ['malgruppe', 'audience'], type: 'choice', choices: audienceChoices, fallback: 'citizens' },
      { key: 'criticality', header: 'kritikalitet', aliases: ['criticality'], type: 'choice', choices: criticalityChoices, fallback: 'medium' },
      { key: 'ownerPersonId', header: 'tjenesteeier', aliases: ['eier', 'owner', 'service owner'], type: 'person' },
      { key: 'owningUnitId', header: 'eierenhet', aliases: ['owning unit', 'unit', 'enhet'], type: 'unit' },
    ],
    links: [
      systemsLink('systemer', ['systems', 'system']),
      { key: 'processIds', header: 'prosesser', aliases: ['processes', 'prosess', 'process'], target: 'processes' },
    ],
  }),
  'information-objects': modelFormat({
    kind: 'information-objects',
    noun: { one: 'informasjonstype', the: 'informasjonstypen', many: 'informasjonstyper' },
    sheetName: 'Informasjonstyper',
    fileStem: 'informasjonstyper',
    nameAliases: ['informasjonstype', 'information object'],
    fields: [
      description,
      {
        key: 'personalDataCategory',
        header: 'personopplysninger',
        aliases: ['personal data', 'personal data category', 'personopplysningskategori', 'kategori'],
        type: 'choice',
        choices: personalDataChoices,
        fallback: 'none',
      },
      { key: 'sensitivity', header: 'sensitivitet', aliases: ['sensitivity', 'gradering'], type: 'choice', choices: sensitivityChoices, fallback: 'internal' },
      { key: 'ownerPersonId', header: 'eier', aliases: ['owner', 'informasjonseier'], type: 'person' },
    ],
    links: [systemsLink('systemer', ['systems', 'lagres i', 'held by'])],
  }),
  integrations: modelFormat({
    kind: 'integrations',
    noun: { one: 'integrasjon', the: 'integrasjonen', many: 'integrasjoner' },
    sheetName: 'Integrasjoner',
    fileStem: 'integrasjoner',
    nameAliases: ['integrasjon', 'integration'],
    fields: [
      description,
      { key: 'fromSystemId', header: 'fra system', aliases: ['fra', 'kildesystem', 'from', 'from system', 'source'], type: 'reference', target: 'systems' },
      { key: 'toSystemId', header: 'til system', aliases: ['til', 'målsystem', 'malsystem', 'to', 'to system', 'target'], type: 'reference', target: 'systems' },
      { key: 'kind', header: 'type', aliases: ['kind', 'integrasjonstype'], type: 'choice', choices: integrationKindChoices, fallback: 'api' },
      { key: 'mode', header: 'synkron/asynkron', aliases: ['mode', 'sync/async', 'modus'], type: 'choice', choices: integrationModeChoices, fallback: 'sync' },
      { key: 'frequency', header: 'frekvens', aliases: ['frequency'], type: 'text', max: 200 },
    ],
    links: [{ key: 'informationObjectIds', header: 'informasjonstyper', aliases: ['information objects', 'information', 'informasjon', 'informasjon som flyter'], target: 'informationObjects' }],
  }),
  technology: modelFormat({
    kind: 'technology',
    noun: { one: 'teknologikomponent', the: 'teknologikomponenten', many: 'teknologikomponenter' },
    sheetName: 'Teknologi',
    fileStem: 'teknologi',
    nameAliases: ['teknologikomponent', 'technology', 'komponent'],
    fields: [
      description,
      { key: 'kind', header: 'type', aliases: ['kind'], type: 'choice', choices: technologyKindChoices, fallback: 'server' },
      { key: 'provider', header: 'leverandør', aliases: ['leverandor', 'provider', 'vendor'], type: 'text', max: 200 },
      { key: 'location', header: 'plassering', aliases: ['location', 'lokasjon'], type: 'text', max: 200 },
    ],
    links: [systemsLink('systemer', ['systems', 'kjører', 'systemer som kjører på den'])],
  }),
};
