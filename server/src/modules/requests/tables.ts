import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantOwned, timestamps } from '../../platform/database/columns.ts';
import { systems } from '../catalogue/tables.ts';
import { persons } from '../org/tables.ts';

export const requestStates = ['pending_manager', 'pending_owner', 'approved', 'rejected', 'cancelled'] as const;
export type RequestState = (typeof requestStates)[number];
export const stepKinds = ['manager', 'system_owner'] as const;
export type StepKind = (typeof stepKinds)[number];
export const decisions = ['approved', 'rejected'] as const;
export type Decision = (typeof decisions)[number];

/**
 * A self-service access request [tilgangsforespørsel]: someone asks for a business role for
 * themselves, or a manager for one of their people.
 */
export const accessRequests = pgTable(
  'access_requests',
  {
    ...tenantOwned,
    requesterPersonId: uuid('requester_person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    forPersonId: uuid('for_person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    /**
     * The access module's business role. No key to it, so that removing a role keeps the history
     * of what was asked for (with the name below); the routes check that it exists when asked.
     */
    businessRoleId: uuid('business_role_id').notNull(),
    /** Kept so that the history reads well after the business role is renamed or removed. */
    businessRoleName: text('business_role_name').notNull(),
    reason: text('reason').notNull(),
    wantedFrom: date('wanted_from').notNull(),
    wantedTo: date('wanted_to'),
    state: text('state', { enum: requestStates }).notNull().default('pending_manager'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    index('access_requests_for_person_idx').on(table.tenantId, table.forPersonId),
    index('access_requests_requester_idx').on(table.tenantId, table.requesterPersonId),
    index('access_requests_state_idx').on(table.tenantId, table.state),
  ],
);

/**
 * One approval a request needs [godkjenningssteg]: first the manager, then each owner of a
 * sensitive system in the role. `approver_person_id` is who must approve (after escalation when
 * the natural approver is the requester); `decided_by_person_id` may be their deputy.
 */
export const approvalSteps = pgTable(
  'approval_steps',
  {
    ...tenantOwned,
    requestId: uuid('request_id')
      .notNull()
      .references(() => accessRequests.id, { onDelete: 'cascade' }),
    /** Steps with the same position are decided in parallel; a later position waits for earlier ones. */
    position: integer('position').notNull(),
    kind: text('kind', { enum: stepKinds }).notNull(),
    /** The sensitive systems an owner step is for, by name (one owner step covers all their systems in the role). */
    systemNames: text('system_names').notNull().default(''),
    /** The first of those systems, for links. */
    systemId: uuid('system_id').references(() => systems.id, { onDelete: 'set null' }),
    approverPersonId: uuid('approver_person_id').references(() => persons.id, { onDelete: 'set null' }),
    /** Why the approver is not the natural one (e.g. the manager asked for themselves), or ''. */
    escalation: text('escalation').notNull().default(''),
    decision: text('decision', { enum: decisions }),
    decidedByPersonId: uuid('decided_by_person_id').references(() => persons.id, { onDelete: 'set null' }),
    comment: text('comment'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('approval_steps_request_idx').on(table.tenantId, table.requestId),
    index('approval_steps_approver_idx').on(table.tenantId, table.approverPersonId),
  ],
);

/**
 * A deputy [stedfortreder]: while the period lasts, the deputy may decide approvals that wait for
 * the manager; the manager keeps seeing and deciding them too.
 */
export const deputies = pgTable(
  'deputies',
  {
    ...tenantOwned,
    managerPersonId: uuid('manager_person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    deputyPersonId: uuid('deputy_person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to').notNull(),
    reason: text('reason').notNull().default(''),
    ...timestamps,
  },
  (table) => [
    index('deputies_manager_idx').on(table.tenantId, table.managerPersonId),
    index('deputies_deputy_idx').on(table.tenantId, table.deputyPersonId),
  ],
);
