/**
 * The demo's processes: a hierarchy of areas (Oppvekst, Helse og omsorg, Plan, bygg og eiendom,
 * Økonomi, HR og organisasjon) with about ten published processes drawn as real BPMN, their lanes
 * linked to the demo's business roles and their tasks to the demo's systems (and system roles).
 * One process is overdue for its yearly review, so the owner sees a notice. Built in memory, then a
 * handful of multi-row inserts: fast to load.
 */
import { businessRoles, systemRoles } from '../modules/access/tables.ts';
import { linearDiagram, type LinearStep } from '../modules/processes/bpmn/linear-diagram.ts';
import {
  processElementLinks,
  processes,
  processReviewReminders,
  processVersions,
} from '../modules/processes/tables.ts';
import { notify } from '../modules/notices/queries.ts';
import type { DemoExtension } from './demo-extensions.ts';
import { Random } from './random.ts';

/** [task name, system, system role] — system null for a manual task. */
type Step = [string, string | null, string | null];
interface ProcessSpec {
  name: string;
  purpose: string;
  /** [lane name (a business role), steps] */
  lanes: [string, Step[]][];
  start: string;
  end: string;
}

const areas: { name: string; purpose: string; processes: ProcessSpec[] }[] = [
  {
    name: 'Oppvekst',
    purpose: 'Barnehage, skole og tjenester for barn og unge.',
    processes: [
      {
        name: 'Søke barnehageplass',
        purpose: 'Gi barn barnehageplass etter barnehageloven, gjennom samordnet opptak.',
        start: 'Søknad mottatt',
        end: 'Plass tildelt',
        lanes: [
          ['Opptaksansvarlig barnehage', [['Kontrollere søknad', 'Barnehageportalen', 'Opptaksbruker'], ['Vurdere prioritet', null, null], ['Tildele plass', 'Barnehageportalen', 'Opptaksbruker']]],
          ['Styrer barnehage', [['Bekrefte oppstart', 'Barnehageportalen', 'Styrer']]],
        ],
      },
      {
        name: 'Følge opp elevfravær',
        purpose: 'Fange opp fravær tidlig og følge opp elev og foresatte.',
        start: 'Fravær registrert',
        end: 'Oppfølging avsluttet',
        lanes: [
          ['Lærer', [['Føre fravær', 'Skolefrisk', 'Lærer'], ['Varsle foresatte', 'Skolefrisk', 'Lærer']]],
          ['Rektor', [['Vurdere tiltak', null, null], ['Innkalle til møte', 'Elements Sak og arkiv', 'Leder']]],
        ],
      },
    ],
  },
  {
    name: 'Helse og omsorg',
    purpose: 'Helsetjenester, pleie og omsorg i hjemmet og på institusjon.',
    processes: [
      {
        name: 'Tildele hjemmetjeneste',
        purpose: 'Gi innbyggere nødvendige helse- og omsorgstjenester i hjemmet etter vedtak.',
        start: 'Søknad mottatt',
        end: 'Tjenesten startet',
        lanes: [
          ['Saksbehandler arkiv', [['Registrere søknad', 'Elements Sak og arkiv', 'Saksbehandler'], ['Kartlegge behov', null, null], ['Fatte vedtak', 'Elements Sak og arkiv', 'Saksbehandler']]],
          ['Sykepleier hjemmetjenesten', [['Lage tiltaksplan', 'Omsorgsjournal', 'Sykepleier'], ['Planlegge besøk', 'Ressursplanleggeren', 'Ansatt']]],
        ],
      },
      {
        name: 'Håndtere legemidler på sykehjem',
        purpose: 'Trygg legemiddelhåndtering for beboere på sykehjem.',
        start: 'Legemiddel forordnet',
        end: 'Legemiddel gitt',
        lanes: [
          ['Sykepleier sykehjem', [['Kontrollere forordning', 'Omsorgsjournal', 'Sykepleier'], ['Klargjøre legemidler', null, null], ['Dele ut legemidler', 'Omsorgsjournal', 'Sykepleier']]],
          ['Helsefagarbeider', [['Dokumentere utdeling', 'Omsorgsjournal', 'Helsefagarbeider']]],
        ],
      },
      {
        name: 'Behandle søknad om økonomisk sosialhjelp',
        purpose: 'Sikre livsopphold etter sosialtjenesteloven.',
        start: 'Søknad mottatt',
        end: 'Vedtak sendt',
        lanes: [['Saksbehandler NAV sosial', [['Registrere søknad', 'Sosialforvalteren', 'Saksbehandler'], ['Innhente opplysninger', null, null], ['Fatte vedtak', 'Sosialforvalteren', 'Saksbehandler'], ['Sende vedtak', 'Sosialforvalteren', 'Saksbehandler']]]],
      },
    ],
  },
  {
    name: 'Plan, bygg og eiendom',
    purpose: 'Arealplaner, byggesaker, kart og kommunens eiendommer.',
    processes: [
      {
        name: 'Behandle byggesøknad',
        purpose: 'Behandle søknader om tiltak etter plan- og bygningsloven innen fristen.',
        start: 'Byggesøknad mottatt',
        end: 'Vedtak sendt',
        lanes: [
          ['Saksbehandler byggesak', [['Kontrollere dokumentasjon', 'Byggesak Pluss', 'Saksbehandler byggesak'], ['Sjekke reguleringsplan', 'Kartverket Kommunekart', 'Innsyn'], ['Fatte vedtak', 'Byggesak Pluss', 'Saksbehandler byggesak']]],
          ['Arkivar', [['Journalføre vedtak', 'Elements Sak og arkiv', 'Arkivar']]],
        ],
      },
      {
        name: 'Behandle reguleringsplan',
        purpose: 'Lage og vedta reguleringsplaner med medvirkning.',
        start: 'Planinitiativ mottatt',
        end: 'Plan vedtatt',
        lanes: [['Arealplanlegger', [['Avholde oppstartsmøte', null, null], ['Kunngjøre oppstart', 'Elements Sak og arkiv', 'Saksbehandler'], ['Utarbeide plankart', 'Kartverket Kommunekart', 'Redigering'], ['Sende på høring', 'Elements Sak og arkiv', 'Saksbehandler']]]],
      },
    ],
  },
  {
    name: 'Økonomi',
    purpose: 'Regnskap, innkjøp og budsjett.',
    processes: [
      {
        name: 'Attestere og betale faktura',
        purpose: 'Betale riktige fakturaer i tide, med to personers kontroll.',
        start: 'Faktura mottatt',
        end: 'Faktura betalt',
        lanes: [
          ['Attestant', [['Kontrollere faktura', 'Kontoret Økonomi', 'Attestant'], ['Attestere faktura', 'Kontoret Økonomi', 'Attestant']]],
          ['Regnskapsmedarbeider', [['Bokføre faktura', 'Kontoret Økonomi', 'Regnskapsmedarbeider'], ['Betale faktura', 'Kontoret Økonomi', 'Regnskapsmedarbeider']]],
        ],
      },
      {
        name: 'Gjennomføre anskaffelse',
        purpose: 'Kjøpe inn etter anskaffelsesregelverket.',
        start: 'Behov meldt',
        end: 'Kontrakt signert',
        lanes: [['Innkjøper', [['Beskrive behov', null, null], ['Kunngjøre konkurranse', 'Innkjøpsportalen', 'Innkjøper'], ['Evaluere tilbud', 'Innkjøpsportalen', 'Innkjøper'], ['Tildele kontrakt', 'Innkjøpsportalen', 'Innkjøper']]]],
      },
    ],
  },
  {
    name: 'HR og organisasjon',
    purpose: 'Rekruttering, personal og lønn.',
    processes: [
      {
        name: 'Ansette ny medarbeider',
        purpose: 'Rekruttere riktig person og gi en god start med tilgangene på plass første dag.',
        start: 'Behov for ny medarbeider',
        end: 'Medarbeider startet',
        lanes: [
          ['Leder med personalansvar', [['Lyse ut stilling', null, null], ['Gjennomføre intervju', null, null]]],
          ['HR-rådgiver', [['Lage arbeidsavtale', 'Lønnsmester HRM', 'HR-bruker'], ['Registrere ansettelse', 'Lønnsmester HRM', 'HR-bruker']]],
          ['IKT-administrator', [['Opprette brukerkonto', 'Brukeradministrasjon', 'IKT-administrator']]],
        ],
      },
    ],
  },
];

