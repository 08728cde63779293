/**
 * The modelling standard [modelleringsstandard]: bpmnlint's recommended rules plus our own, each
 * with a default level a tenant can change to off, warn or error. Pure; shared by server and web.
 */
export type RuleLevel = 'off' | 'warn' | 'error';

export interface StandardRule {
  name: string;
  source: 'bpmnlint' | 'grunnmur';
  defaultLevel: RuleLevel;
  description: { nb: string; en: string };
}

const bpmnlintRules: [string, RuleLevel, string, string][] = [
  ['ad-hoc-sub-process', 'error', 'Ad hoc-delprosesser skal ikke ha start- eller sluttelementer', 'Ad hoc sub-processes have no start or end events'],
  ['conditional-flows', 'error', 'Flyt ut av en beslutning skal ha betingelse (eller være standardflyt)', 'Flows out of a gateway have a condition or are the default'],
  ['end-event-required', 'error', 'Hver prosess har en sluttaktivitet', 'Every process has an end event'],
  ['event-based-gateway', 'error', 'Hendelsesbaserte beslutninger følges bare av hendelser', 'Event-based gateways are followed by events only'],
  ['event-sub-process-typed-start-event', 'error', 'Hendelsesdelprosesser starter med en typet hendelse', 'Event sub-processes start with a typed event'],
  ['fake-join', 'warn', 'Ikke slå sammen flyter i en oppgave; bruk en beslutning', 'Do not join flows in a task; use a gateway'],
  ['global', 'warn', 'Globale elementer (meldinger, signaler …) brukes og er unike', 'Global elements are used and unique'],
  ['label-required', 'error', 'Elementer har navn', 'Elements have labels'],
  ['link-event', 'error', 'Lenkehendelser kommer i par med samme navn', 'Link events come in named pairs'],
  ['no-bpmndi', 'error', 'Alle elementer er tegnet i diagrammet', 'Every element is drawn in the diagram'],
  ['no-complex-gateway', 'error', 'Ikke bruk komplekse beslutninger', 'Do not use complex gateways'],
  ['no-disconnected', 'error', 'Ingen elementer står uten flyt', 'No disconnected elements'],
  ['no-duplicate-sequence-flows', 'error', 'Ingen doble flyter mellom de samme elementene', 'No duplicate sequence flows'],
  ['no-gateway-join-fork', 'error', 'En beslutning enten samler eller deler flyt, ikke begge', 'A gateway either joins or forks'],
  ['no-implicit-split', 'error', 'Del flyt med en beslutning, ikke med flere utganger fra en oppgave', 'Split flow with a gateway'],
  ['no-implicit-end', 'error', 'Prosessen slutter med en sluttaktivitet', 'Processes end with an end event'],
  ['no-implicit-start', 'error', 'Prosessen starter med en starthendelse', 'Processes start with a start event'],
  ['no-inclusive-gateway', 'warn', 'Unngå inkluderende beslutninger', 'Avoid inclusive gateways'],
  ['no-overlapping-elements', 'warn', 'Elementer i diagrammet overlapper ikke', 'Diagram elements do not overlap'],
  ['single-blank-start-event', 'error', 'Høyst én blank starthendelse per nivå', 'At most one blank start event per scope'],
  ['single-event-definition', 'error', 'En hendelse har én definisjon', 'An event has one definition'],
  ['start-event-required', 'error', 'Hver prosess har en starthendelse', 'Every process has a start event'],
  ['sub-process-blank-start-event', 'error', 'Delprosesser starter med en blank starthendelse', 'Sub-processes start with a blank start event'],
  ['superfluous-gateway', 'warn', 'Ingen overflødige beslutninger', 'No superfluous gateways'],
  ['superfluous-label', 'warn', 'Ingen overflødige navn', 'No superfluous labels'],
  ['superfluous-termination', 'warn', 'Ingen overflødige terminerende sluttaktiviteter', 'No superfluous terminate end events'],
];

export const ownRules: StandardRule[] = [
  {
    name: 'grunnmur/lane-business-role',
    source: 'grunnmur',
    defaultLevel: 'error',
    description: { nb: 'Hver svømmebane er koblet til en forretningsrolle', en: 'Every lane is linked to a business role' },
  },
  {
    name: 'grunnmur/task-verb-object',
    source: 'grunnmur',
    defaultLevel: 'warn',
    description: {
      nb: 'Hver oppgave har navn på formen verb + objekt, f.eks. «Behandle søknad»',
      en: 'Every task is named verb + object, e.g. «Behandle søknad» (process application)',
    },
  },
  {
    name: 'grunnmur/task-system-or-manual',
    source: 'grunnmur',
    defaultLevel: 'warn',
    description: { nb: 'Hver oppgave er koblet til et system eller merket som manuell', en: 'Every task is linked to a system or marked manual' },
  },
  {
    name: 'grunnmur/one-start-event',
    source: 'grunnmur',
    defaultLevel: 'error',
    description: { nb: 'Nøyaktig én starthendelse per nivå (prosess og delprosess)', en: 'Exactly one start event per level (process and sub-process)' },
  },
  {
    name: 'grunnmur/call-activity-linked',
    source: 'grunnmur',
    defaultLevel: 'warn',
    description: { nb: 'Hver kalt aktivitet viser til en prosess i prosesshierarkiet', en: 'Every call activity points to a process in the hierarchy' },
  },
  {
    name: 'grunnmur/data-object-linked',
    source: 'grunnmur',
    defaultLevel: 'off',
    description: { nb: 'Hvert dataobjekt er koblet til et informasjonsobjekt', en: 'Every data object is linked to an information object' },
  },
];

export const standardRules: StandardRule[] = [
  ...bpmnlintRules.map(([name, defaultLevel, nb, en]) => ({ name, source: 'bpmnlint' as const, defaultLevel, description: { nb, en } })),
  ...ownRules,
];

export const standardRuleNames = new Set(standardRules.map((rule) => rule.name));

/** The level each rule runs at for a tenant: its own setting, else the default. */
export function effectiveLevels(settings: Record<string, RuleLevel>): Record<string, RuleLevel> {
  return Object.fromEntries(standardRules.map((rule) => [rule.name, settings[rule.name] ?? rule.defaultLevel]));
}
