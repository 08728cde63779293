import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantOwned, timestamps } from '../../platform/database/columns.ts';
import { users } from '../auth/tables.ts';
import { criticalities, systems } from '../catalogue/tables.ts';
import { orgUnits, persons } from '../org/tables.ts';

export const serviceAudiences = ['citizens', 'businesses', 'both', 'internal'] as const;
export const personalDataCategories = ['none', 'personal', 'special', 'criminal'] as const;
export const sensitivities = ['open', 'internal', 'confidential', 'strictly_confidential'] as const;
export const integrationKinds = ['api', 'file', 'message_queue', 'rpa', 'manual'] as const;
export const integrationModes = ['sync', 'async'] as const;
export const technologyKinds = [
  'server',
  'cloud_service',
  'network',
  'database',
  'device',
  'system_software',
  'technology_service',
  'other',
] as const;

/** A service [tjeneste] the municipality offers to citizens or businesses. */
export const services = pgTable(
  'services',
  {
    ...tenantOwned,
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    audience: text('audience', { enum: serviceAudiences }).notNull().default('citizens'),
    criticality: text('criticality', { enum: criticalities }).notNull().default('medium'),
    ownerPersonId: uuid('owner_person_id').references(() => persons.id, { onDelete: 'set null' }),
    owningUnitId: uuid('owning_unit_id').references(() => orgUnits.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [index('services_name_idx').on(table.tenantId, table.name)],
);

/** An information object [informasjonstype]: a kind of data, with its personal-data category. */
export const informationObjects = pgTable(
  'information_objects',
  {
    ...tenantOwned,
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** 'special' = særlige kategorier (GDPR art. 9), 'criminal' = art. 10. */
    personalDataCategory: text('personal_data_category', { enum: personalDataCategories }).notNull().default('none'),
    sensitivity: text('sensitivity', { enum: sensitivities }).notNull().default('internal'),
    ownerPersonId: uuid('owner_person_id').references(() => persons.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [index('information_objects_name_idx').on(table.tenantId, table.name)],
);

/** Which systems hold which information objects; `is_master` marks the authoritative source. */
export const systemInformation = pgTable(
  'system_information',
  {
    ...tenantOwned,
    systemId: uuid('system_id')
      .notNull()
      .references(() => systems.id, { onDelete: 'cascade' }),
    informationObjectId: uuid('information_object_id')
      .notNull()
      .references(() => informationObjects.id, { onDelete: 'cascade' }),
    isMaster: boolean('is_master').notNull().default(false),
    note: text('note').notNull().default(''),
  },
  (table) => [
    uniqueIndex('system_information_pair_idx').on(table.tenantId, table.systemId, table.informationObjectId),
    index('system_information_info_idx').on(table.tenantId, table.informationObjectId),
  ],
);

/** An integration [integrasjon]: data flowing from one system to another. */
export const integrations = pgTable(
  'integrations',
  {
    ...tenantOwned,
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    fromSystemId: uuid('from_system_id')
      .notNull()
      .references(() => systems.id, { onDelete: 'cascade' }),
    toSystemId: uuid('to_system_id')
      .notNull()
      .references(() => systems.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: integrationKinds }).notNull().default('api'),
    mode: text('mode', { enum: integrationModes }).notNull().default('sync'),
    frequency: text('frequency').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index('integrations_from_idx').on(table.tenantId, table.fromSystemId),
    index('integrations_to_idx').on(table.tenantId, table.toSystemId),
  ],
);

/** Which information objects flow through an integration. */
export const integrationInformation = pgTable(
  'integration_information',
  {
    ...tenantOwned,
    integrationId: uuid('integration_id')
      .notNull()
      .references(() => integrations.id, { onDelete: 'cascade' }),
    informationObjectId: uuid('information_object_id')
      .notNull()
      .references(() => informationObjects.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
  },
  (table) => [uniqueIndex('integration_information_pair_idx').on(table.tenantId, table.integrationId, table.informationObjectId)],
);

/** Technology [teknologi]: servers, cloud services, networks, databases systems run on. */
export const technologyComponents = pgTable(
  'technology_components',
  {
    ...tenantOwned,
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    kind: text('kind', { enum: technologyKinds }).notNull().default('server'),
    provider: text('provider').notNull().default(''),
    location: text('location').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [index('technology_components_name_idx').on(table.tenantId, table.name)],
);

/** A system runs on a technology component. */
export const systemTechnology = pgTable(
  'system_technology',
  {
    ...tenantOwned,
    systemId: uuid('system_id')
      .notNull()
      .references(() => systems.id, { onDelete: 'cascade' }),
    technologyComponentId: uuid('technology_component_id')
      .notNull()
      .references(() => technologyComponents.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
  },
  (table) => [
    uniqueIndex('system_technology_pair_idx').on(table.tenantId, table.systemId, table.technologyComponentId),
    index('system_technology_tech_idx').on(table.tenantId, table.technologyComponentId),
  ],
);

/**
 * A service is delivered through a process. `process_id` has no foreign key on purpose: the
 * processes module is optional here, and a link to a removed process is ignored by the graph.
 */
export const serviceProcesses = pgTable(
  'service_processes',
  {
    ...tenantOwned,
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    processId: uuid('process_id').notNull(),
    note: text('note').notNull().default(''),
  },
  (table) => [uniqueIndex('service_processes_pair_idx').on(table.tenantId, table.serviceId, table.processId)],
);

/** A service depends directly on a system (when no process is modelled in between). */
export const serviceSystems = pgTable(
  'service_systems',
  {
    ...tenantOwned,
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    systemId: uuid('system_id')
      .notNull()
      .references(() => systems.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
  },
  (table) => [
    uniqueIndex('service_systems_pair_idx').on(table.tenantId, table.serviceId, table.systemId),
    index('service_systems_system_idx').on(table.tenantId, table.systemId),
  ],
);

/** An element of an ArchiMate type we do not map to our own tables, kept with its properties. */
export const modelElements = pgTable(
  'model_elements',
  {
    ...tenantOwned,
    type: text('type').notNull(),
    name: text('name').notNull(),
    documentation: text('documentation').notNull().default(''),
    properties: jsonb('properties').$type<Record<string, string>>().notNull().default({}),
    ...timestamps,
  },
  (table) => [index('model_elements_type_idx').on(table.tenantId, table.type)],
);

/**
 * A relation between any two objects of the model (ArchiMate relationships we keep as they are).
 * Source and target are (kind, id) pairs across tables, so there is no foreign key; the graph
 * skips a relation whose end no longer exists.
 */
export const modelRelations = pgTable(
  'model_relations',
  {
    ...tenantOwned,
    type: text('type').notNull(),
    name: text('name').notNull().default(''),
    documentation: text('documentation').notNull().default(''),
    sourceKind: text('source_kind').notNull(),
    sourceId: uuid('source_id').notNull(),
    targetKind: text('target_kind').notNull(),
    targetId: uuid('target_id').notNull(),
    properties: jsonb('properties').$type<Record<string, string>>().notNull().default({}),
    ...timestamps,
  },
  (table) => [
    index('model_relations_source_idx').on(table.tenantId, table.sourceId),
    index('model_relations_target_idx').on(table.tenantId, table.targetId),
  ],
);

/**
 * The ArchiMate identifier of any object of the model (ours or generic), so that export → import
 * gives the same model and a re-import updates instead of duplicating.
 */
export const archimateIdentifiers = pgTable(
  'archimate_identifiers',
  {
    ...tenantOwned,
    identifier: text('identifier').notNull(),
    objectKind: text('object_kind').notNull(),
    objectId: uuid('object_id').notNull(),
    /** The ArchiMate type it came as (Node and Device are both technology to us). */
    archimateType: text('archimate_type').notNull().default(''),
    properties: jsonb('properties').$type<Record<string, string>>().notNull().default({}),
  },
  (table) => [
    uniqueIndex('archimate_identifiers_identifier_idx').on(table.tenantId, table.identifier),
    uniqueIndex('archimate_identifiers_object_idx').on(table.tenantId, table.objectKind, table.objectId),
  ],
);

export interface ViewNode {
  id: string;
  /** ArchiMate identifier of the element shown, if any (labels and groups have none). */
  elementRef?: string;
  viewRef?: string;
  type: string;
  label?: string;
  x: number;
  y: number;
  w: number;
  h: number;
  children: ViewNode[];
}
export interface ViewConnection {
  id: string;
  relationshipRef?: string;
  type: string;
  source: string;
  target: string;
}
export interface ViewLayout {
  nodes: ViewNode[];
  connections: ViewConnection[];
}

/** A diagram [visning] with its own layout (from ArchiMate or drawn here). */
export const modelViews = pgTable(
  'model_views',
  {
    ...tenantOwned,
    name: text('name').notNull(),
    documentation: text('documentation').notNull().default(''),
    viewpoint: text('viewpoint').notNull().default(''),
    layout: jsonb('layout').$type<ViewLayout>().notNull(),
    ...timestamps,
  },
  (table) => [index('model_views_name_idx').on(table.tenantId, table.name)],
);

export interface SavedViewSettings {
  layers?: string[];
  unitId?: string | null;
  lifecycle?: string[];
  criticality?: string[];
  focusId?: string | null;
  depth?: number;
  search?: string;
  positions?: Record<string, { x: number; y: number }>;
}

/** A map view a user has named, optionally shared with colleagues. */
export const mapSavedViews = pgTable(
  'map_saved_views',
  {
    ...tenantOwned,
    name: text('name').notNull(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    shared: boolean('shared').notNull().default(false),
    settings: jsonb('settings').$type<SavedViewSettings>().notNull().default({}),
    ...timestamps,
  },
  (table) => [index('map_saved_views_owner_idx').on(table.tenantId, table.ownerUserId)],
);

/**
 * The model version per municipality: bumped by statement triggers on the tables the map graph is
 * built from, so each server instance can tell with one lookup whether its cached graph is current.
 */
export const mapModelVersions = pgTable('map_model_versions', {
  tenantId: uuid('tenant_id').primaryKey(),
  /** A row id like every tenant table has (tools and the isolation test address rows by it). */
  id: uuid('id').notNull().default(sql`gen_random_uuid()`),
  version: bigint('version', { mode: 'number' }).notNull().default(1),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
});
