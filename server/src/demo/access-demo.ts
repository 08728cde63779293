/**
 * The demo's role model: system roles for the demo systems, about forty business roles described
 * for the people who ask for them, assignment rules by unit kind and position, and competences.
 * Desired access is computed at load so that the person pages show it at once.
 */
import { clock, addDays } from '../platform/clock.ts';
import { recomputeInTransaction } from '../modules/access/recompute.ts';
import {
  accessRecomputeRuns,
  assignmentRules,
  businessRoleSystemRoles,
  businessRoles,
  competences,
  personCompetences,
  roleCompetenceRequirements,
  systemRoles,
} from '../modules/access/tables.ts';
import type { DemoExtension } from './demo-extensions.ts';
import { Random } from './random.ts';

type Sensitivity = 'normal' | 'sensitive';
/** system → [role, access level, consumes a licence, sensitivity, target group] */
const systemRoleTemplates: Record<string, [string, string, boolean, Sensitivity][]> = {
  'Elements Sak og arkiv': [
    ['Saksbehandler', 'Registrere og behandle saker', true, 'normal'],
    ['Arkivar', 'Journalføring og arkivforvaltning', true, 'normal'],
    ['Leser', 'Lese saker i egen enhet', false, 'normal'],
    ['Leder', 'Godkjenne og fordele saker', true, 'normal'],
  ],
  'Lønnsmester HRM': [
    ['Ansatt', 'Selvbetjening: timer, fravær, reiser', true, 'normal'],
    ['Leder', 'Godkjenne timer og fravær, se personalopplysninger for egne ansatte', true, 'sensitive'],
    ['HR-bruker', 'Personaladministrasjon for hele kommunen', true, 'sensitive'],
    ['Lønnsbehandler', 'Lønnskjøring', true, 'sensitive'],
  ],
  'Microsoft 365': [
    ['E3-bruker', 'E-post, Teams og Office', true, 'normal'],
    ['F3-bruker', 'Teams og nettbaserte Office-apper', true, 'normal'],
  ],
  'Kontoret Økonomi': [
    ['Attestant', 'Attestere fakturaer', true, 'normal'],
    ['Budsjettdisponent', 'Anvise og se budsjett for egen enhet', true, 'normal'],
    ['Regnskapsmedarbeider', 'Full tilgang til regnskap og reskontro', true, 'normal'],
  ],
  Skolefrisk: [
    ['Lærer', 'Fravær, vurdering og foreldrekontakt for egne grupper', true, 'normal'],
    ['Skoleleder', 'Alle elever ved skolen, timeplan og rapporter', true, 'normal'],
    ['Administrasjon', 'Elevregister og timeplan', true, 'normal'],
  ],
  Læringsrommet: [
    ['Lærer', 'Oppgaver, vurdering og kommunikasjon', true, 'normal'],
    ['Assistent', 'Se oppgaver og følge opp elever', false, 'normal'],
  ],
  Barnehageportalen: [
    ['Ansatt', 'Fremmøte og beskjeder for egen avdeling', true, 'normal'],
    ['Styrer', 'Hele barnehagen, opptak og plasser', true, 'normal'],
    ['Opptaksbruker', 'Samordnet opptak for kommunen', true, 'normal'],
  ],
  Omsorgsjournal: [
    ['Sykepleier', 'Journal, legemidler og vedtak for pasienter i egen enhet', true, 'sensitive'],
    ['Helsefagarbeider', 'Dokumentere pleie for pasienter i egen enhet', true, 'sensitive'],
    ['Assistent', 'Lese tiltaksplaner for egen enhet', true, 'sensitive'],
    ['Enhetsleder', 'Alle pasienter i enheten og statistikk', true, 'sensitive'],
  ],
  Helsestasjonsjournalen: [['Helsepersonell', 'Journal for helsestasjon og skolehelsetjeneste', true, 'sensitive']],
  'Byggesak Pluss': [
    ['Saksbehandler byggesak', 'Behandle byggesøknader', true, 'normal'],
    ['Innsyn', 'Lese byggesaker', false, 'normal'],
  ],
  'Kartverket Kommunekart': [
    ['Redigering', 'Redigere kartdata', true, 'normal'],
    ['Innsyn', 'Se kart', false, 'normal'],
  ],
  Innkjøpsportalen: [['Innkjøper', 'Gjennomføre konkurranser', true, 'normal']],
  Sosialforvalteren: [['Saksbehandler', 'Søknader om økonomisk sosialhjelp', true, 'sensitive']],
  Barnevernsporten: [['Barnevernkonsulent', 'Saker og tiltak i barnevernet', true, 'sensitive']],
  'PPT-journal': [['PP-rådgiver', 'Sakkyndige vurderinger', true, 'sensitive']],
  Legejournalen: [['Lege', 'Pasientjournal ved legekontoret', true, 'sensitive']],
  Rusjournalen: [['Behandler', 'Journal for psykisk helse og rus', true, 'sensitive']],
  Ressursplanleggeren: [
    ['Planlegger', 'Turnus og vaktbok for egen enhet', true, 'normal'],
    ['Ansatt', 'Se egne vakter og bytte vakter', false, 'normal'],
  ],
  Bibliotekssystemet: [['Bibliotekar', 'Utlån og katalog', true, 'normal']],
  Kulturskoleadmin: [['Lærer', 'Elever og timeplan i kulturskolen', true, 'normal']],
  Eiendomsforvalteren: [['Forvalter', 'Bygg, avtaler og vedlikehold', true, 'normal']],
  'Vannverket Drift': [['Driftsoperatør', 'Styring og overvåking av anleggene', true, 'normal']],
  Brukeradministrasjon: [['IKT-administrator', 'Opprette og endre brukerkontoer', true, 'sensitive']],
  Intranettet: [
    ['Leser', 'Lese intranettet', false, 'normal'],
    ['Redaktør', 'Publisere på intranettet', false, 'normal'],
  ],
  Rapportverktøyet: [['Leser', 'Se rapporter og nøkkeltall', false, 'normal']],
  Avvikssystemet: [
    ['Melder', 'Melde avvik', false, 'normal'],
    ['Avviksbehandler', 'Behandle avvik i egen enhet', false, 'normal'],
  ],
};

