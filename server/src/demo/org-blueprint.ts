/**
 * The shape of a Norwegian municipality's organisation: what units it has, who leads them, which
 * positions work there and how many people each holds at the size of the pilot (about 1,000
 * employees). The generator scales these numbers to the size asked for.
 */
export interface UnitBlueprint {
  /** Stable name the generator uses to find the unit again (system owners, demo users). */
  key: string;
  name: string;
  kind: string;
  leaderTitle: string;
  /** People working directly in this unit (leader included) when the municipality has 1,000 employees. */
  peopleAt1000: number;
  /** Positions of the people who are not the leader, with relative weights. */
  staff: readonly (readonly [string, number])[];
  /** Positions that must exist once (they are who the demo users are); kept when the unit is folded into its parent. */
  required?: readonly string[];
  /** Never folded into the parent however small the municipality is. */
  essential?: boolean;
  /**
   * A unit that exists many times (schools, kindergartens): how many people each instance holds,
   * how instances are named after places, and what an area grouping ten of them is called.
   */
  instances?: { targetSize: number; name: (place: string, index: number) => string; areaName: string };
  /** Above this size a single unit is split into teams of about this many people. */
  teamSize?: number;
  children?: readonly UnitBlueprint[];
}

const schoolStaff = [
  ['Lærer', 60], ['Lektor', 15], ['Assistent', 12], ['Miljøarbeider', 5], ['Spesialpedagog', 4],
  ['Inspektør', 3], ['Sosiallærer', 2], ['Konsulent', 2],
] as const;

const kindergartenStaff = [
  ['Barnehagelærer', 25], ['Pedagogisk leder', 20], ['Barne- og ungdomsarbeider', 25], ['Assistent', 25], ['Spesialpedagog', 3],
] as const;

const nursingStaff = [
  ['Sykepleier', 25], ['Helsefagarbeider', 35], ['Assistent', 15], ['Fagsykepleier', 4], ['Spesialsykepleier', 3], ['Ergoterapeut', 1],
] as const;

const homeCareStaff = [['Sykepleier', 25], ['Helsefagarbeider', 35], ['Assistent', 10], ['Vernepleier', 3]] as const;

