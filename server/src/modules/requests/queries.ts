import { and, asc, desc, eq, gte, ilike, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/database/connection.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { businessRolesOf } from '../access/holders.ts';
import { businessRoleSystemRoles, businessRoles, desiredEntitlements, roleAssignments, systemRoles } from '../access/tables.ts';
import { systems } from '../catalogue/tables.ts';
import { persons } from '../org/tables.ts';
import { provisioningOperations } from '../provisioning/tables.ts';
import { managerChains, personNames } from './people.ts';
import { planApprovalSteps } from './rules/approvers.ts';
import { mayDecide, openSteps, requestStateOf, type DecisionRefusal } from './rules/decisions.ts';
import { activeDeputiesOf, checkDeputyPeriod, managersDeputisedBy, type DeputyPeriod } from './rules/deputies.ts';
import { fulfilmentOf } from './rules/fulfilment.ts';
import type { AccessRequestView, DecisionInput, DeputyInput, RequestInput } from './schemas.ts';
import { accessRequests, approvalSteps, deputies } from './tables.ts';

/** The signed-in person behind a request to this module, and whether they administer requests. */
export interface Caller {
  tenantId: string;
  personId: string;
  isAdmin: boolean;
}

/** Someone looking at a request: an administrator need not be a person in the organisation. */
export type Viewer = Omit<Caller, 'personId'> & { personId: string | null };

const openStates = ['pending_manager', 'pending_owner'] as const;
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

async function deputyPeriods(tx: Executor, today: string, personIds?: readonly string[]): Promise<DeputyPeriod[]> {
  const filters: SQL[] = [lte(deputies.validFrom, today), gte(deputies.validTo, today)];
  if (personIds) {
    if (personIds.length === 0) return [];
    filters.push(or(inArray(deputies.managerPersonId, [...personIds]), inArray(deputies.deputyPersonId, [...personIds]))!);
  }
  return tx
    .select({ managerPersonId: deputies.managerPersonId, deputyPersonId: deputies.deputyPersonId, validFrom: deputies.validFrom, validTo: deputies.validTo })
    .from(deputies)
    .where(and(...filters));
}

// ---------------------------------------------------------------------------------------------
// The catalogue of requestable roles

/** The sensitive systems of a business role with their owners. */
async function sensitiveSystemsOf(tx: Executor, businessRoleId: string) {
  return tx
    .selectDistinct({ systemId: systems.id, systemName: systems.name, ownerPersonId: systems.ownerPersonId })
    .from(businessRoleSystemRoles)
    .innerJoin(systemRoles, eq(systemRoles.id, businessRoleSystemRoles.systemRoleId))
    .innerJoin(systems, eq(systems.id, systemRoles.systemId))
    .where(and(eq(businessRoleSystemRoles.businessRoleId, businessRoleId), eq(systemRoles.sensitivity, 'sensitive')));
}

/** Business roles a person holds today, by an assignment rule or a direct assignment. */
async function assignedRoles(tx: Executor, personId: string, today: string): Promise<Set<string>> {
  const byRuleOrAssignment = await businessRolesOf(tx, personId);
  const rows = await tx
    .select({ id: roleAssignments.businessRoleId })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.personId, personId),
        lte(roleAssignments.validFrom, today),
        or(isNull(roleAssignments.validTo), gte(roleAssignments.validTo, today)),
      ),
    );
  return new Set([...byRuleOrAssignment, ...rows.map((row) => row.id)]);
}