interface RoleTemplate {
  name: string;
  description: string;
  systemRoles: [string, string][];
  /** Who gets it by rule: unit kinds and/or position titles ('*' = everyone). */
  rules?: { unitKind?: string; positions?: string[]; leaders?: boolean }[];
  requestable?: boolean;
  requires?: string[];
}

const competenceTemplates: [string, string, number | null][] = [
  ['Taushetsplikt og personvern', 'E-læringskurs om taushetsplikt og behandling av personopplysninger.', 24],
  ['Opplæring i Omsorgsjournal', 'Kurs i dokumentasjon og legemiddelhåndtering i pasientjournalen.', 36],
  ['Legemiddelhåndtering', 'Kompetanse i legemiddelhåndtering etter kommunens prosedyre.', 24],
  ['Barnevernfaglig journalføring', 'Opplæring i dokumentasjon i barnevernet.', null],
  ['Økonomireglement', 'Kurs i kommunens økonomireglement for attestanter og budsjettdisponenter.', null],
];

const roleTemplates: RoleTemplate[] = [
  { name: 'Ansatt i kommunen', description: 'Det alle ansatte får: e-post og Teams, og selvbetjening for timer, fravær og reiser.', systemRoles: [['Microsoft 365', 'E3-bruker'], ['Lønnsmester HRM', 'Ansatt']], rules: [{ unitKind: '*' }], requestable: false },
  { name: 'Intranett og avvik', description: 'Lese intranettet og melde avvik. Alle kan be om det.', systemRoles: [['Intranettet', 'Leser'], ['Avvikssystemet', 'Melder']] },
  { name: 'Leder med personalansvar', description: 'For deg som leder ansatte: godkjenne timer og fravær, attestere og følge opp budsjett for enheten din.', systemRoles: [['Lønnsmester HRM', 'Leder'], ['Kontoret Økonomi', 'Budsjettdisponent'], ['Rapportverktøyet', 'Leser'], ['Avvikssystemet', 'Avviksbehandler']], rules: [{ leaders: true }], requestable: false, requires: ['Taushetsplikt og personvern'] },
  { name: 'Lærer', description: 'For deg som underviser: føre fravær og vurdering, og kommunisere med elever og foresatte.', systemRoles: [['Skolefrisk', 'Lærer'], ['Læringsrommet', 'Lærer']], rules: [{ unitKind: 'school', positions: ['Lærer', 'Lektor', 'Spesialpedagog', 'Sosiallærer'] }] },
  { name: 'Rektor', description: 'For skoleledere: oversikt over alle elever, timeplan og rapporter for skolen.', systemRoles: [['Skolefrisk', 'Skoleleder'], ['Elements Sak og arkiv', 'Leder']], rules: [{ unitKind: 'school', positions: ['Rektor', 'Inspektør'] }], requestable: false },
  { name: 'Skoleassistent', description: 'For assistenter og miljøarbeidere i skolen: se oppgaver og følge opp elever.', systemRoles: [['Læringsrommet', 'Assistent']], rules: [{ unitKind: 'school', positions: ['Assistent', 'Miljøarbeider'] }] },
  { name: 'Skolekonsulent', description: 'For skolens kontor: elevregister, timeplan og arkiv.', systemRoles: [['Skolefrisk', 'Administrasjon'], ['Elements Sak og arkiv', 'Saksbehandler']], rules: [{ unitKind: 'school', positions: ['Konsulent'] }] },
  { name: 'Barnehageansatt', description: 'For deg som jobber i barnehage: fremmøte og beskjeder til foresatte for avdelingen din.', systemRoles: [['Barnehageportalen', 'Ansatt'], ['Microsoft 365', 'F3-bruker']], rules: [{ unitKind: 'kindergarten' }] },
  { name: 'Styrer barnehage', description: 'For styrere: hele barnehagen, plasser og opptak.', systemRoles: [['Barnehageportalen', 'Styrer']], rules: [{ unitKind: 'kindergarten', positions: ['Styrer'] }], requestable: false },
  { name: 'Opptaksansvarlig barnehage', description: 'For deg som gjør samordnet opptak til barnehagene i kommunen.', systemRoles: [['Barnehageportalen', 'Opptaksbruker']] },
  { name: 'Sykepleier hjemmetjenesten', description: 'For sykepleiere i hjemmetjenesten: pasientjournal, legemidler og vaktplan. Krever kurs i journalen og legemiddelhåndtering.', systemRoles: [['Omsorgsjournal', 'Sykepleier'], ['Ressursplanleggeren', 'Ansatt']], rules: [{ unitKind: 'home_care', positions: ['Sykepleier', 'Vernepleier'] }], requires: ['Opplæring i Omsorgsjournal', 'Legemiddelhåndtering'] },
  { name: 'Sykepleier sykehjem', description: 'For sykepleiere på sykehjem: pasientjournal, legemidler og vaktplan. Krever kurs i journalen og legemiddelhåndtering.', systemRoles: [['Omsorgsjournal', 'Sykepleier'], ['Ressursplanleggeren', 'Ansatt']], rules: [{ unitKind: 'nursing_home', positions: ['Sykepleier', 'Fagsykepleier', 'Spesialsykepleier'] }], requires: ['Opplæring i Omsorgsjournal', 'Legemiddelhåndtering'] },
  { name: 'Helsefagarbeider', description: 'For helsefagarbeidere i pleie og omsorg: dokumentere pleie for pasientene i enheten din.', systemRoles: [['Omsorgsjournal', 'Helsefagarbeider'], ['Ressursplanleggeren', 'Ansatt']], rules: [{ unitKind: 'home_care', positions: ['Helsefagarbeider'] }, { unitKind: 'nursing_home', positions: ['Helsefagarbeider'] }], requires: ['Opplæring i Omsorgsjournal'] },
  { name: 'Assistent pleie og omsorg', description: 'For assistenter i pleie og omsorg: lese tiltaksplaner og se vaktene dine.', systemRoles: [['Omsorgsjournal', 'Assistent'], ['Ressursplanleggeren', 'Ansatt']], rules: [{ unitKind: 'home_care', positions: ['Assistent'] }, { unitKind: 'nursing_home', positions: ['Assistent', 'Ergoterapeut'] }], requires: ['Taushetsplikt og personvern'] },
  { name: 'Enhetsleder helse', description: 'For ledere i helse og omsorg: alle pasienter i enheten, statistikk og turnus.', systemRoles: [['Omsorgsjournal', 'Enhetsleder'], ['Ressursplanleggeren', 'Planlegger']], rules: [{ unitKind: 'home_care', positions: ['Enhetsleder'] }, { unitKind: 'nursing_home', positions: ['Enhetsleder'] }], requestable: false },
  { name: 'Turnusplanlegger', description: 'For deg som lager turnus og vaktbok for en enhet.', systemRoles: [['Ressursplanleggeren', 'Planlegger']] },
  { name: 'Helsesykepleier', description: 'For helsestasjon og skolehelsetjeneste: journal, vaksinasjon og innkalling.', systemRoles: [['Helsestasjonsjournalen', 'Helsepersonell']], rules: [{ unitKind: 'health_station' }], requires: ['Taushetsplikt og personvern'] },
  { name: 'Lege', description: 'For leger ved legevakt og legekontor: pasientjournal.', systemRoles: [['Legejournalen', 'Lege']], rules: [{ positions: ['Lege', 'Kommuneoverlege'] }], requestable: false, requires: ['Taushetsplikt og personvern'] },
  { name: 'Behandler psykisk helse og rus', description: 'For behandlere i psykisk helse og rus: journal for brukerne dine.', systemRoles: [['Rusjournalen', 'Behandler']], rules: [{ positions: ['Psykiatrisk sykepleier', 'Miljøterapeut', 'Sosionom'] }], requires: ['Taushetsplikt og personvern'] },
  { name: 'Barnevernkonsulent', description: 'For barnevernet: saker, undersøkelser og tiltak.', systemRoles: [['Barnevernsporten', 'Barnevernkonsulent'], ['Elements Sak og arkiv', 'Saksbehandler']], rules: [{ positions: ['Barnevernkonsulent', 'Familieterapeut', 'Barnevernleder'] }], requestable: false, requires: ['Barnevernfaglig journalføring'] },
  { name: 'PP-rådgiver', description: 'For PP-tjenesten: sakkyndige vurderinger og oppfølging av barn og elever.', systemRoles: [['PPT-journal', 'PP-rådgiver']], rules: [{ positions: ['PP-rådgiver', 'Logoped'] }], requires: ['Taushetsplikt og personvern'] },
  { name: 'Saksbehandler NAV sosial', description: 'For NAV-kontoret: søknader om økonomisk sosialhjelp.', systemRoles: [['Sosialforvalteren', 'Saksbehandler']], rules: [{ positions: ['Veileder', 'Sosialkonsulent'] }], requires: ['Taushetsplikt og personvern'] },
  { name: 'Saksbehandler byggesak', description: 'For byggesaksbehandlere: byggesøknader, kart og arkiv.', systemRoles: [['Byggesak Pluss', 'Saksbehandler byggesak'], ['Kartverket Kommunekart', 'Innsyn'], ['Elements Sak og arkiv', 'Saksbehandler']], rules: [{ positions: ['Saksbehandler byggesak'] }] },
  { name: 'Innsyn i byggesaker', description: 'Lese byggesaker, for eksempel når du svarer innbyggere i servicetorget.', systemRoles: [['Byggesak Pluss', 'Innsyn']] },
  { name: 'Arealplanlegger', description: 'For planleggere: redigere kartdata og behandle plansaker.', systemRoles: [['Kartverket Kommunekart', 'Redigering'], ['Elements Sak og arkiv', 'Saksbehandler']], rules: [{ positions: ['Arealplanlegger', 'Miljørådgiver', 'Oppmålingsingeniør', 'GIS-konsulent'] }] },
  { name: 'Kartinnsyn', description: 'Se kommunens kart og eiendomsgrenser.', systemRoles: [['Kartverket Kommunekart', 'Innsyn']] },
  { name: 'Saksbehandler arkiv', description: 'Registrere og behandle saker og dokumenter i arkivet for enheten din.', systemRoles: [['Elements Sak og arkiv', 'Saksbehandler']], rules: [{ positions: ['Saksbehandler', 'Konsulent', 'Rådgiver digitalisering', 'Politisk sekretær'] }] },
  { name: 'Arkivar', description: 'For dokumentsenteret: journalføring, arkivplan og arkivforvaltning.', systemRoles: [['Elements Sak og arkiv', 'Arkivar']], rules: [{ positions: ['Arkivar', 'Arkivleder'] }], requestable: false },
  { name: 'Lesetilgang arkiv', description: 'Lese saker og dokumenter for enheten din. Du kan ikke endre noe.', systemRoles: [['Elements Sak og arkiv', 'Leser']] },
  { name: 'Attestant', description: 'Attestere fakturaer for enheten din. Krever kurs i økonomireglementet.', systemRoles: [['Kontoret Økonomi', 'Attestant']], requires: ['Økonomireglement'] },
  { name: 'Regnskapsmedarbeider', description: 'For regnskapet: bokføring, reskontro og avstemming.', systemRoles: [['Kontoret Økonomi', 'Regnskapsmedarbeider']], rules: [{ positions: ['Regnskapskonsulent', 'Regnskapsleder', 'Controller', 'Økonomirådgiver'] }], requestable: false },
  { name: 'Innkjøper', description: 'Gjennomføre konkurranser og forvalte avtaler.', systemRoles: [['Innkjøpsportalen', 'Innkjøper']], rules: [{ positions: ['Innkjøpsrådgiver', 'Innkjøpsleder'] }] },
  { name: 'HR-rådgiver', description: 'For personalavdelingen: personaladministrasjon for hele kommunen.', systemRoles: [['Lønnsmester HRM', 'HR-bruker'], ['Elements Sak og arkiv', 'Saksbehandler']], rules: [{ positions: ['HR-rådgiver', 'HR-konsulent', 'Personalleder'] }], requestable: false, requires: ['Taushetsplikt og personvern'] },
  { name: 'Lønnsbehandler', description: 'For lønningsavdelingen: lønnskjøring og trekk.', systemRoles: [['Lønnsmester HRM', 'Lønnsbehandler']], rules: [{ positions: ['Lønnskonsulent', 'Lønnsleder'] }], requestable: false, requires: ['Taushetsplikt og personvern'] },
  { name: 'IKT-administrator', description: 'For IKT-drift og brukerstøtte: opprette og endre brukerkontoer.', systemRoles: [['Brukeradministrasjon', 'IKT-administrator']], rules: [{ positions: ['Systemkonsulent', 'Driftstekniker', 'IKT-konsulent', 'Driftsleder'] }], requestable: false, requires: ['Taushetsplikt og personvern'] },
  { name: 'Bibliotekar', description: 'Utlån, katalog og arrangementer i biblioteket.', systemRoles: [['Bibliotekssystemet', 'Bibliotekar']], rules: [{ positions: ['Bibliotekar', 'Biblioteksassistent', 'Biblioteksjef'] }] },
  { name: 'Kulturskolelærer', description: 'Elever og timeplan i kulturskolen.', systemRoles: [['Kulturskoleadmin', 'Lærer']], rules: [{ positions: ['Kulturskolelærer', 'Rektor kulturskolen'] }] },
  { name: 'Eiendomsforvalter', description: 'Bygg, avtaler og vedlikehold av kommunens eiendommer.', systemRoles: [['Eiendomsforvalteren', 'Forvalter']], rules: [{ positions: ['Eiendomsforvalter', 'Eiendomssjef', 'Prosjektleder'] }] },
  { name: 'Driftsoperatør vann og avløp', description: 'Styring og overvåking av vannverk og renseanlegg.', systemRoles: [['Vannverket Drift', 'Driftsoperatør']], rules: [{ positions: ['Driftsoperatør'] }], requestable: false },
  { name: 'Intranettredaktør', description: 'Publisere nyheter og sider på intranettet.', systemRoles: [['Intranettet', 'Redaktør']], rules: [{ positions: ['Kommunikasjonsrådgiver', 'Webredaktør', 'Kommunikasjonssjef'] }] },
  { name: 'Rapportleser', description: 'Se rapporter og nøkkeltall for enheten din.', systemRoles: [['Rapportverktøyet', 'Leser']] },
  { name: 'Avviksbehandler', description: 'Behandle avvik som er meldt i enheten din.', systemRoles: [['Avvikssystemet', 'Avviksbehandler']] },
];

