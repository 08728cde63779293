/**
 * The IT systems a Norwegian municipality typically runs, with fictional product and supplier
 * names. Ordered by importance: a smaller municipality gets the first ones.
 */
export interface SystemTemplate {
  name: string;
  description: string;
  /** Blueprint key of the unit that owns the system. */
  ownerUnit: string;
  supplier: string;
  hosting: 'on_premises' | 'saas' | 'private_cloud' | 'public_cloud' | 'hybrid';
  criticality: 'low' | 'medium' | 'high' | 'critical';
  /** Yearly cost in NOK for a municipality of 1,000 employees. */
  costAt1000: number;
  /** Whether the supplier processes personal data for us, so that a data processing agreement is needed. */
  personalData: boolean;
  /** Licence type, count at 1,000 employees, price per licence a year. */
  licences: readonly (readonly [string, number, number])[];
  /** A phase other than operation, for systems on their way in or out. */
  phase?: 'idea' | 'requirements' | 'implementation' | 'phase_out' | 'retired';
}

type Row = [string, string, string, string, SystemTemplate['hosting'], SystemTemplate['criticality'], number, boolean, SystemTemplate['licences'], SystemTemplate['phase']?];

const rows: Row[] = [
  ['Elements Sak og arkiv', 'Sak- og arkivsystem for journalføring, saksbehandling og arkivering etter Noark 5. Brukes av alle sektorer.', 'dokumentsenter', 'Arkivum AS', 'saas', 'critical', 620000, true, [['Saksbehandler', 450, 900], ['Arkivar', 8, 2500]]],
  ['Lønnsmester HRM', 'HR- og lønnssystem med personaldata, stillinger, fravær og lønnskjøring.', 'lonn', 'Fjordsoft AS', 'saas', 'critical', 540000, true, [['Ansatt selvbetjening', 1000, 120], ['HR-bruker', 25, 3200]]],
  ['Microsoft 365', 'E-post, kalender, Teams, SharePoint og Office for alle ansatte og elever.', 'ikt_drift', 'Microsoft Norge', 'public_cloud', 'critical', 1450000, true, [['E3', 700, 1100], ['F3', 300, 380], ['A3 elev', 2400, 40]]],
  ['Entra ID', 'Identitets- og tilgangsstyring for ansatte og elever, med enkel pålogging til skytjenester.', 'ikt_drift', 'Microsoft Norge', 'public_cloud', 'critical', 180000, true, [['P1', 1000, 70]]],
  ['Kontoret Økonomi', 'Økonomisystem med regnskap, fakturabehandling, reskontro og budsjett.', 'regnskap', 'Tallverk AS', 'saas', 'critical', 480000, true, [['Full bruker', 40, 5200], ['Attestant', 160, 600]]],
  ['SvarUt', 'Sender brev og vedtak digitalt fra fagsystemene til innbyggere og virksomheter (KS Fiks).', 'dokumentsenter', 'KS Digitale fellestjenester', 'saas', 'high', 60000, true, [['Kommunelisens', 1, 60000]]],
  ['SvarInn', 'Mottar forsendelser fra andre offentlige virksomheter direkte inn i sak/arkiv (KS Fiks).', 'dokumentsenter', 'KS Digitale fellestjenester', 'saas', 'high', 25000, true, [['Kommunelisens', 1, 25000]]],
  ['Skolefrisk', 'Skoleadministrativt system for elevdata, timeplaner, fravær, karakterer og foreldrekontakt.', 'oppvekst', 'Læringsverket AS', 'saas', 'critical', 390000, true, [['Lærer', 300, 650], ['Administrasjon', 25, 2400]]],
  ['Læringsrommet', 'Læringsplattform for oppgaver, vurdering og kommunikasjon mellom lærere, elever og foresatte.', 'oppvekst', 'Læringsverket AS', 'saas', 'high', 240000, true, [['Elev', 2400, 60], ['Lærer', 300, 220]]],
  ['Barnehageportalen', 'Barnehageadministrativt system for opptak, plasser, foreldrebetaling og kommunikasjon med foresatte.', 'oppvekst', 'Småfolk Data AS', 'saas', 'high', 210000, true, [['Ansatt', 150, 800], ['Opptaksbruker', 6, 3000]]],
  ['Omsorgsjournal', 'Elektronisk pasientjournal (EPJ) for pleie og omsorg: sykehjem, hjemmetjenester og tildeling.', 'helse', 'Helsedata Nord AS', 'private_cloud', 'critical', 780000, true, [['Helsepersonell', 320, 1400], ['Mobil pleie', 120, 450]]],
  ['Helsestasjonsjournalen', 'Journal for helsestasjon og skolehelsetjeneste med vaksinasjon og innkalling.', 'helsestasjon', 'Helsedata Nord AS', 'private_cloud', 'high', 140000, true, [['Helsepersonell', 14, 4200]]],
  ['Byggesak Pluss', 'Saksbehandling av byggesøknader med kobling til matrikkel og eByggesak.', 'byggesak', 'Geomatikk Vest AS', 'saas', 'high', 160000, true, [['Saksbehandler', 10, 6500]]],
  ['Kartverket Kommunekart', 'Kart og geodata (GIS) for planlegging, innsyn og saksbehandling.', 'oppmaling', 'Geomatikk Vest AS', 'saas', 'medium', 120000, false, [['Redigeringsbruker', 8, 7000], ['Innsyn', 200, 0]]],
  ['Innkjøpsportalen', 'Konkurransegjennomføring og avtalekatalog for innkjøp.', 'innkjop', 'Anbudskraft AS', 'saas', 'medium', 95000, false, [['Innkjøper', 12, 4800]]],
  ['Digipost for kommuner', 'Digital postkasse for utsending av brev til innbyggere som har valgt digital post.', 'dokumentsenter', 'Postverket Digital AS', 'saas', 'high', 70000, true, [['Forsendelser (1000)', 60, 900]]],
  ['BankID-pålogging', 'Innlogging med BankID for innbyggere i kommunens selvbetjeningsløsninger.', 'digitalisering', 'Sikkerid AS', 'saas', 'high', 55000, true, [['Transaksjonspakke', 1, 55000]]],
  ['Altinn-integrasjon', 'Integrasjon mot Altinn for skjemaer, meldinger og tjenesteeierroller.', 'digitalisering', 'Digitaliseringsdirektoratet', 'saas', 'medium', 30000, true, [['Tjenesteeier', 1, 30000]]],
  ['Avvikssystemet', 'Kvalitetssystem for avvik, HMS, prosedyrer og internkontroll.', 'stab', 'Kvalitetshuset AS', 'saas', 'high', 150000, true, [['Bruker', 1000, 90], ['Redaktør', 30, 1200]]],
  ['Sosialforvalteren', 'Fagsystem for sosialtjenesten i NAV: økonomisk sosialhjelp, vedtak og utbetaling.', 'nav', 'Velferdsdata AS', 'private_cloud', 'critical', 170000, true, [['Saksbehandler', 20, 5200]]],
  ['Barnevernsporten', 'Fagsystem for barneverntjenesten: meldinger, undersøkelser, tiltak og journal.', 'barnevern', 'Velferdsdata AS', 'private_cloud', 'critical', 190000, true, [['Saksbehandler', 16, 6800]]],
  ['Ressursplanleggeren', 'Turnus, vaktplan og timeregistrering for helse og omsorg.', 'helse', 'Turnuskompaniet AS', 'saas', 'high', 260000, true, [['Planlegger', 30, 3200], ['Ansatt', 600, 140]]],
  ['Booking Kommune', 'Utleie og booking av lokaler, idrettshaller og møterom.', 'fritid', 'Lokalbooking AS', 'saas', 'low', 45000, true, [['Administrator', 10, 1500]]],
  ['Innsynsportalen', 'Offentlig postliste og innsyn i møteplaner og politiske saker.', 'politisk', 'Arkivum AS', 'saas', 'medium', 40000, false, [['Kommunelisens', 1, 40000]]],
  ['Politisk møtebehandling', 'Møtebehandling for politiske utvalg: innkalling, saksliste, protokoll og vedtak.', 'politisk', 'Arkivum AS', 'saas', 'high', 65000, false, [['Sekretær', 6, 3500], ['Folkevalgt', 45, 300]]],
  ['Kommunens nettsted', 'Publiseringsløsning for kommunens nettsider med skjemaer og driftsmeldinger.', 'kommunikasjon', 'Webmakeriet AS', 'saas', 'high', 110000, false, [['Redaktør', 25, 1200]]],
  ['Skjemabyggeren', 'Digitale selvbetjeningsskjemaer med innlogging og arkivering til sak/arkiv.', 'digitalisering', 'Skjemafabrikken AS', 'saas', 'medium', 85000, true, [['Skjemautvikler', 6, 4000]]],
  ['Brukerstøtteportalen', 'Saksbehandling av IKT-henvendelser, endringer og eiendeler (ITSM).', 'brukerstotte', 'Servicedesk Norden AS', 'saas', 'medium', 90000, false, [['Agent', 12, 5200]]],
  ['Sikker sone backup', 'Sikkerhetskopi av servere, Microsoft 365 og fagsystemer.', 'ikt_drift', 'Datatrygg AS', 'hybrid', 'critical', 140000, true, [['Kapasitet (TB)', 40, 2800]]],
  ['Endepunktsvern', 'Antivirus og overvåking av PC-er og servere (EDR).', 'ikt_drift', 'Skjoldmur AS', 'saas', 'high', 120000, false, [['Endepunkt', 1300, 85]]],
  ['Eiendomsforvalteren', 'Forvaltning, drift og vedlikehold av kommunale bygg (FDV).', 'eiendom', 'Byggdrift Systemer AS', 'saas', 'medium', 75000, false, [['Bruker', 20, 2500]]],
  ['Vannverket Drift', 'Driftskontroll og overvåking av vannverk, pumpestasjoner og renseanlegg (SD-anlegg).', 'vann', 'Hydrosys AS', 'on_premises', 'critical', 160000, false, [['Anleggslisens', 1, 160000]]],
  ['Kommunale avgifter', 'Fakturering av vann, avløp, renovasjon og feiing.', 'regnskap', 'Tallverk AS', 'saas', 'high', 70000, true, [['Bruker', 6, 4500]]],
  ['Matrikkelklienten', 'Føring av matrikkelen: eiendommer, adresser og bygninger.', 'oppmaling', 'Geomatikk Vest AS', 'saas', 'high', 40000, true, [['Matrikkelfører', 4, 6000]]],
  ['Planregisteret', 'Digitalt planregister med reguleringsplaner og planbehandling.', 'plan', 'Geomatikk Vest AS', 'saas', 'medium', 50000, false, [['Planbehandler', 6, 5000]]],
  ['Tilskuddsportalen', 'Søknad og behandling av kulturtilskudd og tilskudd til lag og foreninger.', 'kultur', 'Lokalbooking AS', 'saas', 'low', 25000, true, [['Saksbehandler', 4, 2000]]],
  ['Bibliotekssystemet', 'Utlån, katalog og lånere for folkebiblioteket.', 'bibliotek', 'Boksamling AS', 'saas', 'medium', 70000, true, [['Bibliotekar', 10, 3000]]],
  ['Kulturskoleadmin', 'Påmelding, elevadministrasjon og fakturering for kulturskolen.', 'kulturskole', 'Småfolk Data AS', 'saas', 'low', 35000, true, [['Administrator', 4, 2500]]],
  ['PPT-journal', 'Fagsystem og journal for pedagogisk-psykologisk tjeneste.', 'ppt', 'Velferdsdata AS', 'private_cloud', 'high', 60000, true, [['Saksbehandler', 9, 4200]]],
  ['NAV Modia-tilgang', 'Tilgang til statlige NAV-systemer for kommunalt ansatte ved NAV-kontoret.', 'nav', 'NAV IT', 'public_cloud', 'high', 0, true, [['Kommunal bruker', 18, 0]]],
  ['Helsenettet', 'Tilkobling til Norsk helsenett for meldingsutveksling med fastleger og sykehus.', 'helse', 'Norsk helsenett SF', 'hybrid', 'critical', 90000, true, [['Tilknytning', 1, 90000]]],
  ['Meldingsløftet', 'Elektronisk meldingsutveksling (PLO-meldinger) mellom kommune, fastlege og sykehus.', 'helse', 'Helsedata Nord AS', 'private_cloud', 'high', 45000, true, [['Kommunelisens', 1, 45000]]],
  ['Legejournalen', 'Journalsystem for legevakt og kommunale legekontor.', 'legekontor', 'Medikus Data AS', 'private_cloud', 'critical', 95000, true, [['Lege', 6, 9000], ['Helsesekretær', 6, 2500]]],
  ['Trygghetsalarm', 'Mottak av trygghetsalarmer og velferdsteknologi i hjemmet.', 'home_care', 'Velferdsteknikk AS', 'saas', 'critical', 130000, true, [['Alarm', 250, 420]]],
  ['Medisinromsløsningen', 'Elektronisk legemiddelhåndtering og multidose på sykehjem.', 'nursing_home', 'Helsedata Nord AS', 'private_cloud', 'high', 80000, true, [['Avdeling', 8, 9000]]],
  ['Rusjournalen', 'Journal og oppfølging for psykisk helse og rustjenesten.', 'psykisk', 'Medikus Data AS', 'private_cloud', 'high', 55000, true, [['Helsepersonell', 16, 3000]]],
  ['Tildelingsmodulen', 'Søknad, vedtak og tildeling av helse- og omsorgstjenester.', 'tildeling', 'Helsedata Nord AS', 'private_cloud', 'high', 60000, true, [['Saksbehandler', 8, 4500]]],
  ['Elevtransport', 'Planlegging og bestilling av skoleskyss.', 'oppvekst', 'Skyssdata AS', 'saas', 'low', 20000, true, [['Bruker', 4, 2000]]],
  ['Foresattappen', 'Mobilapp for beskjeder, fravær og samtykker mellom skole, barnehage og hjem.', 'oppvekst', 'Småfolk Data AS', 'saas', 'medium', 95000, true, [['Foresatt', 3000, 20]]],
  ['Kartleggingsverktøyet', 'Kartleggingsprøver og oppfølging av elevers læring.', 'oppvekst', 'Læringsverket AS', 'saas', 'low', 45000, true, [['Skolelisens', 7, 6000]]],
  ['Chromebook-forvaltning', 'Sentral forvaltning av elevenes Chromebooks.', 'ikt_drift', 'Skolemaskin AS', 'public_cloud', 'medium', 60000, true, [['Enhet', 2400, 25]]],
  ['iPad-forvaltning', 'Mobil enhetsforvaltning (MDM) for nettbrett i barnehager og småtrinn.', 'ikt_drift', 'Skolemaskin AS', 'saas', 'medium', 40000, false, [['Enhet', 900, 45]]],
  ['Intune', 'Forvaltning av PC-er og mobiler for ansatte.', 'ikt_drift', 'Microsoft Norge', 'public_cloud', 'high', 0, false, [['Inkludert i E3', 1000, 0]]],
  ['Brannmuren', 'Nettverkssikkerhet og brannmur for rådhus, skoler og sykehjem.', 'ikt_drift', 'Skjoldmur AS', 'on_premises', 'critical', 180000, false, [['Lokasjon', 25, 7200]]],
  ['Virtualiseringsplattformen', 'Servervirtualisering for fagsystemer som driftes lokalt.', 'ikt_drift', 'Datahallen AS', 'on_premises', 'critical', 210000, false, [['Vertsmaskin', 6, 35000]]],
  ['Utskriftsløsningen', 'Sikker utskrift med følg-meg-print på alle lokasjoner.', 'ikt_drift', 'Printhuset AS', 'on_premises', 'low', 85000, false, [['Skriver', 120, 700]]],
  ['Telefoni og sentralbord', 'Skybasert sentralbord og mobiltelefoni for ansatte.', 'servicetorget', 'Tele Nordvest AS', 'saas', 'high', 260000, true, [['Mobilabonnement', 700, 300], ['Sentralbordagent', 8, 2500]]],
  ['Chatbot Kommune', 'Digital assistent som svarer innbyggere på kommunens nettsider.', 'servicetorget', 'Samtaleverk AS', 'saas', 'low', 60000, false, [['Kommunelisens', 1, 60000]], 'implementation'],
  ['Arkivplan', 'Oversikt over kommunens arkiver, rutiner og arkivdanning.', 'dokumentsenter', 'Arkivum AS', 'saas', 'low', 12000, false, [['Kommunelisens', 1, 12000]]],
  ['Depotløsningen', 'Langtidsbevaring av elektroniske arkiver i interkommunalt arkivdepot.', 'dokumentsenter', 'Interkommunalt arkiv IKS', 'private_cloud', 'medium', 80000, true, [['Medlemskap', 1, 80000]]],
  ['WebSak Classic', 'Tidligere sak/arkivsystem. Brukes bare til oppslag i eldre saker fram til avlevering.', 'dokumentsenter', 'Arkivum AS', 'on_premises', 'low', 90000, true, [['Oppslagsbruker', 30, 600]], 'phase_out'],
  ['Lønn 2000', 'Gammelt lønnssystem, erstattet av Lønnsmester HRM. Data er avlevert.', 'lonn', 'Fjordsoft AS', 'on_premises', 'low', 0, true, [['Bruker', 0, 0]], 'retired'],
  ['Rekrutteringsportalen', 'Utlysning av stillinger, søknadsbehandling og ansettelse.', 'personal', 'Talentkompasset AS', 'saas', 'medium', 80000, true, [['Rekrutterer', 40, 1200]]],
  ['Medarbeiderundersøkelsen', 'Gjennomføring av 10-faktor og andre medarbeiderundersøkelser.', 'personal', 'Talentkompasset AS', 'saas', 'low', 30000, true, [['Kommunelisens', 1, 30000]]],
  ['Kompetanseportalen', 'E-læring, kurskatalog og registrering av ansattes kompetanse og sertifiseringer.', 'personal', 'Talentkompasset AS', 'saas', 'medium', 70000, true, [['Ansatt', 1000, 60]]],
  ['Reiseregning', 'Reiseregninger, utlegg og kjøregodtgjørelse.', 'lonn', 'Fjordsoft AS', 'saas', 'low', 50000, true, [['Ansatt', 600, 70]]],
  ['Budsjettverktøyet', 'Budsjettering, økonomiplan og rapportering til politisk nivå.', 'budsjett', 'Tallverk AS', 'saas', 'high', 85000, false, [['Budsjettbruker', 40, 1800]]],
  ['Styringsportalen', 'Virksomhetsstyring med mål, indikatorer og KOSTRA-analyse.', 'budsjett', 'Analysekompaniet AS', 'saas', 'medium', 60000, false, [['Bruker', 60, 800]]],
  ['eFaktura-mottak', 'Mottak og tolking av elektroniske fakturaer (EHF) via PEPPOL.', 'regnskap', 'Tallverk AS', 'saas', 'high', 40000, false, [['Fakturapakke', 1, 40000]]],
  ['Innfordring', 'Innfordring av kommunale krav og purringer.', 'regnskap', 'Inkassopartner AS', 'saas', 'medium', 25000, true, [['Bruker', 3, 3000]]],
  ['Eiendomsskatt', 'Taksering og utskriving av eiendomsskatt.', 'okonomi', 'Geomatikk Vest AS', 'saas', 'medium', 45000, true, [['Bruker', 4, 5000]], 'requirements'],
  ['Vegvedlikehold', 'Registrering og planlegging av drift og vedlikehold av kommunale veier.', 'vei', 'Veidata AS', 'saas', 'medium', 40000, false, [['Bruker', 6, 3500]]],
  ['Brøyteruter', 'Sporing av brøytebiler og dokumentasjon av vintervedlikehold.', 'vei', 'Veidata AS', 'saas', 'low', 30000, false, [['Kjøretøy', 10, 1800]]],
  ['Ledningskartet', 'Dokumentasjon av vann- og avløpsnett med kobling til kartløsningen.', 'vann', 'Hydrosys AS', 'saas', 'high', 65000, false, [['Bruker', 8, 4500]]],
  ['Energioppfølging', 'Måling og oppfølging av energibruk i kommunale bygg.', 'eiendom', 'Byggdrift Systemer AS', 'saas', 'low', 35000, false, [['Bygg', 60, 450]]],
  ['Adgangskontroll', 'Nøkkelkort og adgangskontroll til kommunale bygg.', 'eiendom', 'Låsesmeden Digital AS', 'on_premises', 'high', 75000, true, [['Dør', 300, 150]]],
  ['Renholdsplanleggeren', 'Planlegging og kvalitetskontroll av renhold i kommunale bygg (INSTA 800).', 'renhold', 'Byggdrift Systemer AS', 'saas', 'low', 20000, false, [['Bruker', 8, 1500]]],
  ['Miljøfyrtårn-portalen', 'Miljøledelse og klimarapportering for sertifiserte virksomheter.', 'plan', 'Grønn Rapport AS', 'saas', 'low', 15000, false, [['Kommunelisens', 1, 15000]]],
  ['Landbruksforvaltning', 'Søknader om produksjonstilskudd og landbrukssaker.', 'plan', 'Landbruksdirektoratet', 'public_cloud', 'low', 0, true, [['Saksbehandler', 3, 0]]],
  ['Beredskapsportalen', 'Krisehåndtering, varsling og loggføring ved hendelser.', 'stab', 'Krisestøtte AS', 'saas', 'high', 55000, true, [['Kriseledelse', 25, 1800]]],
  ['Innbyggervarsling', 'Varsling av innbyggere på SMS ved vannbrudd, stengte veier og kriser.', 'stab', 'Krisestøtte AS', 'saas', 'high', 40000, true, [['SMS-pakke', 1, 40000]]],
  ['Personvernprotokollen', 'Behandlingsprotokoll, personvernkonsekvensvurderinger og databehandleravtaler.', 'stab', 'Kvalitetshuset AS', 'saas', 'medium', 30000, false, [['Redaktør', 10, 2500]], 'implementation'],
  ['Risikoverktøyet', 'Risiko- og sårbarhetsanalyser (ROS) for systemer og tjenester.', 'ikt', 'Kvalitetshuset AS', 'saas', 'medium', 35000, false, [['Analytiker', 15, 2000]], 'requirements'],
  ['Arkitekturkartet', 'Oversikt over prosesser, informasjon og systemer i kommunen.', 'digitalisering', 'Modellverkstedet AS', 'saas', 'low', 25000, false, [['Modellerer', 5, 4000]], 'idea'],
  ['Integrasjonsplattformen', 'Meldingsbasert integrasjon mellom fagsystemene og nasjonale felleskomponenter (Fiks IO).', 'ikt_drift', 'Broverk Integrasjon AS', 'hybrid', 'critical', 150000, true, [['Integrasjon', 30, 4500]]],
  ['Brukeradministrasjon', 'Automatisk oppretting og fjerning av brukere i fagsystemer ut fra HR-data.', 'ikt_drift', 'Broverk Integrasjon AS', 'on_premises', 'high', 90000, true, [['Identitet', 1000, 60]], 'phase_out'],
  ['Passordportalen', 'Selvbetjent tilbakestilling av passord for ansatte og elever.', 'brukerstotte', 'Sikkerid AS', 'saas', 'low', 20000, false, [['Identitet', 3400, 5]]],
  ['Videomøter for helse', 'Sikker video for konsultasjoner mellom helsepersonell og innbyggere.', 'helse', 'Medikus Data AS', 'saas', 'medium', 30000, true, [['Behandler', 30, 900]]],
  ['Digitalt tilsyn', 'Digitale tilsynskameraer og sensorer for beboere med vedtak.', 'nursing_home', 'Velferdsteknikk AS', 'saas', 'high', 90000, true, [['Sensor', 80, 900]], 'implementation'],
  ['Kjøreliste hjemmetjenesten', 'Planlegging av ruter og besøk for hjemmetjenesten på mobil.', 'home_care', 'Helsedata Nord AS', 'saas', 'high', 50000, true, [['Mobil pleie', 80, 500]]],
  ['Kvalitetsregisteret', 'Registrering av kvalitetsindikatorer for sykehjem (trykksår, fall, ernæring).', 'nursing_home', 'Helsedata Nord AS', 'saas', 'low', 15000, true, [['Avdeling', 8, 1500]]],
  ['Vaksinasjonsregistrering', 'Registrering av vaksiner mot nasjonalt vaksineregister (SYSVAK).', 'helsestasjon', 'Helsedata Nord AS', 'saas', 'medium', 10000, true, [['Helsepersonell', 10, 800]]],
  ['Boligsosial forvaltning', 'Tildeling og forvaltning av kommunale utleieboliger.', 'nav', 'Velferdsdata AS', 'saas', 'medium', 45000, true, [['Saksbehandler', 6, 3500]]],
  ['Flyktningtjenesten', 'Oppfølging av introduksjonsprogrammet for nyankomne flyktninger.', 'nav', 'Velferdsdata AS', 'saas', 'medium', 40000, true, [['Saksbehandler', 6, 3000]]],
  ['Startlån', 'Saksbehandling av startlån og tilskudd fra Husbanken.', 'nav', 'Husbanken', 'public_cloud', 'low', 0, true, [['Saksbehandler', 3, 0]]],
  ['Spesialundervisning', 'Planlegging og dokumentasjon av individuelle opplæringsplaner (IOP).', 'ppt', 'Læringsverket AS', 'saas', 'medium', 30000, true, [['Skolelisens', 7, 4000]]],
  ['Digital læringsressursbank', 'Lisenser til digitale læremidler og læringsressurser.', 'oppvekst', 'Forlagssentralen AS', 'saas', 'low', 180000, false, [['Elev', 2400, 75]]],
  ['Barnehagebasen', 'Pedagogisk dokumentasjon og observasjon i barnehagene.', 'oppvekst', 'Småfolk Data AS', 'saas', 'low', 35000, true, [['Barnehage', 9, 3800]], 'requirements'],
  ['Besøkssystemet', 'Registrering av besøkende og gjester på rådhuset.', 'servicetorget', 'Låsesmeden Digital AS', 'saas', 'low', 12000, true, [['Kommunelisens', 1, 12000]], 'idea'],
  ['Kommunens innbyggerportal', 'Samlet innlogget side for innbyggerne med saker, fakturaer og timebestillinger.', 'digitalisering', 'Webmakeriet AS', 'saas', 'medium', 90000, true, [['Kommunelisens', 1, 90000]], 'requirements'],
  ['Sosiale medier-verktøy', 'Planlegging og publisering på kommunens kanaler i sosiale medier.', 'kommunikasjon', 'Samtaleverk AS', 'saas', 'low', 18000, false, [['Redaktør', 6, 3000]]],
  ['Nyhetsbrev', 'Utsending av nyhetsbrev til innbyggere og ansatte.', 'kommunikasjon', 'Webmakeriet AS', 'saas', 'low', 10000, true, [['Kommunelisens', 1, 10000]], 'retired'],
  ['Intranettet', 'Ansattportal med nyheter, rutiner og hvem-er-hvem.', 'kommunikasjon', 'Webmakeriet AS', 'public_cloud', 'medium', 60000, false, [['Kommunelisens', 1, 60000]]],
  ['Rapportverktøyet', 'Dashbord og rapporter på tvers av fagsystemene (BI).', 'budsjett', 'Microsoft Norge', 'public_cloud', 'medium', 50000, false, [['Pro', 40, 1250]]],
  ['Timebestilling', 'Timebestilling for helsestasjon, fysioterapi og servicetorg.', 'helsestasjon', 'Lokalbooking AS', 'saas', 'low', 20000, true, [['Kalender', 20, 900]]],
];

export const systemTemplates: readonly SystemTemplate[] = rows.map(
  ([name, description, ownerUnit, supplier, hosting, criticality, costAt1000, personalData, licences, phase]) => ({
    name, description, ownerUnit, supplier, hosting, criticality, costAt1000, personalData, licences, phase,
  }),
);