export const municipalityBlueprint: UnitBlueprint = {
  key: 'root',
  name: '', // the municipality's own name
  kind: 'municipality',
  leaderTitle: 'Kommunedirektør',
  peopleAt1000: 1,
  staff: [],
  essential: true,
  children: [
    {
      key: 'stab',
      name: 'Kommunedirektørens stab',
      kind: 'staff',
      leaderTitle: 'Stabsleder',
      peopleAt1000: 5,
      staff: [['Rådgiver', 3], ['Jurist', 2], ['Beredskapskoordinator', 1]],
      required: ['Kvalitetsrådgiver', 'Personvernombud'],
      children: [
        { key: 'servicetorget', name: 'Servicetorget', kind: 'department', leaderTitle: 'Leder servicetorget', peopleAt1000: 6, staff: [['Servicetorgmedarbeider', 3], ['Konsulent', 1]] },
        { key: 'dokumentsenter', name: 'Dokumentsenteret', kind: 'department', leaderTitle: 'Arkivleder', peopleAt1000: 5, staff: [['Arkivar', 2], ['Konsulent', 1]] },
        { key: 'politisk', name: 'Politisk sekretariat', kind: 'department', leaderTitle: 'Leder politisk sekretariat', peopleAt1000: 4, staff: [['Politisk sekretær', 2], ['Konsulent', 1]] },
        { key: 'kommunikasjon', name: 'Kommunikasjon', kind: 'department', leaderTitle: 'Kommunikasjonssjef', peopleAt1000: 4, staff: [['Kommunikasjonsrådgiver', 2], ['Webredaktør', 1]] },
      ],
    },
    {
      key: 'oppvekst',
      name: 'Oppvekst',
      kind: 'sector',
      leaderTitle: 'Kommunalsjef oppvekst',
      peopleAt1000: 3,
      staff: [['Rådgiver', 2], ['Spesialrådgiver', 1], ['Konsulent', 1]],
      essential: true,
      children: [
        {
          key: 'school', name: 'Skole', kind: 'school', leaderTitle: 'Rektor', peopleAt1000: 290, staff: schoolStaff,
          instances: { targetSize: 40, name: (place, index) => `${place} ${index % 4 === 3 ? 'ungdomsskole' : 'skole'}`, areaName: 'Skoleområde' },
        },
        {
          key: 'kindergarten', name: 'Barnehage', kind: 'kindergarten', leaderTitle: 'Styrer', peopleAt1000: 150, staff: kindergartenStaff,
          instances: { targetSize: 16, name: (place) => `${place} barnehage`, areaName: 'Barnehageområde' },
        },
        { key: 'ppt', name: 'PPT', kind: 'department', leaderTitle: 'Leder PPT', peopleAt1000: 8, staff: [['PP-rådgiver', 3], ['Logoped', 1], ['Spesialpedagog', 1]] },
        { key: 'barnevern', name: 'Barneverntjenesten', kind: 'department', leaderTitle: 'Barnevernleder', peopleAt1000: 14, staff: [['Barnevernkonsulent', 5], ['Familieterapeut', 1], ['Saksbehandler', 1]] },
      ],
    },
    {
      key: 'helse',
      name: 'Helse og omsorg',
      kind: 'sector',
      leaderTitle: 'Kommunalsjef helse og omsorg',
      peopleAt1000: 3,
      staff: [['Rådgiver', 2], ['Fagutvikler', 1]],
      essential: true,
      children: [
        {
          key: 'nursing_home', name: 'Sykehjem', kind: 'nursing_home', leaderTitle: 'Enhetsleder', peopleAt1000: 150, staff: nursingStaff,
          instances: { targetSize: 50, name: (place, index) => (index % 2 === 0 ? `${place} sykehjem` : `${place} bo- og omsorgssenter`), areaName: 'Sykehjemsområde' },
        },
        {
          key: 'home_care', name: 'Hjemmetjenesten', kind: 'home_care', leaderTitle: 'Enhetsleder', peopleAt1000: 70, staff: homeCareStaff,
          instances: { targetSize: 35, name: (place) => `Hjemmetjenesten ${place}`, areaName: 'Hjemmetjenesteområde' },
        },
        {
          key: 'housing', name: 'Bofellesskap', kind: 'housing', leaderTitle: 'Avdelingsleder', peopleAt1000: 40,
          staff: [['Vernepleier', 3], ['Miljøterapeut', 2], ['Helsefagarbeider', 3], ['Assistent', 2]],
          instances: { targetSize: 20, name: (place) => `${place} bofellesskap`, areaName: 'Boligområde' },
        },
        { key: 'tildeling', name: 'Tildelingskontoret', kind: 'department', leaderTitle: 'Leder tildelingskontoret', peopleAt1000: 6, staff: [['Saksbehandler', 3], ['Koordinator', 1]] },
        { key: 'nav', name: 'NAV sosial', kind: 'department', leaderTitle: 'NAV-leder', peopleAt1000: 18, staff: [['Veileder', 4], ['Sosialkonsulent', 2], ['Saksbehandler', 1]] },
        { key: 'helsestasjon', name: 'Helsestasjon og skolehelsetjeneste', kind: 'health_station', leaderTitle: 'Leder helsestasjon', peopleAt1000: 12, staff: [['Helsesykepleier', 5], ['Jordmor', 1], ['Fysioterapeut', 1]] },
        { key: 'legekontor', name: 'Legevakt og legekontor', kind: 'department', leaderTitle: 'Kommuneoverlege', peopleAt1000: 12, staff: [['Lege', 3], ['Helsesekretær', 2], ['Sykepleier', 1]] },
        { key: 'psykisk', name: 'Psykisk helse og rus', kind: 'department', leaderTitle: 'Enhetsleder', peopleAt1000: 16, staff: [['Psykiatrisk sykepleier', 3], ['Miljøterapeut', 2], ['Sosionom', 1]] },
      ],
    },
    {
      key: 'teknisk',
      name: 'Teknisk',
      kind: 'sector',
      leaderTitle: 'Kommunalsjef teknisk',
      peopleAt1000: 2,
      staff: [['Rådgiver', 1]],
      essential: true,
      children: [
        { key: 'byggesak', name: 'Byggesak', kind: 'department', leaderTitle: 'Leder byggesak', peopleAt1000: 8, staff: [['Saksbehandler byggesak', 3], ['Ingeniør', 1]] },
        { key: 'plan', name: 'Plan og miljø', kind: 'department', leaderTitle: 'Planleder', peopleAt1000: 7, staff: [['Arealplanlegger', 3], ['Miljørådgiver', 1]] },
        { key: 'oppmaling', name: 'Oppmåling og geodata', kind: 'department', leaderTitle: 'Leder oppmåling', peopleAt1000: 5, staff: [['Oppmålingsingeniør', 2], ['GIS-konsulent', 1]] },
        { key: 'vei', name: 'Vei og park', kind: 'department', leaderTitle: 'Leder vei og park', peopleAt1000: 12, staff: [['Fagarbeider', 4], ['Maskinfører', 2], ['Ingeniør', 1]] },
        { key: 'vann', name: 'Vann og avløp', kind: 'department', leaderTitle: 'Leder vann og avløp', peopleAt1000: 12, staff: [['Driftsoperatør', 3], ['Ingeniør', 1], ['Fagarbeider', 2]] },
        { key: 'eiendom', name: 'Eiendom', kind: 'department', leaderTitle: 'Eiendomssjef', peopleAt1000: 12, staff: [['Vaktmester', 4], ['Eiendomsforvalter', 1], ['Prosjektleder', 1]] },
        { key: 'renhold', name: 'Renhold', kind: 'department', leaderTitle: 'Renholdsleder', peopleAt1000: 20, staff: [['Renholder', 1]] },
      ],
    },
    {
      key: 'okonomi',
      name: 'Økonomi',
      kind: 'sector',
      leaderTitle: 'Økonomisjef',
      peopleAt1000: 2,
      staff: [['Controller', 1]],
      essential: true,
      children: [
        { key: 'regnskap', name: 'Regnskap', kind: 'department', leaderTitle: 'Regnskapsleder', peopleAt1000: 7, staff: [['Regnskapskonsulent', 3], ['Konsulent', 1]] },
        { key: 'budsjett', name: 'Budsjett og analyse', kind: 'department', leaderTitle: 'Leder budsjett og analyse', peopleAt1000: 4, staff: [['Controller', 1], ['Økonomirådgiver', 1]] },
        { key: 'innkjop', name: 'Innkjøp', kind: 'department', leaderTitle: 'Innkjøpsleder', peopleAt1000: 4, staff: [['Innkjøpsrådgiver', 1]] },
      ],
    },
    {
      key: 'hr',
      name: 'HR og organisasjon',
      kind: 'sector',
      leaderTitle: 'HR-sjef',
      peopleAt1000: 2,
      staff: [['HR-rådgiver', 1]],
      essential: true,
      children: [
        { key: 'personal', name: 'Personal', kind: 'department', leaderTitle: 'Personalleder', peopleAt1000: 6, staff: [['HR-rådgiver', 2], ['HR-konsulent', 1]] },
        { key: 'lonn', name: 'Lønn', kind: 'department', leaderTitle: 'Lønnsleder', peopleAt1000: 6, staff: [['Lønnskonsulent', 1]] },
      ],
    },
    {
      key: 'ikt',
      name: 'IKT og digitalisering',
      kind: 'sector',
      leaderTitle: 'IKT-sjef',
      peopleAt1000: 2,
      staff: [['Rådgiver', 1]],
      required: ['Informasjonssikkerhetsleder'],
      essential: true,
      children: [
        { key: 'ikt_drift', name: 'IKT-drift', kind: 'department', leaderTitle: 'Driftsleder', peopleAt1000: 10, staff: [['Systemkonsulent', 3], ['Nettverksingeniør', 1], ['Driftstekniker', 2]] },
        { key: 'digitalisering', name: 'Digitalisering', kind: 'department', leaderTitle: 'Leder digitalisering', peopleAt1000: 6, staff: [['Prosjektleder', 2], ['Rådgiver digitalisering', 2], ['Systemkonsulent', 1]], required: ['Virksomhetsarkitekt'] },
        { key: 'brukerstotte', name: 'Brukerstøtte', kind: 'department', leaderTitle: 'Leder brukerstøtte', peopleAt1000: 6, staff: [['IKT-konsulent', 3], ['IKT-lærling', 1]] },
      ],
    },
    {
      key: 'kultur',
      name: 'Kultur',
      kind: 'sector',
      leaderTitle: 'Kultursjef',
      peopleAt1000: 2,
      staff: [['Kulturkonsulent', 1]],
      essential: true,
      children: [
        { key: 'bibliotek', name: 'Biblioteket', kind: 'department', leaderTitle: 'Biblioteksjef', peopleAt1000: 8, staff: [['Bibliotekar', 2], ['Biblioteksassistent', 1]] },
        { key: 'kulturskole', name: 'Kulturskolen', kind: 'department', leaderTitle: 'Rektor kulturskolen', peopleAt1000: 12, staff: [['Kulturskolelærer', 1]] },
        { key: 'fritid', name: 'Fritid og frivillighet', kind: 'department', leaderTitle: 'Leder fritid og frivillighet', peopleAt1000: 6, staff: [['Ungdomsarbeider', 2], ['Kulturkonsulent', 1]] },
      ],
    },
  ],
};
