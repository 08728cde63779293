import { asc, eq, inArray } from 'drizzle-orm';
import { businessRoleSystemRoles, businessRoles, roleAssignments, systemRoles } from '../modules/access/tables.ts';
import { accessRequests, approvalSteps, deputies } from '../modules/requests/tables.ts';
import { planApprovalSteps } from '../modules/requests/rules/approvers.ts';
import { addDays, clock } from '../platform/clock.ts';
import type { Executor } from '../platform/database/connection.ts';
import type { DemoExtension } from './demo-extensions.ts';
import type { GeneratedMunicipality } from './generate-municipality.ts';
import { Random } from './random.ts';

const reasons = [
  'Jeg har fått ansvar for en ny klasse fra neste uke og må føre fravær og vurderinger.',
  'Skal være vikar for en kollega som er i permisjon resten av semesteret.',
  'Trenger tilgangen for å følge opp elevsaker sammen med PP-tjenesten.',
  'Har fått nye oppgaver med arkivering av saksdokumenter.',
  'Skal delta i prosjekt om digitale skjema og trenger innsyn.',
  'Overtar ansvaret for timeplanleggingen etter rektors ønske.',
];
const rejectionComments = ['Denne rollen er for ledere. Snakk med meg om hva du trenger.', 'Du får det du trenger gjennom teamrollen fra før.'];

/** Fallback roles when no module has made business roles: the requests pages are empty without them. */
async function ensureRequestableRoles(tx: Executor, municipality: GeneratedMunicipality): Promise<void> {
  const existing = await tx.select({ id: businessRoles.id }).from(businessRoles).where(eq(businessRoles.requestable, true)).limit(1);
  if (existing.length > 0) return;
  const [first, second, third] = municipality.systems;
  if (!first || !second || !third) return;
  const tenantId = municipality.tenant.id;
  const roles = [
    { name: 'Saksbehandler arkiv', description: 'Lese og registrere saker og dokumenter i arkivet for din enhet.', systems: [[first, 'Saksbehandler', 'normal']] },
    { name: 'Lesetilgang rapporter', description: 'Se rapporter og nøkkeltall for din enhet. Du kan ikke endre noe.', systems: [[second, 'Leser', 'normal']] },
    { name: 'Personalansvarlig', description: 'Se og endre personalopplysninger for de ansatte du har ansvar for.', systems: [[third, 'Personaladministrator', 'sensitive']] },
  ] as const;
  for (const role of roles) {
    const [business] = await tx.insert(businessRoles).values({ tenantId, name: role.name, description: role.description, requestable: true }).returning();
    for (const [system, name, sensitivity] of role.systems) {
      const [systemRole] = await tx
        .insert(systemRoles)
        .values({ tenantId, systemId: system.id, name, sensitivity, description: `${name} i ${system.name}` })
        .onConflictDoNothing()
        .returning();
      if (systemRole) await tx.insert(businessRoleSystemRoles).values({ tenantId, businessRoleId: business!.id, systemRoleId: systemRole.id });
    }
  }
}

/**
 * Access requests for the demo: a few waiting in the demo manager's inbox (from the demo
 * employee's colleagues), some approved and rejected history, and one deputy arrangement. The demo
 * employee's manager is the demo manager (the leader of the first school).
 */
