import { bigint, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantOwned, timestamps } from '../../platform/database/columns.ts';
import { orgUnits, persons } from '../org/tables.ts';

export const lifecyclePhases = ['idea', 'requirements', 'implementation', 'operation', 'phase_out', 'retired'] as const;
export const criticalities = ['low', 'medium', 'high', 'critical'] as const;
export const hostingKinds = ['on_premises', 'saas', 'private_cloud', 'public_cloud', 'hybrid'] as const;
export const dpaStatuses = ['not_needed', 'missing', 'in_progress', 'signed', 'expired'] as const;

/** An IT system in the application catalogue [systemkatalog]. */
export const systems = pgTable(
  'systems',
  {
    ...tenantOwned,
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    lifecyclePhase: text('lifecycle_phase', { enum: lifecyclePhases }).notNull().default('operation'),
    criticality: text('criticality', { enum: criticalities }).notNull().default('medium'),
    ownerPersonId: uuid('owner_person_id').references(() => persons.id, { onDelete: 'set null' }),
    administratorPersonId: uuid('administrator_person_id').references(() => persons.id, { onDelete: 'set null' }),
    owningUnitId: uuid('owning_unit_id').references(() => orgUnits.id, { onDelete: 'set null' }),
    supplier: text('supplier'),
    hosting: text('hosting', { enum: hostingKinds }),
    annualCost: numeric('annual_cost', { precision: 14, scale: 2, mode: 'number' }),
    dpaStatus: text('dpa_status', { enum: dpaStatuses }).notNull().default('missing'),
    /** Bumped on every update; clients send it back so that two editors cannot overwrite each other. */
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('systems_name_idx').on(table.tenantId, table.name),
    index('systems_owner_idx').on(table.tenantId, table.ownerPersonId),
    index('systems_unit_idx').on(table.tenantId, table.owningUnitId),
  ],
);

/** A pool of licences for a system [lisens]: type, how many, at what unit price a year. */
export const licencePools = pgTable(
  'licence_pools',
  {
    ...tenantOwned,
    systemId: uuid('system_id')
      .notNull()
      .references(() => systems.id, { onDelete: 'cascade' }),
    licenceType: text('licence_type').notNull(),
    count: integer('count').notNull(),
    unitPrice: numeric('unit_price', { precision: 12, scale: 2, mode: 'number' }).notNull().default(0),
    ...timestamps,
  },
  (table) => [index('licence_pools_system_idx').on(table.tenantId, table.systemId)],
);

/**
 * A counter per municipality, bumped by statement triggers whenever systems or licence pools
 * change. Pages of the system list are cached per server against it (and the org tree's counter,
 * for owner and unit names), as the org tree is.
 */
export const catalogueVersions = pgTable('catalogue_versions', {
  tenantId: uuid('tenant_id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(1),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
});
