import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantOwned, timestamps } from '../../platform/database/columns.ts';
import { persons } from '../org/tables.ts';

/**
 * What SCIM knows about a person beyond the org model: the client's own key (externalId) and
 * whether it last said the person is active. The SCIM User's id is the person's id and its
 * userName is `persons.username`; a person created by an HR import has no row here until a SCIM
 * client touches it.
 */
export const scimUsers = pgTable(
  'scim_users',
  {
    ...tenantOwned,
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    externalId: text('external_id'),
    active: boolean('active').notNull().default(true),
    /**
     * Set when the client deleted the User: the person is a leaver and SCIM no longer shows them,
     * but their history stays. A later POST with the same userName brings the person back.
     */
    deprovisionedAt: timestamp('deprovisioned_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('scim_users_person_idx').on(table.tenantId, table.personId),
    index('scim_users_external_id_idx').on(table.tenantId, table.externalId),
  ],
);

/** A group pushed by a SCIM client (an HR system, Entra ID): a named set of people. */
export const scimGroups = pgTable(
  'scim_groups',
  {
    ...tenantOwned,
    displayName: text('display_name').notNull(),
    externalId: text('external_id'),
    ...timestamps,
  },
  (table) => [uniqueIndex('scim_groups_display_name_idx').on(table.tenantId, table.displayName)],
);

/** One person's membership of a SCIM group. */
export const scimGroupMembers = pgTable(
  'scim_group_members',
  {
    ...tenantOwned,
    groupId: uuid('group_id')
      .notNull()
      .references(() => scimGroups.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('scim_group_members_idx').on(table.tenantId, table.groupId, table.personId),
    index('scim_group_members_person_idx').on(table.tenantId, table.personId),
  ],
);