/** Keeps a first-start demo fast: the engine runs once, for everyone, at the end. */
export const accessDemo: DemoExtension = async (tx, municipality) => {
  const tenantId = municipality.tenant.id;
  const random = new Random(`${municipality.tenant.slug}:access`);
  const today = clock.today();
  const systemByName = new Map(municipality.systems.map((system) => [system.name, system]));
  const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9æøå]+/g, '-');

  // System roles, for the systems this municipality has.
  const systemRoleRows = Object.entries(systemRoleTemplates).flatMap(([systemName, roles]) => {
    const system = systemByName.get(systemName);
    if (!system) return [];
    return roles.map(([name, accessLevel, consumesLicence, sensitivity]) => ({
      tenantId,
      systemId: system.id,
      name,
      description: `${name} i ${systemName}: ${accessLevel.toLowerCase()}.`,
      accessLevel,
      consumesLicence,
      sensitivity,
      targetGroup: `cn=${slug(systemName)}-${slug(name)},ou=grupper,dc=${municipality.tenant.slug},dc=kommune,dc=no`,
    }));
  });
  if (systemRoleRows.length === 0) return;
  const insertedRoles = await tx.insert(systemRoles).values(systemRoleRows).returning({ id: systemRoles.id, systemId: systemRoles.systemId, name: systemRoles.name });
  const systemNameById = new Map(municipality.systems.map((system) => [system.id, system.name]));
  const systemRoleId = new Map(insertedRoles.map((role) => [`${systemNameById.get(role.systemId)}|${role.name}`, role.id]));

  const insertedCompetences = await tx
    .insert(competences)
    .values(competenceTemplates.map(([name, description, validityMonths]) => ({ tenantId, name, description, validityMonths })))
    .returning({ id: competences.id, name: competences.name, validityMonths: competences.validityMonths });
  const competenceId = new Map(insertedCompetences.map((c) => [c.name, c.id]));

  // Owners: the demo's system owner, or else the municipality's first unit leader.
  const owner = municipality.users.find((user) => user.roles.includes('system_owner' as never))?.personId ?? municipality.units[0]?.managerPersonId ?? null;
  const templates = roleTemplates.filter((template) => template.systemRoles.some(([system, role]) => systemRoleId.has(`${system}|${role}`)));
  const insertedBusiness = await tx
    .insert(businessRoles)
    .values(templates.map((t) => ({ tenantId, name: t.name, description: t.description, ownerPersonId: owner, requestable: t.requestable ?? true })))
    .returning({ id: businessRoles.id, name: businessRoles.name });
  const businessId = new Map(insertedBusiness.map((b) => [b.name, b.id]));

  const positionId = new Map(municipality.positions.map((p) => [p.title, p.id]));
  const root = municipality.units.find((unit) => unit.parentId === null);
  const links: (typeof businessRoleSystemRoles.$inferInsert)[] = [];
  const rules: (typeof assignmentRules.$inferInsert)[] = [];
  const requirements: (typeof roleCompetenceRequirements.$inferInsert)[] = [];
  const leaderPositions = new Set<string>();
  for (const unit of municipality.units) {
    const employment = municipality.employments.find((e) => e.personId === unit.managerPersonId && e.orgUnitId === unit.id);
    if (employment) leaderPositions.add(employment.positionId);
  }
  for (const template of templates) {
    const id = businessId.get(template.name)!;
    for (const [system, role] of template.systemRoles) {
      const srId = systemRoleId.get(`${system}|${role}`);
      if (srId) links.push({ tenantId, businessRoleId: id, systemRoleId: srId });
    }
    for (const name of template.requires ?? []) requirements.push({ tenantId, businessRoleId: id, competenceId: competenceId.get(name)! });
    for (const rule of template.rules ?? []) {
      const positions = rule.leaders ? [...leaderPositions] : (rule.positions ?? []).map((title) => positionId.get(title)).filter((p): p is string => p !== undefined);
      if ((rule.positions || rule.leaders) && positions.length === 0) continue;
      const units =
        rule.unitKind === '*' ? [root?.id ?? null] : rule.unitKind ? municipality.units.filter((unit) => unit.kind === rule.unitKind).map((unit) => unit.id) : [null];
      for (const unit of units)
        for (const position of positions.length ? positions : [null]) {
          rules.push({ tenantId, businessRoleId: id, orgUnitId: unit, includeSubUnits: true, positionId: position, note: rule.unitKind === '*' ? 'Alle ansatte' : '' });
        }
    }
  }
  if (links.length) await tx.insert(businessRoleSystemRoles).values(links);
  if (requirements.length) await tx.insert(roleCompetenceRequirements).values(requirements);
  for (let i = 0; i < rules.length; i += 1000) await tx.insert(assignmentRules).values(rules.slice(i, i + 1000));

  // Competences: most people who need one have it; a few lack it or have let it expire, so flags show.
  // Only people whose position a competence-bearing role names get any (keeps the load small).
  const current = municipality.employments.filter((e) => e.startDate <= today && (e.endDate === null || e.endDate >= today));
  const titleOf = new Map(municipality.positions.map((p) => [p.id, p.title]));
  const neededBy = new Map<string, Set<string>>();
  for (const template of templates)
    for (const rule of template.rules ?? [])
      for (const title of rule.leaders ? [...leaderPositions].map((id) => titleOf.get(id)!) : (rule.positions ?? []))
        for (const name of template.requires ?? []) (neededBy.get(title) ?? neededBy.set(title, new Set()).get(title)!).add(name);
  const held: (typeof personCompetences.$inferInsert)[] = [];
  const seen = new Set<string>();
  for (const employment of current) {
    if (seen.has(employment.personId)) continue;
    seen.add(employment.personId);
    const needed = neededBy.get(titleOf.get(employment.positionId) ?? '');
    if (!needed) continue;
    for (const [name, , months] of competenceTemplates) {
      if (!needed.has(name) || !random.chance(0.85)) continue;
      const achievedOn = addDays(today, -random.int(30, 900));
      const expiresOn = months === null ? null : addDays(achievedOn, Math.round(months * 30.4));
      held.push({ tenantId, personId: employment.personId, competenceId: competenceId.get(name)!, achievedOn, expiresOn });
    }
  }
  for (let i = 0; i < held.length; i += 2000) await tx.insert(personCompetences).values(held.slice(i, i + 2000));

  const started = performance.now();
  const outcome = await recomputeInTransaction(tx, { today, personIds: null, origin: 'full_recompute' });
  await tx.insert(accessRecomputeRuns).values({
    tenantId,
    kind: 'full',
    state: 'done',
    actorName: 'Demodata',
    peopleCount: outcome.peopleCount,
    entitlementCount: outcome.counts.entitlements,
    heldCount: outcome.counts.held,
    grantCount: outcome.counts.grant,
    revokeCount: outcome.counts.revoke,
    reasonChangeCount: outcome.counts.reasonChange,
    durationMs: Math.round(performance.now() - started),
    finishedAt: new Date(),
  });
};

