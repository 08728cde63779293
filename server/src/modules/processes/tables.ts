import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { tenantOwned, timestamps } from '../../platform/database/columns.ts';
import { persons } from '../org/tables.ts';
import { users } from '../auth/tables.ts';

export const processLevels = ['area', 'process', 'subprocess'] as const;
export type ProcessLevel = (typeof processLevels)[number];

export const versionStates = ['draft', 'in_review', 'approved', 'published', 'retired', 'superseded'] as const;
export type VersionState = (typeof versionStates)[number];

export const elementLinkKinds = [
  'lane_business_role',
  'task_system',
  'task_manual',
  'data_information_object',
  'call_process',
] as const;
export type ElementLinkKind = (typeof elementLinkKinds)[number];

export const ruleLevels = ['off', 'warn', 'error'] as const;
export type RuleLevel = (typeof ruleLevels)[number];

/**
 * A node in the process hierarchy [prosesshierarki]: a process area [prosessområde], a process
 * [prosess] or a sub-process [delprosess]. The diagram itself lives in process_versions.
 */
export const processes = pgTable(
  'processes',
  {
    ...tenantOwned,
    parentId: uuid('parent_id').references((): AnyPgColumn => processes.id, { onDelete: 'restrict' }),
    level: text('level', { enum: processLevels }).notNull().default('process'),
    name: text('name').notNull(),
    purpose: text('purpose').notNull().default(''),
    ownerPersonId: uuid('owner_person_id').references(() => persons.id, { onDelete: 'set null' }),
    sortOrder: integer('sort_order').notNull().default(0),
    ...timestamps,
  },
  (table) => [
    index('processes_parent_idx').on(table.tenantId, table.parentId),
    index('processes_owner_idx').on(table.tenantId, table.ownerPersonId),
    uniqueIndex('processes_sibling_name_idx').on(table.tenantId, table.parentId, table.name),
  ],
);

/**
 * One version of a process's diagram. The BPMN XML is the source of truth; everything else about
 * the diagram is derived from it. The published version is the one with state 'published'.
 */
export const processVersions = pgTable(
  'process_versions',
  {
    ...tenantOwned,
    processId: uuid('process_id')
      .notNull()
      .references(() => processes.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    state: text('state', { enum: versionStates }).notNull().default('draft'),
    bpmnXml: text('bpmn_xml').notNull(),
    changeNote: text('change_note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    /** Set on publishing and whenever the owner confirms the process is still right. */
    lastReviewedAt: timestamp('last_reviewed_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('process_versions_number_idx').on(table.tenantId, table.processId, table.version),
    index('process_versions_state_idx').on(table.tenantId, table.state),
  ],
);

/**
 * What a diagram element stands for outside the diagram: a lane's business role, a task's system
 * (and the system role it needs) or a manual mark, a data object's information object, a call
 * activity's process. target_id points into another module's table, so it carries no foreign key.
 */
export const processElementLinks = pgTable(
  'process_element_links',
  {
    ...tenantOwned,
    versionId: uuid('version_id')
      .notNull()
      .references(() => processVersions.id, { onDelete: 'cascade' }),
    elementId: text('element_id').notNull(),
    kind: text('kind', { enum: elementLinkKinds }).notNull(),
    targetId: uuid('target_id'),
    systemRoleId: uuid('system_role_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('process_element_links_version_idx').on(table.tenantId, table.versionId),
    index('process_element_links_target_idx').on(table.tenantId, table.kind, table.targetId),
  ],
);

/** A reviewer's comment [kommentar] on a version, optionally on one element. */
export const processReviewComments = pgTable(
  'process_review_comments',
  {
    ...tenantOwned,
    versionId: uuid('version_id')
      .notNull()
      .references(() => processVersions.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    elementId: text('element_id'),
    body: text('body').notNull(),
    resolved: boolean('resolved').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('process_review_comments_version_idx').on(table.tenantId, table.versionId)],
);

/** A tenant's choice for one rule of the modelling standard [modelleringsstandard]. */
export const modellingRuleSettings = pgTable(
  'modelling_rule_settings',
  {
    ...tenantOwned,
    rule: text('rule').notNull(),
    level: text('level', { enum: ruleLevels }).notNull(),
    ...timestamps,
  },
  (table) => [uniqueIndex('modelling_rule_settings_rule_idx').on(table.tenantId, table.rule)],
);

/**
 * An in-app notice [varsel] to a process owner that a published process is due for its yearly
 * review. One open notice per process; confirming the review closes it.
 */
export const processReviewReminders = pgTable(
  'process_review_reminders',
  {
    ...tenantOwned,
    processId: uuid('process_id')
      .notNull()
      .references(() => processes.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => processVersions.id, { onDelete: 'cascade' }),
    ownerPersonId: uuid('owner_person_id').references(() => persons.id, { onDelete: 'set null' }),
    message: text('message').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (table) => [
    index('process_review_reminders_owner_idx').on(table.tenantId, table.ownerPersonId),
    index('process_review_reminders_process_idx').on(table.tenantId, table.processId),
  ],
);
