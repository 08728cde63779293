import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantOwned, timestamps } from '../../platform/database/columns.ts';
import { systems } from '../catalogue/tables.ts';
import { orgUnits, persons, positions } from '../org/tables.ts';

export const systemRoleSensitivities = ['normal', 'sensitive'] as const;
export const roleAssignmentSources = ['request', 'manual', 'delegation'] as const;
export const desiredEntitlementStates = ['active', 'held'] as const;

/**
 * A system role [systemrolle]: one access level in one system, as the system itself knows it.
 * `target_group` is what a connector maps it to (an LDAP group DN, a SCIM group's displayName).
 */
export const systemRoles = pgTable(
  'system_roles',
  {
    ...tenantOwned,
    systemId: uuid('system_id')
      .notNull()
      .references(() => systems.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    accessLevel: text('access_level').notNull().default(''),
    consumesLicence: boolean('consumes_licence').notNull().default(false),
    sensitivity: text('sensitivity', { enum: systemRoleSensitivities }).notNull().default('normal'),
    targetGroup: text('target_group'),
    ...timestamps,
  },
  (table) => [uniqueIndex('system_roles_name_idx').on(table.tenantId, table.systemId, table.name)],
);

/** A business role [forretningsrolle]: system roles bundled under a name people understand. */
export const businessRoles = pgTable(
  'business_roles',
  {
    ...tenantOwned,
    name: text('name').notNull(),
    /** Written for the people who will ask for the role, not for IT. */
    description: text('description').notNull().default(''),
    ownerPersonId: uuid('owner_person_id').references(() => persons.id, { onDelete: 'set null' }),
    requestable: boolean('requestable').notNull().default(true),
    ...timestamps,
  },
  (table) => [uniqueIndex('business_roles_name_idx').on(table.tenantId, table.name)],
);

/** Which system roles a business role gives. */
export const businessRoleSystemRoles = pgTable(
  'business_role_system_roles',
  {
    ...tenantOwned,
    businessRoleId: uuid('business_role_id')
      .notNull()
      .references(() => businessRoles.id, { onDelete: 'cascade' }),
    systemRoleId: uuid('system_role_id')
      .notNull()
      .references(() => systemRoles.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('business_role_system_roles_pair_idx').on(table.tenantId, table.businessRoleId, table.systemRoleId),
    index('business_role_system_roles_system_role_idx').on(table.tenantId, table.systemRoleId),
  ],
);

/**
 * An assignment rule [tildelingsregel]: everyone employed in a unit (optionally with its sub-units)
 * and/or in a position gets the business role. A null unit means any unit, a null position any position.
 */
export const assignmentRules = pgTable(
  'assignment_rules',
  {
    ...tenantOwned,
    businessRoleId: uuid('business_role_id')
      .notNull()
      .references(() => businessRoles.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id, { onDelete: 'cascade' }),
    includeSubUnits: boolean('include_sub_units').notNull().default(true),
    positionId: uuid('position_id').references(() => positions.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
    ...timestamps,
  },
  (table) => [
    index('assignment_rules_role_idx').on(table.tenantId, table.businessRoleId),
    index('assignment_rules_unit_idx').on(table.tenantId, table.orgUnitId),
  ],
);

/** A competence [kompetanse], e.g. a course or an authorisation, possibly valid only for a while. */
export const competences = pgTable(
  'competences',
  {
    ...tenantOwned,
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** How long a new proof stays valid, when it expires at all. */
    validityMonths: integer('validity_months'),
    ...timestamps,
  },
  (table) => [uniqueIndex('competences_name_idx').on(table.tenantId, table.name)],
);

/** That a person has a competence, until when. */
export const personCompetences = pgTable(
  'person_competences',
  {
    ...tenantOwned,
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    competenceId: uuid('competence_id')
      .notNull()
      .references(() => competences.id, { onDelete: 'cascade' }),
    achievedOn: date('achieved_on'),
    expiresOn: date('expires_on'),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('person_competences_pair_idx').on(table.tenantId, table.personId, table.competenceId),
    index('person_competences_competence_idx').on(table.tenantId, table.competenceId),
  ],
);

/** A business role requires a competence; its sensitive system roles are held until the person has it. */
export const roleCompetenceRequirements = pgTable(
  'role_competence_requirements',
  {
    ...tenantOwned,
    businessRoleId: uuid('business_role_id')
      .notNull()
      .references(() => businessRoles.id, { onDelete: 'cascade' }),
    competenceId: uuid('competence_id')
      .notNull()
      .references(() => competences.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('role_competence_requirements_pair_idx').on(table.tenantId, table.businessRoleId, table.competenceId)],
);

/** A business role given to one person directly: by an approved request, by hand, or as a deputy. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    ...tenantOwned,
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    businessRoleId: uuid('business_role_id')
      .notNull()
      .references(() => businessRoles.id, { onDelete: 'cascade' }),
    source: text('source', { enum: roleAssignmentSources }).notNull(),
    /** The access request behind it (owned by the requests module, so no key here). */
    requestId: uuid('request_id'),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    note: text('note').notNull().default(''),
    ...timestamps,
  },
  (table) => [
    index('role_assignments_person_idx').on(table.tenantId, table.personId),
    index('role_assignments_role_idx').on(table.tenantId, table.businessRoleId),
  ],
);

/**
 * The engine's stored answer [ønsket tilgang]: a person should have a system role, with why.
 * `reason_key` is a canonical string of the reasons, so that a recompute can tell a changed reason
 * without comparing JSON. 'held' = a sensitive role waiting for a required competence.
 */
export const desiredEntitlements = pgTable(
  'desired_entitlements',
  {
    ...tenantOwned,
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    systemRoleId: uuid('system_role_id')
      .notNull()
      .references(() => systemRoles.id, { onDelete: 'cascade' }),
    state: text('state', { enum: desiredEntitlementStates }).notNull(),
    reasons: jsonb('reasons').notNull().default([]),
    reasonKey: text('reason_key').notNull().default(''),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('desired_entitlements_pair_idx').on(table.tenantId, table.personId, table.systemRoleId),
    index('desired_entitlements_system_role_idx').on(table.tenantId, table.systemRoleId),
  ],
);

export const accessRecomputeKinds = ['full', 'people'] as const;
export const accessRecomputeStates = ['running', 'done', 'failed'] as const;

/** One recompute of desired access: the snapshot record of what it found and changed. */
export const accessRecomputeRuns = pgTable(
  'access_recompute_runs',
  {
    ...tenantOwned,
    kind: text('kind', { enum: accessRecomputeKinds }).notNull(),
    state: text('state', { enum: accessRecomputeStates }).notNull().default('running'),
    actorName: text('actor_name').notNull().default(''),
    jobRunId: uuid('job_run_id'),
    peopleCount: integer('people_count').notNull().default(0),
    entitlementCount: integer('entitlement_count').notNull().default(0),
    heldCount: integer('held_count').notNull().default(0),
    grantCount: integer('grant_count').notNull().default(0),
    revokeCount: integer('revoke_count').notNull().default(0),
    reasonChangeCount: integer('reason_change_count').notNull().default(0),
    /** The provisioning batch the differences went to, and whether the mass-removal guard held it. */
    batchId: uuid('batch_id'),
    batchState: text('batch_state'),
    durationMs: integer('duration_ms'),
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [index('access_recompute_runs_started_idx').on(table.tenantId, table.startedAt)],
);