export const processesDemo: DemoExtension = async (tx, municipality) => {
  const tenantId = municipality.tenant.id;
  const random = new Random(`${municipality.tenant.slug}:processes`);
  const small = municipality.persons.length < 400;
  const roleId = new Map((await tx.select({ id: businessRoles.id, name: businessRoles.name }).from(businessRoles)).map((r) => [r.name, r.id]));
  const systemId = new Map(municipality.systems.map((s) => [s.name, s.id]));
  const systemRoleRows = await tx.select({ id: systemRoles.id, systemId: systemRoles.systemId, name: systemRoles.name }).from(systemRoles);
  const systemRoleId = new Map(systemRoleRows.map((r) => [`${r.systemId}|${r.name}`, r.id]));
  const owner = municipality.users.find((u) => u.roles.includes('process_owner'));
  const approver = municipality.users.find((u) => u.roles.includes('architect')) ?? municipality.users.find((u) => u.roles.includes('admin'));
  const now = new Date();

  const processRows: (typeof processes.$inferInsert)[] = [];
  const versionRows: (typeof processVersions.$inferInsert)[] = [];
  const linkRows: (typeof processElementLinks.$inferInsert)[] = [];
  const reminderRows: (typeof processReviewReminders.$inferInsert)[] = [];

  areas.forEach((area, areaIndex) => {
    const areaId = random.uuid();
    processRows.push({ id: areaId, tenantId, level: 'area', name: area.name, purpose: area.purpose, ownerPersonId: owner?.personId ?? null, sortOrder: areaIndex });
    // The smaller neighbour municipality models one process per area.
    const specs = small ? area.processes.slice(0, 1) : area.processes;
    specs.forEach((spec, processIndex) => {
      const processId = random.uuid();
      const versionId = random.uuid();
      const key = `P${processId.replace(/-/g, '').slice(0, 10)}`;
      const lanes = spec.lanes.map(([name], index) => ({ id: `${key}_lane${index + 1}`, name }));
      const steps: (LinearStep & { system: string | null; systemRole: string | null })[] = [];
      let n = 0;
      spec.lanes.forEach(([, laneSteps], lane) => {
        for (const [name, system, role] of laneSteps) {
          n++;
          steps.push({ id: `${key}_task${n}`, name, lane, type: system ? 'userTask' : 'manualTask', system, systemRole: role });
        }
      });
      const xml = linearDiagram({ id: key, name: spec.name, lanes, steps, startName: spec.start, endName: spec.end });
      // Reviewed some months ago; the first process of HR is overdue so its owner gets a notice.
      const overdue = areaIndex === areas.length - 1 && processIndex === 0;
      const reviewed = new Date(now.getTime() - (overdue ? 400 : 20 + random.int(0, 200)) * 24 * 3600 * 1000);
      processRows.push({ id: processId, tenantId, parentId: areaId, level: 'process', name: spec.name, purpose: spec.purpose, ownerPersonId: owner?.personId ?? null, sortOrder: processIndex });
      versionRows.push({
        id: versionId,
        tenantId,
        processId,
        version: 1,
        state: 'published',
        bpmnXml: xml,
        changeNote: 'Første versjon',
        createdBy: owner?.id ?? null,
        submittedBy: owner?.id ?? null,
        submittedAt: reviewed,
        approvedBy: approver?.id ?? null,
        approvedAt: reviewed,
        publishedBy: approver?.id ?? null,
        publishedAt: reviewed,
        lastReviewedAt: reviewed,
        createdAt: reviewed,
        updatedAt: reviewed,
      });
      lanes.forEach((lane) => {
        const role = roleId.get(lane.name);
        if (role) linkRows.push({ tenantId, versionId, elementId: lane.id, kind: 'lane_business_role', targetId: role });
      });
      for (const step of steps) {
        const system = step.system ? systemId.get(step.system) : undefined;
        if (system) {
          linkRows.push({ tenantId, versionId, elementId: step.id, kind: 'task_system', targetId: system, systemRoleId: systemRoleId.get(`${system}|${step.systemRole}`) ?? null });
        } else {
          linkRows.push({ tenantId, versionId, elementId: step.id, kind: 'task_manual', targetId: null });
        }
      }
      if (overdue) {
        reminderRows.push({
          tenantId,
          processId,
          versionId,
          ownerPersonId: owner?.personId ?? null,
          message: `«${spec.name}» er ikke gjennomgått på 12 måneder. Se over prosessen og bekreft at den fortsatt stemmer, eller lag et nytt utkast.`,
        });
      }
    });
  });

  await tx.insert(processes).values(processRows.filter((p) => p.level === 'area'));
  await tx.insert(processes).values(processRows.filter((p) => p.level !== 'area'));
  await tx.insert(processVersions).values(versionRows);
  if (linkRows.length) await tx.insert(processElementLinks).values(linkRows);
  if (reminderRows.length) await tx.insert(processReviewReminders).values(reminderRows);

  // The owner's bell: the overdue review, and the approver's note that the newest process is out.
  if (owner) {
    const newest = processRows.find((p) => p.level === 'process' && p.name === areas[0]!.processes[0]!.name);
    await notify(tx, [
      ...reminderRows.map((r) => ({ tenantId, personId: owner.personId, kind: 'process_review_due', message: r.message, link: `/processes/${r.processId}` })),
      ...(newest && approver
        ? [{ tenantId, personId: owner.personId, kind: 'process_version_published', message: `${approver.displayName} har publisert «${newest.name}» versjon 1.`, link: `/processes/${newest.id}` }]
        : []),
    ]);
  }
};
