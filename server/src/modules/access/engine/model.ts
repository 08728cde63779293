/**
 * The access engine's input and output. Pure data: the engine never reads or writes anything, so
 * the same rules run for one person on an event, for everyone on demand, and in property tests.
 */

export interface UnitInput {
  id: string;
  parentId: string | null;
}

export interface RuleInput {
  id: string;
  businessRoleId: string;
  /** null = any unit. */
  orgUnitId: string | null;
  includeSubUnits: boolean;
  /** null = any position. */
  positionId: string | null;
}

export interface BusinessRoleInput {
  id: string;
  systemRoleIds: string[];
  requiredCompetenceIds: string[];
}

export interface SystemRoleInput {
  id: string;
  sensitive: boolean;
}

export interface EmploymentInput {
  orgUnitId: string;
  positionId: string | null;
  startDate: string;
  endDate: string | null;
}

export type AssignmentSource = 'request' | 'manual' | 'delegation';

export interface AssignmentInput {
  id: string;
  businessRoleId: string;
  source: AssignmentSource;
  requestId: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface PersonCompetenceInput {
  competenceId: string;
  expiresOn: string | null;
}

export interface PersonInput {
  id: string;
  employments: EmploymentInput[];
  assignments: AssignmentInput[];
  competences: PersonCompetenceInput[];
}

export interface RoleModelInput {
  units: UnitInput[];
  rules: RuleInput[];
  businessRoles: BusinessRoleInput[];
  systemRoles: SystemRoleInput[];
}

/** Why a person should have a system role: a rule matched, or a business role was given directly. */
export type Reason =
  | { kind: 'rule'; businessRoleId: string; ruleId: string; missingCompetenceIds: string[] }
  | { kind: AssignmentSource; businessRoleId: string; assignmentId: string; requestId: string | null; missingCompetenceIds: string[] };

export type EntitlementState = 'active' | 'held';

export interface DesiredEntitlement {
  systemRoleId: string;
  /** 'held': the role is sensitive and no reason for it comes with every required competence. */
  state: EntitlementState;
  reasons: Reason[];
  /** Required competences the person lacks (missing or expired) for any of the reasons. */
  missingCompetenceIds: string[];
  /** Canonical text of state + reasons; equal keys mean nothing to write. */
  reasonKey: string;
}

export interface PersonDesired {
  personId: string;
  entitlements: DesiredEntitlement[];
}