export async function listCatalogue(tx: Executor, caller: Caller, q: string | undefined) {
  const today = clock.today();
  const filters: SQL[] = [eq(businessRoles.requestable, true)];
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    filters.push(or(ilike(businessRoles.name, pattern), ilike(businessRoles.description, pattern))!);
  }
  const roles = await tx
    .select({ id: businessRoles.id, name: businessRoles.name, description: businessRoles.description })
    .from(businessRoles)
    .where(and(...filters))
    .orderBy(asc(businessRoles.name))
    .limit(200);
  if (roles.length === 0) return { items: [] };
  const roleIds = roles.map((role) => role.id);
  const systemRows = await tx
    .selectDistinct({ businessRoleId: businessRoleSystemRoles.businessRoleId, name: systems.name, sensitivity: systemRoles.sensitivity })
    .from(businessRoleSystemRoles)
    .innerJoin(systemRoles, eq(systemRoles.id, businessRoleSystemRoles.systemRoleId))
    .innerJoin(systems, eq(systems.id, systemRoles.systemId))
    .where(inArray(businessRoleSystemRoles.businessRoleId, roleIds));
  const held = await assignedRoles(tx, caller.personId, today);
  const pending = await tx
    .select({ id: accessRequests.id, businessRoleId: accessRequests.businessRoleId })
    .from(accessRequests)
    .where(and(eq(accessRequests.forPersonId, caller.personId), inArray(accessRequests.state, [...openStates]), inArray(accessRequests.businessRoleId, roleIds)));
  const pendingByRole = new Map(pending.map((row) => [row.businessRoleId, row.id]));
  return {
    items: roles.map((role) => {
      const bySystem = new Map<string, boolean>();
      for (const row of systemRows.filter((r) => r.businessRoleId === role.id)) {
        bySystem.set(row.name, (bySystem.get(row.name) ?? false) || row.sensitivity === 'sensitive');
      }
      const roleSystems = [...bySystem].map(([name, sensitive]) => ({ name, sensitive })).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
      return {
        ...role,
        sensitive: roleSystems.some((s) => s.sensitive),
        systems: roleSystems,
        held: held.has(role.id),
        pendingRequestId: pendingByRole.get(role.id) ?? null,
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Presenting requests

type RequestRow = typeof accessRequests.$inferSelect;
type StepRow = typeof approvalSteps.$inferSelect;

async function fulfilment(tx: Executor, request: RequestRow, today: string) {
  const roleSystemRoles = await tx
    .select({ id: businessRoleSystemRoles.systemRoleId, systemId: systemRoles.systemId })
    .from(businessRoleSystemRoles)
    .innerJoin(systemRoles, eq(systemRoles.id, businessRoleSystemRoles.systemRoleId))
    .where(eq(businessRoleSystemRoles.businessRoleId, request.businessRoleId));
  const systemRoleIds = roleSystemRoles.map((row) => row.id);
  const systemIds = [...new Set(roleSystemRoles.map((row) => row.systemId))];
  const desired =
    systemRoleIds.length === 0
      ? []
      : await tx
          .select({ state: desiredEntitlements.state })
          .from(desiredEntitlements)
          .where(and(eq(desiredEntitlements.personId, request.forPersonId), inArray(desiredEntitlements.systemRoleId, systemRoleIds)));
  const since = request.decidedAt ?? request.createdAt;
  const operations =
    systemRoleIds.length === 0
      ? []
      : await tx
          .select({ systemName: systems.name, state: provisioningOperations.state, lastError: provisioningOperations.lastError })
          .from(provisioningOperations)
          .innerJoin(systems, eq(systems.id, provisioningOperations.systemId))
          .where(
            and(
              eq(provisioningOperations.personId, request.forPersonId),
              gte(provisioningOperations.createdAt, since),
              or(
                inArray(provisioningOperations.systemRoleId, systemRoleIds),
                and(eq(provisioningOperations.action, 'create_account'), inArray(provisioningOperations.systemId, systemIds)),
              ),
            ),
          );
  return fulfilmentOf({
    startsLater: request.wantedFrom > today,
    systemRoleCount: systemRoleIds.length,
    desiredActive: desired.filter((d) => d.state === 'active').length,
    desiredHeld: desired.filter((d) => d.state === 'held').length,
    operations,
  });
}

async function present(tx: Executor, requests: RequestRow[], viewer: Viewer, today: string): Promise<AccessRequestView[]> {
  if (requests.length === 0) return [];
  const steps = await tx
    .select()
    .from(approvalSteps)
    .where(inArray(approvalSteps.requestId, requests.map((r) => r.id)))
    .orderBy(asc(approvalSteps.position), asc(approvalSteps.createdAt), asc(approvalSteps.id));
  const approvers = steps.map((s) => s.approverPersonId).filter((id): id is string => id !== null);
  const periods = await deputyPeriods(tx, today, approvers);
  const names = await personNames(tx, [
    ...requests.flatMap((r) => [r.requesterPersonId, r.forPersonId]),
    ...steps.flatMap((s) => [s.approverPersonId, s.decidedByPersonId]),
    ...periods.map((p) => p.deputyPersonId),
  ]);
  const ref = (id: string | null) => (id === null ? null : { id, name: names.get(id) ?? '' });
  const views: AccessRequestView[] = [];
  for (const request of requests) {
    const own = steps.filter((s) => s.requestId === request.id);
    const isOpen = (openStates as readonly string[]).includes(request.state);
    const open = new Set(isOpen ? openSteps(own).map((s) => s.id) : []);
    views.push({
      id: request.id,
      businessRole: { id: request.businessRoleId, name: request.businessRoleName },
      requester: ref(request.requesterPersonId)!,
      forPerson: ref(request.forPersonId)!,
      reason: request.reason,
      wantedFrom: request.wantedFrom,
      wantedTo: request.wantedTo,
      state: request.state,
      createdAt: iso(request.createdAt)!,
      decidedAt: iso(request.decidedAt),
      steps: own.map((step) => ({
        id: step.id,
        position: step.position,
        kind: step.kind,
        approver: ref(step.approverPersonId),
        systemNames: step.systemNames,
        escalation: step.escalation,
        decision: step.decision,
        decidedBy: ref(step.decidedByPersonId),
        comment: step.comment,
        decidedAt: iso(step.decidedAt),
        open: open.has(step.id),
        deputies: step.approverPersonId ? activeDeputiesOf(step.approverPersonId, periods, today).map((id) => ref(id)!) : [],
      })),
      fulfilment: request.state === 'approved' ? await fulfilment(tx, request, today) : null,
      canCancel: isOpen && (request.requesterPersonId === viewer.personId || request.forPersonId === viewer.personId || viewer.isAdmin),
    });
  }
  return views;
}

/** Whether the caller may see a request: who asked, who it is for, its approvers and their deputies, administrators. */
async function mayView(tx: Executor, request: RequestRow, caller: Viewer, today: string): Promise<boolean> {
  if (caller.isAdmin || request.requesterPersonId === caller.personId || request.forPersonId === caller.personId) return true;
  const steps = await tx.select({ approver: approvalSteps.approverPersonId }).from(approvalSteps).where(eq(approvalSteps.requestId, request.id));
  const approvers = steps.map((s) => s.approver).filter((id): id is string => id !== null);
  if (caller.personId === null) return false;
  if (approvers.includes(caller.personId)) return true;
  const periods = await deputyPeriods(tx, today, [caller.personId]);
  const personId = caller.personId;
  return managersDeputisedBy(personId, periods, today).some((manager) => approvers.includes(manager));
}

export async function getRequest(tx: Executor, caller: Viewer, id: string): Promise<AccessRequestView> {
  const today = clock.today();
  const [request] = await tx.select().from(accessRequests).where(eq(accessRequests.id, id));
  if (!request || !(await mayView(tx, request, caller, today))) throw notFound('forespørselen');
  const [view] = await present(tx, [request], caller, today);
  return view!;
}

/** The caller's own requests and those made for them, newest first. */
export async function listMine(tx: Executor, caller: Caller) {
  const rows = await tx
    .select()
    .from(accessRequests)
    .where(or(eq(accessRequests.requesterPersonId, caller.personId), eq(accessRequests.forPersonId, caller.personId)))
    .orderBy(desc(accessRequests.createdAt))
    .limit(200);
  return { items: await present(tx, rows, caller, clock.today()) };
}

// ---------------------------------------------------------------------------------------------
// Asking

export async function createRequest(tx: Executor, caller: Caller, input: RequestInput): Promise<AccessRequestView> {
  const today = clock.today();
  const forPersonId = input.forPersonId ?? caller.personId;
  const wantedFrom = input.wantedFrom ?? today;
  if (wantedFrom < today) throw new AppError('validation_failed', 'Fra-datoen kan ikke ligge tilbake i tid.', [{ field: 'wantedFrom', message: 'Velg i dag eller en senere dato' }]);
  const [role] = await tx.select().from(businessRoles).where(eq(businessRoles.id, input.businessRoleId));
  if (!role) throw notFound('rollen');
  if (!role.requestable) throw new AppError('validation_failed', `Rollen «${role.name}» kan ikke bestilles. Kontakt systemeier.`);
  const [forPerson] = await tx.select({ id: persons.id }).from(persons).where(eq(persons.id, forPersonId));
  if (!forPerson) throw notFound('personen');

  const managerOf = await managerChains(tx, [forPersonId, caller.personId], today);
  if (forPersonId !== caller.personId && !caller.isAdmin && managerOf(forPersonId) !== caller.personId) {
    throw new AppError('forbidden', 'Du kan bare be om tilgang for deg selv eller for dine egne medarbeidere.');
  }
  const [open] = await tx
    .select({ id: accessRequests.id })
    .from(accessRequests)
    .where(and(eq(accessRequests.forPersonId, forPersonId), eq(accessRequests.businessRoleId, role.id), inArray(accessRequests.state, [...openStates])));
  if (open) throw new AppError('conflict', `Det finnes allerede en åpen forespørsel om «${role.name}».`, [], { requestId: open.id });
  if ((await assignedRoles(tx, forPersonId, today)).has(role.id)) throw new AppError('conflict', `Rollen «${role.name}» er allerede tildelt.`);

  const sensitive = await sensitiveSystemsOf(tx, role.id);
  // Owners may sit outside the chains loaded so far; load theirs before the rules escalate.
  const lookup = await managerChains(tx, [forPersonId, caller.personId, ...sensitive.map((s) => s.ownerPersonId).filter((id): id is string => id !== null)], today);
  const planned = planApprovalSteps({ requesterPersonId: caller.personId, forPersonId, managerOf: lookup, sensitiveSystems: sensitive });

  const [request] = await tx
    .insert(accessRequests)
    .values({
      tenantId: caller.tenantId,
      requesterPersonId: caller.personId,
      forPersonId,
      businessRoleId: role.id,
      businessRoleName: role.name,
      reason: input.reason,
      wantedFrom,
      wantedTo: input.wantedTo ?? null,
      state: 'pending_manager',
    })
    .returning();
  await tx.insert(approvalSteps).values(
    planned.map((step) => ({
      tenantId: caller.tenantId,
      requestId: request!.id,
      position: step.position,
      kind: step.kind,
      systemNames: step.systemNames,
      systemId: sensitive.find((s) => step.kind === 'system_owner' && step.systemNames.split(', ').includes(s.systemName))?.systemId ?? null,
      approverPersonId: step.approverPersonId,
      escalation: step.escalation,
    })),
  );
  const [view] = await present(tx, [request!], caller, today);
  return view!;
}

export async function cancelRequest(tx: Executor, caller: Viewer, id: string): Promise<AccessRequestView> {
  const today = clock.today();
  const [request] = await tx.select().from(accessRequests).where(eq(accessRequests.id, id)).for('update');
  if (!request || !(await mayView(tx, request, caller, today))) throw notFound('forespørselen');
  if (request.requesterPersonId !== caller.personId && request.forPersonId !== caller.personId && !caller.isAdmin) {
    throw new AppError('forbidden', 'Bare den som ba om tilgangen kan trekke forespørselen.');
  }
  if (!(openStates as readonly string[]).includes(request.state)) throw new AppError('conflict', 'Forespørselen er allerede avgjort og kan ikke trekkes.');
  const [updated] = await tx
    .update(accessRequests)
    .set({ state: 'cancelled', decidedAt: new Date(), updatedAt: new Date() })
    .where(eq(accessRequests.id, id))
    .returning();
  const [view] = await present(tx, [updated!], caller, today);
  return view!;
}

// ---------------------------------------------------------------------------------------------
// Approving

/** Open steps waiting for the caller, as approver or as deputy (administrators also get steps nobody else can decide). */
async function openStepsFor(tx: Executor, caller: Caller, today: string) {
  const periods = await deputyPeriods(tx, today, [caller.personId]);
  const standingInFor = managersDeputisedBy(caller.personId, periods, today);
  const approvers = [caller.personId, ...standingInFor];
  const approverMatch = caller.isAdmin
    ? or(inArray(approvalSteps.approverPersonId, approvers), isNull(approvalSteps.approverPersonId))!
    : inArray(approvalSteps.approverPersonId, approvers);
  const rows = await tx
    .select({ step: approvalSteps, request: accessRequests })
    .from(approvalSteps)
    .innerJoin(accessRequests, eq(accessRequests.id, approvalSteps.requestId))
    .where(
      and(
        approverMatch,
        isNull(approvalSteps.decision),
        inArray(accessRequests.state, [...openStates]),
        sql`${accessRequests.requesterPersonId} <> ${caller.personId}`,
        sql`${accessRequests.forPersonId} <> ${caller.personId}`,
        // Only the first undecided position is open: the manager before the system owners.
        sql`not exists (select 1 from approval_steps earlier where earlier.request_id = ${approvalSteps.requestId}
                         and earlier.decision is null and earlier.position < ${approvalSteps.position})`,
      ),
    )
    .orderBy(asc(accessRequests.createdAt), asc(approvalSteps.position));
  return rows.map((row) => ({
    ...row,
    asDeputyFor: row.step.approverPersonId !== null && row.step.approverPersonId !== caller.personId ? row.step.approverPersonId : null,
  }));
}

export async function inbox(tx: Executor, caller: Caller) {
  const today = clock.today();
  const rows = await openStepsFor(tx, caller, today);
  const views = await present(tx, [...new Map(rows.map((r) => [r.request.id, r.request])).values()], caller, today);
  const byId = new Map(views.map((view) => [view.id, view]));
  const names = await personNames(tx, rows.map((r) => r.asDeputyFor));
  return {
    items: rows.map((row) => ({
      stepId: row.step.id,
      kind: row.step.kind,
      systemNames: row.step.systemNames,
      asDeputyFor: row.asDeputyFor ? { id: row.asDeputyFor, name: names.get(row.asDeputyFor) ?? '' } : null,
      request: byId.get(row.request.id)!,
    })),
  };
}

export async function inboxCount(tx: Executor, caller: Caller) {
  return { count: (await openStepsFor(tx, caller, clock.today())).length };
}

const refusals: Record<DecisionRefusal, AppError> = {
  request_closed: new AppError('conflict', 'Forespørselen er allerede avgjort eller trukket.'),
  not_open: new AppError('conflict', 'Dette steget venter ikke på en avgjørelse nå.'),
  own_request: new AppError('forbidden', 'Du kan ikke godkjenne en forespørsel du selv har sendt eller som gjelder deg.'),
  not_approver: new AppError('forbidden', 'Forespørselen venter ikke på deg.'),
};

/**
 * Records a decision. Returns the request and, when it became approved, the person whose access
 * must be recomputed (after the transaction commits).
 */
export async function decide(tx: Executor, caller: Caller, id: string, input: DecisionInput): Promise<{ request: AccessRequestView; recompute: string[] }> {
  const today = clock.today();
  const [request] = await tx.select().from(accessRequests).where(eq(accessRequests.id, id)).for('update');
  if (!request || !(await mayView(tx, request, caller, today))) throw notFound('forespørselen');
  const steps: StepRow[] = await tx.select().from(approvalSteps).where(eq(approvalSteps.requestId, id)).orderBy(asc(approvalSteps.position), asc(approvalSteps.id));
  const periods = await deputyPeriods(tx, today, [caller.personId]);
  const context = { requestState: request.state, requesterPersonId: request.requesterPersonId, forPersonId: request.forPersonId, deputies: periods, today };
  const decider = { personId: caller.personId, isAdmin: caller.isAdmin };
  const candidates = input.stepId ? steps.filter((s) => s.id === input.stepId) : openSteps(steps);
  if (candidates.length === 0) throw input.stepId ? notFound('godkjenningssteget') : refusals.request_closed;
  let refusal: DecisionRefusal = 'not_approver';
  const step = candidates.find((candidate) => {
    const verdict = mayDecide(candidate, steps, decider, context);
    if (!verdict.ok) refusal = verdict.refusal;
    return verdict.ok;
  });
  if (!step) throw refusals[refusal];

  const now = new Date();
  await tx
    .update(approvalSteps)
    .set({ decision: input.decision, decidedByPersonId: caller.personId, comment: input.comment || null, decidedAt: now })
    .where(eq(approvalSteps.id, step.id));
  step.decision = input.decision;
  const state = requestStateOf(steps);
  const final = state === 'approved' || state === 'rejected';
  const [updated] = await tx
    .update(accessRequests)
    .set({ state, updatedAt: now, ...(final ? { decidedAt: now } : {}) })
    .where(eq(accessRequests.id, id))
    .returning();
  let recompute: string[] = [];
  if (state === 'approved') {
    await tx.insert(roleAssignments).values({
      tenantId: caller.tenantId,
      personId: request.forPersonId,
      businessRoleId: request.businessRoleId,
      source: 'request',
      requestId: request.id,
      validFrom: request.wantedFrom,
      validTo: request.wantedTo,
      note: request.reason,
    });
    recompute = [request.forPersonId];
  }
  const [view] = await present(tx, [updated!], caller, today);
  return { request: view!, recompute };
}

// ---------------------------------------------------------------------------------------------
// Deputies

export async function listDeputies(tx: Executor, caller: Caller, scope: 'mine' | 'all') {
  const today = clock.today();
  const where =
    scope === 'all' && caller.isAdmin
      ? undefined
      : or(eq(deputies.managerPersonId, caller.personId), eq(deputies.deputyPersonId, caller.personId));
  const rows = await tx
    .select()
    .from(deputies)
    .where(and(where, gte(deputies.validTo, today)))
    .orderBy(asc(deputies.validFrom))
    .limit(500);
  const names = await personNames(tx, rows.flatMap((r) => [r.managerPersonId, r.deputyPersonId]));
  return {
    items: rows.map((row) => ({
      id: row.id,
      manager: { id: row.managerPersonId, name: names.get(row.managerPersonId) ?? '' },
      deputy: { id: row.deputyPersonId, name: names.get(row.deputyPersonId) ?? '' },
      validFrom: row.validFrom,
      validTo: row.validTo,
      reason: row.reason,
      active: row.validFrom <= today && today <= row.validTo,
      canEdit: caller.isAdmin || row.managerPersonId === caller.personId,
    })),
  };
}

const deputyProblems = {
  self: 'Du kan ikke være din egen stedfortreder.',
  period_reversed: 'Til-datoen kan ikke være før fra-datoen.',
  period_too_long: 'En stedfortreder kan oppnevnes for høyst ett år om gangen.',
} as const;

async function checkedDeputy(tx: Executor, caller: Caller, input: DeputyInput) {
  const managerPersonId = input.managerPersonId ?? caller.personId;
  if (managerPersonId !== caller.personId && !caller.isAdmin) throw new AppError('forbidden', 'Du kan bare oppnevne stedfortreder for deg selv.');
  const period = { managerPersonId, deputyPersonId: input.deputyPersonId, validFrom: input.validFrom, validTo: input.validTo };
  const problem = checkDeputyPeriod(period);
  if (problem) throw new AppError('validation_failed', deputyProblems[problem], [{ field: problem === 'self' ? 'deputyPersonId' : 'validTo', message: deputyProblems[problem] }]);
  if (input.validTo < clock.today()) throw new AppError('validation_failed', 'Perioden er allerede over.', [{ field: 'validTo', message: 'Velg en dato fra i dag' }]);
  const found = await tx.select({ id: persons.id }).from(persons).where(inArray(persons.id, [managerPersonId, input.deputyPersonId]));
  if (found.length < 2) throw notFound('personen');
  return { ...period, reason: input.reason };
}

export async function createDeputy(tx: Executor, caller: Caller, input: DeputyInput) {
  const values = await checkedDeputy(tx, caller, input);
  const [row] = await tx.insert(deputies).values({ tenantId: caller.tenantId, ...values }).returning();
  return (await listDeputies(tx, caller, 'all')).items.find((item) => item.id === row!.id)!;
}

async function ownDeputy(tx: Executor, caller: Caller, id: string) {
  const [row] = await tx.select().from(deputies).where(eq(deputies.id, id)).for('update');
  if (!row || (row.managerPersonId !== caller.personId && row.deputyPersonId !== caller.personId && !caller.isAdmin)) throw notFound('stedfortrederen');
  if (row.managerPersonId !== caller.personId && !caller.isAdmin) throw new AppError('forbidden', 'Bare lederen som oppnevnte stedfortrederen kan endre det.');
  return row;
}

export async function updateDeputy(tx: Executor, caller: Caller, id: string, input: DeputyInput) {
  const row = await ownDeputy(tx, caller, id);
  const values = await checkedDeputy(tx, caller, { ...input, managerPersonId: input.managerPersonId ?? row.managerPersonId });
  await tx.update(deputies).set({ ...values, updatedAt: new Date() }).where(eq(deputies.id, id));
  return (await listDeputies(tx, caller, 'all')).items.find((item) => item.id === id)!;
}

export async function deleteDeputy(tx: Executor, caller: Caller, id: string) {
  await ownDeputy(tx, caller, id);
  await tx.delete(deputies).where(eq(deputies.id, id));
}