export const requestsDemo: DemoExtension = async (tx, municipality) => {
  const tenantId = municipality.tenant.id;
  const random = new Random(`${municipality.tenant.slug}:requests`);
  const today = clock.today();
  const userOf = (role: string) => municipality.users.find((user) => user.roles.includes(role as never))?.personId;
  const employee = userOf('employee');
  const manager = userOf('manager');
  if (!employee || !manager) return;

  await ensureRequestableRoles(tx, municipality);
  const roles = await tx.select({ id: businessRoles.id, name: businessRoles.name }).from(businessRoles).where(eq(businessRoles.requestable, true)).orderBy(asc(businessRoles.name));
  if (roles.length === 0) return;
  const roleSystems = await tx
    .select({ businessRoleId: businessRoleSystemRoles.businessRoleId, sensitivity: systemRoles.sensitivity, systemId: systemRoles.systemId })
    .from(businessRoleSystemRoles)
    .innerJoin(systemRoles, eq(systemRoles.id, businessRoleSystemRoles.systemRoleId))
    .where(inArray(businessRoleSystemRoles.businessRoleId, roles.map((r) => r.id)));
  const systemById = new Map(municipality.systems.map((system) => [system.id, system]));
  const sensitiveSystemsOf = (roleId: string) =>
    [...new Set(roleSystems.filter((r) => r.businessRoleId === roleId && r.sensitivity === 'sensitive').map((r) => r.systemId))]
      .map((id) => systemById.get(id))
      .filter((system) => system !== undefined)
      .map((system) => ({ systemName: system.name, ownerPersonId: system.ownerPersonId }));

  // The manager of each person, from their current employment (as the generator set it).
  const current = municipality.employments.filter((e) => e.startDate <= today && (e.endDate === null || e.endDate >= today));
  const managerByPerson = new Map(current.map((e) => [e.personId, e.managerPersonId]));
  const managerOf = (personId: string) => managerByPerson.get(personId) ?? null;
  const kinds = new Map(municipality.persons.map((p) => [p.id, p.kind]));
  const colleagues = [...new Set(current.filter((e) => e.managerPersonId === manager && e.personId !== employee && kinds.get(e.personId) === 'employee').map((e) => e.personId))];
  if (colleagues.length < 2) return;

  // The employee's first role stays free for them to ask for in the demo (and the browser test).
  const others = roles.length > 1 ? roles.slice(1) : roles;
  const at = (daysAgo: number, hour: number) => new Date(`${addDays(today, -daysAgo)}T${String(hour).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00+01:00`);

  async function addRequest(options: {
    forPersonId: string;
    role: { id: string; name: string };
    createdDaysAgo: number;
    outcome: 'pending' | 'approved' | 'rejected';
    wantedFrom: string;
    wantedTo: string | null;
  }) {
    const planned = planApprovalSteps({ requesterPersonId: options.forPersonId, forPersonId: options.forPersonId, managerOf, sensitiveSystems: sensitiveSystemsOf(options.role.id) });
    const createdAt = at(options.createdDaysAgo, 9);
    const decidedAt = options.outcome === 'pending' ? null : at(Math.max(0, options.createdDaysAgo - 1), 14);
    const state = options.outcome === 'pending' ? 'pending_manager' : options.outcome;
    const [request] = await tx
      .insert(accessRequests)
      .values({
        tenantId,
        requesterPersonId: options.forPersonId,
        forPersonId: options.forPersonId,
        businessRoleId: options.role.id,
        businessRoleName: options.role.name,
        reason: random.pick(reasons),
        wantedFrom: options.wantedFrom,
        wantedTo: options.wantedTo,
        state,
        createdAt,
        updatedAt: decidedAt ?? createdAt,
        decidedAt,
      })
      .returning();
    await tx.insert(approvalSteps).values(
      planned.map((step, index) => {
        // Approved: every step approved. Rejected: the manager said no, later steps never decided.
        const decided = options.outcome === 'approved' || (options.outcome === 'rejected' && index === 0);
        return {
          tenantId,
          requestId: request!.id,
          position: step.position,
          kind: step.kind,
          systemNames: step.systemNames,
          approverPersonId: step.approverPersonId,
          escalation: step.escalation,
          decision: decided ? (options.outcome === 'rejected' ? ('rejected' as const) : ('approved' as const)) : null,
          decidedByPersonId: decided ? step.approverPersonId : null,
          comment: decided && options.outcome === 'rejected' ? random.pick(rejectionComments) : null,
          decidedAt: decided ? decidedAt : null,
          createdAt,
        };
      }),
    );
    if (options.outcome === 'approved') {
      await tx.insert(roleAssignments).values({
        tenantId,
        personId: options.forPersonId,
        businessRoleId: options.role.id,
        source: 'request',
        requestId: request!.id,
        validFrom: options.wantedFrom,
        validTo: options.wantedTo,
        note: 'Godkjent forespørsel',
      });
    }
  }

  // Waiting in the manager's inbox.
  const waiting = colleagues.slice(0, Math.min(3, colleagues.length - 1));
  for (const [index, personId] of waiting.entries()) {
    await addRequest({ forPersonId: personId, role: others[index % others.length]!, createdDaysAgo: index + 1, outcome: 'pending', wantedFrom: today, wantedTo: null });
  }
  // History: an approved substitute period that has ended (so no access follows from it today), and a rejection.
  const historyPerson = colleagues[colleagues.length - 1]!;
  await addRequest({ forPersonId: historyPerson, role: others[0]!, createdDaysAgo: 60, outcome: 'approved', wantedFrom: addDays(today, -58), wantedTo: addDays(today, -20) });
  await addRequest({ forPersonId: historyPerson, role: others[others.length - 1]!, createdDaysAgo: 30, outcome: 'rejected', wantedFrom: addDays(today, -30), wantedTo: null });
  await addRequest({ forPersonId: employee, role: others[others.length - 1]!, createdDaysAgo: 90, outcome: 'approved', wantedFrom: addDays(today, -89), wantedTo: addDays(today, -45) });

  // The manager's deputy for this fortnight: the longest-serving colleague who is not waiting for an answer.
  const deputy = colleagues.find((personId) => !waiting.includes(personId) && personId !== historyPerson) ?? historyPerson;
  await tx.insert(deputies).values({ tenantId, managerPersonId: manager, deputyPersonId: deputy, validFrom: addDays(today, -2), validTo: addDays(today, 12), reason: 'Ferie' });
};
