/**
 * The architecture model of a demo municipality: services to citizens and businesses, information
 * objects with personal-data categories, integrations between the demo systems, and the technology
 * they run on. Only systems the municipality has are used (Nabo kommune gets a smaller model).
 * Deterministic: no randomness at all, the same rows every run.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../platform/database/connection.ts';
import {
  informationObjects,
  integrationInformation,
  integrations,
  serviceProcesses,
  services,
  serviceSystems,
  systemInformation,
  systemTechnology,
  technologyComponents,
} from '../modules/map/tables.ts';
import type { DemoExtension } from './demo-extensions.ts';

type Audience = 'citizens' | 'businesses' | 'both' | 'internal';
type Criticality = 'low' | 'medium' | 'high' | 'critical';

const serviceTemplates: [string, Audience, Criticality, string, string[], RegExp | null][] = [
  ['Byggesøknad', 'both', 'high', 'Søknad om tillatelse til tiltak etter plan- og bygningsloven, fra innsending til vedtak.', ['Byggesak Pluss', 'Elements Sak og arkiv', 'Kartverket Kommunekart', 'Matrikkelklienten'], /bygg/i],
  ['Barnehageplass', 'citizens', 'high', 'Søknad om og tildeling av barnehageplass, med foreldrebetaling.', ['Barnehageportalen', 'BankID-pålogging', 'Elements Sak og arkiv'], /barnehage/i],
  ['Hjemmetjenester', 'citizens', 'critical', 'Hjemmesykepleie og praktisk bistand i hjemmet, med tildeling og oppfølging.', ['Omsorgsjournal', 'Tildelingsmodulen', 'Ressursplanleggeren', 'Trygghetsalarm'], /hjemme|omsorg|tildeling/i],
  ['Skoleplass og SFO', 'citizens', 'high', 'Innskriving i grunnskolen og plass i skolefritidsordningen.', ['Skolefrisk', 'Foresattappen', 'Elevtransport'], /skole|sfo/i],
  ['Økonomisk sosialhjelp', 'citizens', 'high', 'Søknad om økonomisk stønad etter sosialtjenesteloven.', ['Sosialforvalteren', 'NAV Modia-tilgang'], /sosial/i],
  ['Helsestasjon og skolehelsetjeneste', 'citizens', 'critical', 'Oppfølging av barn og unge fra fødsel til 20 år.', ['Helsestasjonsjournalen', 'Helsenettet'], /helsestasjon/i],
  ['Kommunale avgifter og eiendomsskatt', 'both', 'medium', 'Fakturering av vann, avløp, renovasjon og eiendomsskatt.', ['Kommunale avgifter', 'Eiendomsskatt', 'Kontoret Økonomi'], /avgift|eiendomsskatt|faktur/i],
  ['Innsyn i postjournal', 'both', 'medium', 'Offentlig journal og innsynskrav etter offentleglova.', ['Innsynsportalen', 'Elements Sak og arkiv'], /innsyn|journal/i],
  ['Bibliotektjenester', 'citizens', 'low', 'Utlån, arrangementer og meröppet bibliotek.', ['Bibliotekssystemet'], /bibliotek/i],
  ['Leie av kommunale lokaler', 'both', 'low', 'Booking av gymsaler, møterom og kulturhus.', ['Booking Kommune'], /booking|utleie/i],
  ['Kulturskoleplass', 'citizens', 'low', 'Søknad om og tildeling av plass i kulturskolen.', ['Kulturskoleadmin'], /kulturskole/i],
  ['Skjenkebevilling', 'businesses', 'medium', 'Søknad om salgs- og skjenkebevilling for serveringssteder.', ['Skjemabyggeren', 'Elements Sak og arkiv'], /bevilling|skjenk/i],
];

type Category = 'none' | 'personal' | 'special' | 'criminal';
type Sensitivity = 'open' | 'internal' | 'confidential' | 'strictly_confidential';
const informationTemplates: [string, Category, Sensitivity, string, string[]][] = [
  ['Helseopplysninger', 'special', 'strictly_confidential', 'Journalopplysninger om helse (særlige kategorier, GDPR art. 9).', ['Omsorgsjournal', 'Helsestasjonsjournalen', 'Legejournalen', 'Rusjournalen', 'Medisinromsløsningen']],
  ['Barnevernsopplysninger', 'special', 'strictly_confidential', 'Opplysninger i barnevernssaker.', ['Barnevernsporten']],
  ['Sosialhjelpssaker', 'personal', 'strictly_confidential', 'Søknader, vedtak og utbetalinger av økonomisk stønad.', ['Sosialforvalteren']],
  ['Politiattester', 'criminal', 'strictly_confidential', 'Politiattester for ansatte i skole, barnehage og helse (GDPR art. 10).', ['Lønnsmester HRM']],
  ['Personalopplysninger', 'personal', 'confidential', 'Ansettelser, stillinger, fravær og personalsaker.', ['Lønnsmester HRM', 'Ressursplanleggeren']],
  ['Lønn og trekk', 'personal', 'confidential', 'Lønn, skattetrekk og utbetalinger til ansatte.', ['Lønnsmester HRM', 'Kontoret Økonomi']],
  ['Elevopplysninger', 'personal', 'confidential', 'Elever, klasser, fravær, vurderinger og spesialundervisning.', ['Skolefrisk', 'Læringsrommet', 'PPT-journal']],
  ['Barnehagebarn og foresatte', 'personal', 'confidential', 'Søknader, plasser og kontaktopplysninger til foresatte.', ['Barnehageportalen']],
  ['Brukerkontoer og identiteter', 'personal', 'internal', 'Brukernavn, e-post og gruppemedlemskap.', ['Entra ID']],
  ['Saksdokumenter og journalposter', 'personal', 'internal', 'Alle saker og dokumenter etter Noark 5.', ['Elements Sak og arkiv']],
  ['Byggesaker', 'personal', 'open', 'Søknader om tiltak, tegninger, nabovarsler og vedtak.', ['Byggesak Pluss', 'Elements Sak og arkiv']],
  ['Eiendom og matrikkel', 'none', 'open', 'Eiendommer, adresser og bygninger.', ['Matrikkelklienten', 'Kartverket Kommunekart', 'Eiendomsskatt']],
  ['Fakturaer og regnskap', 'none', 'internal', 'Inngående og utgående fakturaer, bilag og regnskap.', ['Kontoret Økonomi', 'eFaktura-mottak']],
];

type Kind = 'api' | 'file' | 'message_queue' | 'rpa' | 'manual';
const integrationTemplates: [string, string, Kind, 'sync' | 'async', string, string[]][] = [
  ['Lønnsmester HRM', 'Entra ID', 'api', 'async', 'Hver time', ['Brukerkontoer og identiteter', 'Personalopplysninger']],
  ['Lønnsmester HRM', 'Kontoret Økonomi', 'file', 'async', 'Månedlig', ['Lønn og trekk']],
  ['Ressursplanleggeren', 'Lønnsmester HRM', 'file', 'async', 'Ukentlig', ['Personalopplysninger']],
  ['Byggesak Pluss', 'Elements Sak og arkiv', 'api', 'sync', 'Løpende', ['Byggesaker']],
  ['Elements Sak og arkiv', 'SvarUt', 'api', 'async', 'Løpende', ['Saksdokumenter og journalposter']],
  ['SvarInn', 'Elements Sak og arkiv', 'api', 'async', 'Løpende', ['Saksdokumenter og journalposter']],
  ['Elements Sak og arkiv', 'Innsynsportalen', 'api', 'async', 'Hver natt', ['Saksdokumenter og journalposter']],
  ['Barnehageportalen', 'Kontoret Økonomi', 'file', 'async', 'Daglig', ['Fakturaer og regnskap']],
  ['Kommunale avgifter', 'Kontoret Økonomi', 'file', 'async', 'Kvartalsvis', ['Fakturaer og regnskap']],
  ['eFaktura-mottak', 'Kontoret Økonomi', 'api', 'async', 'Løpende', ['Fakturaer og regnskap']],
  ['Matrikkelklienten', 'Eiendomsskatt', 'api', 'sync', 'Ved behov', ['Eiendom og matrikkel']],
  ['Omsorgsjournal', 'Meldingsløftet', 'message_queue', 'async', 'Løpende', ['Helseopplysninger']],
  ['Meldingsløftet', 'Helsenettet', 'message_queue', 'async', 'Løpende', ['Helseopplysninger']],
  ['Sosialforvalteren', 'Kontoret Økonomi', 'rpa', 'async', 'Daglig', ['Sosialhjelpssaker']],
  ['Sosialforvalteren', 'NAV Modia-tilgang', 'manual', 'sync', 'Ved behov', ['Sosialhjelpssaker']],
  ['Skolefrisk', 'Læringsrommet', 'api', 'async', 'Hver natt', ['Elevopplysninger']],
];

type TechKind = 'server' | 'cloud_service' | 'network' | 'database' | 'device' | 'system_software' | 'technology_service' | 'other';
const technologyTemplates: [string, TechKind, string, string, string[]][] = [
  ['Microsoft Azure Norway East', 'cloud_service', 'Microsoft', 'Oslo/Stavanger', ['Microsoft 365', 'Entra ID', 'Intune', 'Chatbot Kommune']],
  ['Leverandørdrift (SaaS)', 'cloud_service', 'Leverandørene', 'Norge/EU', ['Elements Sak og arkiv', 'Lønnsmester HRM', 'Kontoret Økonomi', 'Barnehageportalen', 'Skolefrisk', 'Byggesak Pluss', 'Omsorgsjournal', 'Sosialforvalteren']],
  ['VMware-klynge i serverrommet', 'server', 'IKT-drift', 'Rådhuset, kjeller', ['Virtualiseringsplattformen', 'Vannverket Drift', 'Lønn 2000', 'WebSak Classic', 'Sikker sone backup', 'Kommunale avgifter', 'Eiendomsskatt']],
  ['Databaseserver SQL01', 'database', 'IKT-drift', 'Rådhuset, kjeller', ['Kommunale avgifter', 'Eiendomsskatt', 'Energioppfølging', 'Ressursplanleggeren']],
  ['Kommunenettet', 'network', 'Nettleverandør', 'Alle kommunale bygg', ['Brannmuren', 'Telefoni og sentralbord', 'Utskriftsløsningen', 'Vannverket Drift']],
  ['Norsk helsenett (tilkobling)', 'network', 'Norsk helsenett SF', 'Helsebygg', ['Helsenettet', 'Meldingsløftet', 'Legejournalen', 'Helsestasjonsjournalen']],
  ['Skolenettet', 'network', 'IKT-drift', 'Skolene', ['Chromebook-forvaltning', 'iPad-forvaltning', 'Læringsrommet', 'Skolefrisk']],
];

export const mapDemo: DemoExtension = async (tx: Executor, municipality) => {
  const tenantId = municipality.tenant.id;
  const systemId = new Map(municipality.systems.map((s) => [s.name, s.id]));
  const has = (name: string) => systemId.has(name);
  const owner = municipality.users.find((u) => u.roles.includes('architect' as never))?.personId ?? municipality.units[0]?.managerPersonId ?? null;

  const serviceRows = serviceTemplates.filter(([, , , , systems]) => systems.some(has));
  if (!serviceRows.length) return;
  const insertedServices = await tx
    .insert(services)
    .values(serviceRows.map(([name, audience, criticality, description], i) => ({ tenantId, name, audience, criticality, description, ownerPersonId: i % 3 === 2 ? null : owner })))
    .returning({ id: services.id, name: services.name });
  const links = serviceRows.flatMap(([, , , , systems], i) => systems.filter(has).map((s) => ({ tenantId, serviceId: insertedServices[i]!.id, systemId: systemId.get(s)! })));
  if (links.length) await tx.insert(serviceSystems).values(links);

  // Processes, when the processes module has put some in: linked by what they are about.
  const present = await tx.execute(sql`select to_regclass('public.processes') is not null as ok`);
  const presentRows = ((present as { rows?: { ok: boolean }[] }).rows ?? (present as unknown as { ok: boolean }[])) as { ok: boolean }[];
  if (presentRows[0]?.ok) {
    const result = await tx.execute(sql`select id, name from processes where tenant_id = ${tenantId} and level <> 'area' order by name`);
    const processRows = ((result as { rows?: { id: string; name: string }[] }).rows ?? (result as unknown as { id: string; name: string }[])) as { id: string; name: string }[];
    const pairs = serviceRows.flatMap(([, , , , , pattern], i) =>
      pattern ? processRows.filter((p) => pattern.test(p.name)).slice(0, 3).map((p) => ({ tenantId, serviceId: insertedServices[i]!.id, processId: p.id })) : [],
    );
    if (pairs.length) await tx.insert(serviceProcesses).values(pairs);
  }

  const infoRows = informationTemplates.filter(([, , , , systems]) => systems.some(has));
  const insertedInfo = await tx
    .insert(informationObjects)
    .values(infoRows.map(([name, personalDataCategory, sensitivity, description], i) => ({ tenantId, name, personalDataCategory, sensitivity, description, ownerPersonId: i % 4 === 3 ? null : owner })))
    .returning({ id: informationObjects.id, name: informationObjects.name });
  const infoId = new Map(insertedInfo.map((r) => [r.name, r.id]));
  const held = infoRows.flatMap(([name, , , , systems]) => systems.filter(has).map((s, j) => ({ tenantId, systemId: systemId.get(s)!, informationObjectId: infoId.get(name)!, isMaster: j === 0 })));
  if (held.length) await tx.insert(systemInformation).values(held);

  const integrationRows = integrationTemplates.filter(([from, to]) => has(from) && has(to));
  if (integrationRows.length) {
    const insertedIntegrations = await tx
      .insert(integrations)
      .values(integrationRows.map(([from, to, kind, mode, frequency]) => ({ tenantId, name: `${from} → ${to}`, fromSystemId: systemId.get(from)!, toSystemId: systemId.get(to)!, kind, mode, frequency })))
      .returning({ id: integrations.id });
    const flows = integrationRows.flatMap(([, , , , , info], i) => info.filter((n) => infoId.has(n)).map((n) => ({ tenantId, integrationId: insertedIntegrations[i]!.id, informationObjectId: infoId.get(n)! })));
    if (flows.length) await tx.insert(integrationInformation).values(flows);
  }

  const techRows = technologyTemplates.filter(([, , , , systems]) => systems.some(has));
  if (techRows.length) {
    const insertedTech = await tx
      .insert(technologyComponents)
      .values(techRows.map(([name, kind, provider, location]) => ({ tenantId, name, kind, provider, location })))
      .returning({ id: technologyComponents.id });
    const runsOn = techRows.flatMap(([, , , , systems], i) => systems.filter(has).map((s) => ({ tenantId, systemId: systemId.get(s)!, technologyComponentId: insertedTech[i]!.id })));
    if (runsOn.length) await tx.insert(systemTechnology).values(runsOn);
  }
};
