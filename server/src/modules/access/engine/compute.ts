import type {
  AssignmentInput,
  BusinessRoleInput,
  DesiredEntitlement,
  EmploymentInput,
  PersonDesired,
  PersonInput,
  Reason,
  RoleModelInput,
  RuleInput,
} from './model.ts';

/**
 * The role model prepared for many people: rules indexed by unit, each unit's ancestry walked once
 * and the rules that reach a unit cached, so one person costs a few map look-ups per employment.
 */
export interface PreparedModel {
  rulesReachingUnit(unitId: string): RuleInput[];
  businessRole(id: string): BusinessRoleInput | undefined;
  isSensitive(systemRoleId: string): boolean;
}

export function prepareModel(model: RoleModelInput): PreparedModel {
  const parentOf = new Map(model.units.map((unit) => [unit.id, unit.parentId]));
  const exact = new Map<string, RuleInput[]>();
  const subtree = new Map<string, RuleInput[]>();
  const anyUnit: RuleInput[] = [];
  for (const rule of model.rules) {
    if (rule.orgUnitId === null) {
      anyUnit.push(rule);
      continue;
    }
    const index = rule.includeSubUnits ? subtree : exact;
    const list = index.get(rule.orgUnitId);
    if (list) list.push(rule);
    else index.set(rule.orgUnitId, [rule]);
  }
  const reaching = new Map<string, RuleInput[]>();
  const roles = new Map(model.businessRoles.map((role) => [role.id, role]));
  const sensitive = new Set(model.systemRoles.filter((role) => role.sensitive).map((role) => role.id));

  return {
    rulesReachingUnit(unitId) {
      let found = reaching.get(unitId);
      if (found) return found;
      found = [...anyUnit, ...(exact.get(unitId) ?? [])];
      // Walk up the tree; a cycle in bad data must not hang the engine.
      const seen = new Set<string>();
      for (let current: string | null | undefined = unitId; current && !seen.has(current); current = parentOf.get(current)) {
        seen.add(current);
        const rules = subtree.get(current);
        if (rules) found.push(...rules);
      }
      reaching.set(unitId, found);
      return found;
    },
    businessRole: (id) => roles.get(id),
    isSensitive: (id) => sensitive.has(id),
  };
}

/** An employment counts from its first day through its last. */
export function employmentActive(employment: EmploymentInput, today: string): boolean {
  return employment.startDate <= today && (employment.endDate === null || employment.endDate >= today);
}

export function assignmentValid(assignment: AssignmentInput, today: string): boolean {
  return assignment.validFrom <= today && (assignment.validTo === null || assignment.validTo >= today);
}

type ReasonWithoutCompetences = Reason extends infer R ? (R extends Reason ? Omit<R, 'missingCompetenceIds'> : never) : never;

interface HeldRole {
  businessRoleId: string;
  reason: ReasonWithoutCompetences;
}

/** The business roles a person holds today and why (a rule, or a direct assignment). */
export function businessRolesHeld(model: PreparedModel, person: PersonInput, today: string): HeldRole[] {
  const held: HeldRole[] = [];
  const seen = new Set<string>();
  for (const employment of person.employments) {
    if (!employmentActive(employment, today)) continue;
    for (const rule of model.rulesReachingUnit(employment.orgUnitId)) {
      if (rule.positionId !== null && rule.positionId !== employment.positionId) continue;
      if (seen.has(rule.id)) continue;
      seen.add(rule.id);
      held.push({ businessRoleId: rule.businessRoleId, reason: { kind: 'rule', businessRoleId: rule.businessRoleId, ruleId: rule.id } });
    }
  }
  for (const assignment of person.assignments) {
    if (!assignmentValid(assignment, today) || seen.has(assignment.id)) continue;
    seen.add(assignment.id);
    held.push({
      businessRoleId: assignment.businessRoleId,
      reason: {
        kind: assignment.source,
        businessRoleId: assignment.businessRoleId,
        assignmentId: assignment.id,
        requestId: assignment.requestId,
      },
    });
  }
  return held;
}

function reasonKeyOf(reason: Reason): string {
  const id = reason.kind === 'rule' ? reason.ruleId : reason.assignmentId;
  const missing = reason.missingCompetenceIds.length ? `!${reason.missingCompetenceIds.join(',')}` : '';
  return `${reason.kind}:${id}${missing}`;
}

/** Desired access for one person on a day. */
export function computePerson(model: PreparedModel, person: PersonInput, today: string): PersonDesired {
  const validCompetences = new Set(
    person.competences.filter((held) => held.expiresOn === null || held.expiresOn >= today).map((held) => held.competenceId),
  );
  const bySystemRole = new Map<string, { reasons: Reason[]; complete: boolean }>();
  for (const { businessRoleId, reason } of businessRolesHeld(model, person, today)) {
    const role = model.businessRole(businessRoleId);
    if (!role) continue;
    const missingCompetenceIds = role.requiredCompetenceIds.filter((id) => !validCompetences.has(id)).sort();
    const full = { ...reason, missingCompetenceIds } as Reason;
    for (const systemRoleId of role.systemRoleIds) {
      let entry = bySystemRole.get(systemRoleId);
      if (!entry) bySystemRole.set(systemRoleId, (entry = { reasons: [], complete: false }));
      entry.reasons.push(full);
      if (missingCompetenceIds.length === 0) entry.complete = true;
    }
  }
  const entitlements: DesiredEntitlement[] = [];
  for (const [systemRoleId, entry] of bySystemRole) {
    const state = !entry.complete && model.isSensitive(systemRoleId) ? 'held' : 'active';
    // Most entitlements have one reason and no missing competence: no sorting, no sets.
    if (entry.reasons.length === 1) {
      const reason = entry.reasons[0]!;
      entitlements.push({ systemRoleId, state, reasons: entry.reasons, missingCompetenceIds: reason.missingCompetenceIds, reasonKey: `${state}|${reasonKeyOf(reason)}` });
      continue;
    }
    const keyed = entry.reasons.map((reason) => [reasonKeyOf(reason), reason] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const missing = new Set<string>();
    for (const reason of entry.reasons) for (const id of reason.missingCompetenceIds) missing.add(id);
    entitlements.push({
      systemRoleId,
      state,
      reasons: keyed.map(([, reason]) => reason),
      missingCompetenceIds: [...missing].sort(),
      reasonKey: `${state}|${keyed.map(([key]) => key).join('|')}`,
    });
  }
  entitlements.sort((a, b) => (a.systemRoleId < b.systemRoleId ? -1 : a.systemRoleId > b.systemRoleId ? 1 : 0));
  return { personId: person.id, entitlements };
}

/** Desired access for many people (everyone, for a full run; a few, for an event). */
export function computePeople(model: RoleModelInput | PreparedModel, people: Iterable<PersonInput>, today: string): PersonDesired[] {
  const prepared = 'rulesReachingUnit' in model ? model : prepareModel(model);
  const result: PersonDesired[] = [];
  for (const person of people) result.push(computePerson(prepared, person, today));
  return result;
}
