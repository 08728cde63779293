import { bigint, boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { tenantOwned, timestamps } from '../../platform/database/columns.ts';

/** A unit in the organisation tree [enhet]: sector, department, school, kindergarten, … */
export const orgUnits = pgTable(
  'org_units',
  {
    ...tenantOwned,
    parentId: uuid('parent_id').references((): AnyPgColumn => orgUnits.id, { onDelete: 'restrict' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull().default('unit'),
    /** The unit's leader; a person's manager is their employment's manager, or else this. */
    managerPersonId: uuid('manager_person_id').references((): AnyPgColumn => persons.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('org_units_code_idx').on(table.tenantId, table.code),
    index('org_units_parent_idx').on(table.tenantId, table.parentId),
  ],
);

/** A position title [stilling]. */
export const positions = pgTable(
  'positions',
  {
    ...tenantOwned,
    title: text('title').notNull(),
    ...timestamps,
  },
  (table) => [uniqueIndex('positions_title_idx').on(table.tenantId, table.title)],
);

/** A person [person]: an employee, a guest or a consultant. */
export const persons = pgTable(
  'persons',
  {
    ...tenantOwned,
    employeeNumber: text('employee_number').notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    email: text('email'),
    /** The account name in the target systems, made from the tenant's template (identity module). */
    username: text('username'),
    kind: text('kind', { enum: ['employee', 'guest', 'consultant'] }).notNull().default('employee'),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('persons_employee_number_idx').on(table.tenantId, table.employeeNumber),
    uniqueIndex('persons_username_idx').on(table.tenantId, table.username),
    index('persons_name_idx').on(table.tenantId, table.familyName, table.givenName),
  ],
);

/**
 * An employment [arbeidsforhold]: person × unit × position × period. A future transfer is simply
 * an employment whose start date lies ahead.
 */
export const employments = pgTable(
  'employments',
  {
    ...tenantOwned,
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'restrict' }),
    positionId: uuid('position_id').references(() => positions.id, { onDelete: 'set null' }),
    managerPersonId: uuid('manager_person_id').references(() => persons.id, { onDelete: 'set null' }),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    isPrimary: boolean('is_primary').notNull().default(true),
    ...timestamps,
  },
  (table) => [
    index('employments_person_idx').on(table.tenantId, table.personId),
    index('employments_unit_idx').on(table.tenantId, table.orgUnitId),
    index('employments_manager_idx').on(table.tenantId, table.managerPersonId),
  ],
);

/**
 * A counter per municipality, bumped by statement triggers whenever units, people or employments
 * change. The org tree is cached per server against it, so that every instance can tell in one
 * index lookup whether its copy is still good.
 */
export const orgTreeVersions = pgTable('org_tree_versions', {
  tenantId: uuid('tenant_id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(1),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
});
