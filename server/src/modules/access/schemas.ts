import { z } from 'zod';
import { accessRecomputeKinds, accessRecomputeStates, roleAssignmentSources, systemRoleSensitivities } from './tables.ts';

export const idParams = z.object({ id: z.uuid() });
export const pairParams = z.object({ id: z.uuid(), otherId: z.uuid() });

const name = z.string().trim().min(1, 'Navn må fylles ut').max(200);
const description = z.string().max(5000).default('');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datoen må skrives som åååå-mm-dd');

export const systemRoleInput = z.object({
  systemId: z.uuid(),
  name,
  description,
  accessLevel: z.string().trim().max(200).default(''),
  consumesLicence: z.boolean().default(false),
  sensitivity: z.enum(systemRoleSensitivities).default('normal'),
  targetGroup: z.string().trim().max(500).nullable().default(null),
});
export type SystemRoleInput = z.infer<typeof systemRoleInput>;

export const systemRole = systemRoleInput.extend({
  id: z.uuid(),
  systemName: z.string(),
  businessRoleCount: z.number().int(),
});

export const systemRoleListQuery = z.object({
  systemId: z.uuid().optional(),
  q: z.string().trim().max(200).optional(),
});
export const systemRoleList = z.object({ items: z.array(systemRole) });

export const businessRoleInput = z.object({
  name,
  description,
  ownerPersonId: z.uuid().nullable().default(null),
  requestable: z.boolean().default(true),
});
export type BusinessRoleInput = z.infer<typeof businessRoleInput>;

export const businessRoleSummary = businessRoleInput.extend({
  id: z.uuid(),
  ownerName: z.string().nullable(),
  systemRoleCount: z.number().int(),
  ruleCount: z.number().int(),
  sensitive: z.boolean(),
});

export const businessRoleListQuery = z.object({
  requestable: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  q: z.string().trim().max(200).optional(),
});
export const businessRoleList = z.object({ items: z.array(businessRoleSummary) });

export const assignmentRuleInput = z.object({
  orgUnitId: z.uuid().nullable().default(null),
  includeSubUnits: z.boolean().default(true),
  positionId: z.uuid().nullable().default(null),
  note: z.string().max(1000).default(''),
});
export type AssignmentRuleInput = z.infer<typeof assignmentRuleInput>;

export const assignmentRule = assignmentRuleInput.extend({
  id: z.uuid(),
  businessRoleId: z.uuid(),
  orgUnitName: z.string().nullable(),
  positionTitle: z.string().nullable(),
});

export const competenceInput = z.object({
  name,
  description,
  validityMonths: z.number().int().min(1).max(600).nullable().default(null),
});
export const competence = competenceInput.extend({ id: z.uuid() });
export const competenceList = z.object({ items: z.array(competence) });

export const businessRoleDetail = businessRoleSummary.extend({
  systemRoles: z.array(systemRole),
  rules: z.array(assignmentRule),
  requiredCompetences: z.array(competence),
  holderCount: z.number().int(),
});

export const systemRoleLink = z.object({ systemRoleId: z.uuid() });
export const competenceLink = z.object({ competenceId: z.uuid() });

export const personCompetenceInput = z.object({
  competenceId: z.uuid(),
  achievedOn: isoDate.nullable().default(null),
  expiresOn: isoDate.nullable().default(null),
});
export const personCompetence = personCompetenceInput.extend({ id: z.uuid(), competenceName: z.string(), valid: z.boolean() });
export const personCompetenceList = z.object({ items: z.array(personCompetence) });

/** A role given by hand says why: the reason is kept with the assignment and shown on the person's page. */
export const roleAssignmentInput = z
  .object({
    businessRoleId: z.uuid(),
    source: z.enum(roleAssignmentSources).default('manual'),
    validFrom: isoDate.optional(),
    validTo: isoDate.nullable().default(null),
    note: z.string().trim().max(1000).default(''),
  })
  .refine((input) => input.source !== 'manual' || input.note.length > 0, { path: ['note'], message: 'Skriv hvorfor personen skal ha rollen' });

const reason = z.object({
  kind: z.enum(['rule', ...roleAssignmentSources]),
  businessRoleId: z.uuid(),
  businessRoleName: z.string(),
  ruleId: z.uuid().optional(),
  assignmentId: z.uuid().optional(),
  requestId: z.uuid().nullable().optional(),
  /** The rule in words: "Alle i Hamar skole (med underenheter) med stilling Lærer". */
  description: z.string(),
  missingCompetenceIds: z.array(z.uuid()),
});

export const targetStates = ['present', 'missing', 'not_reconciled', 'held_back'] as const;

export const personEntitlements = z.object({
  personId: z.uuid(),
  computedAt: z.string().nullable(),
  entitlements: z.array(
    z.object({
      systemRoleId: z.uuid(),
      systemRoleName: z.string(),
      systemId: z.uuid(),
      systemName: z.string(),
      sensitivity: z.enum(systemRoleSensitivities),
      state: z.enum(['active', 'held']),
      reasons: z.array(reason),
      missingCompetences: z.array(z.object({ id: z.uuid(), name: z.string() })),
      /** What the target system has: present, missing, not yet reconciled, or held back on purpose. */
      target: z.enum(targetStates),
    }),
  ),
  /** Roles the target systems give the person that nobody decided: to be removed or explained. */
  excess: z.array(z.object({ systemRoleId: z.uuid(), systemRoleName: z.string(), systemName: z.string(), username: z.string() })),
  competences: z.array(personCompetence),
  assignments: z.array(
    z.object({
      id: z.uuid(),
      businessRoleId: z.uuid(),
      businessRoleName: z.string(),
      source: z.enum(roleAssignmentSources),
      validFrom: z.string(),
      validTo: z.string().nullable(),
      /** Why it was given (the reason written for a manual assignment). */
      note: z.string(),
    }),
  ),
});

export const recomputeRun = z.object({
  id: z.uuid(),
  kind: z.enum(accessRecomputeKinds),
  state: z.enum(accessRecomputeStates),
  actorName: z.string(),
  jobRunId: z.uuid().nullable(),
  peopleCount: z.number().int(),
  entitlementCount: z.number().int(),
  heldCount: z.number().int(),
  grantCount: z.number().int(),
  revokeCount: z.number().int(),
  reasonChangeCount: z.number().int(),
  batchId: z.uuid().nullable(),
  batchState: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const recomputeRunList = z.object({ items: z.array(recomputeRun) });
export const recomputeStarted = z.object({ jobId: z.uuid() });
