import { customType, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { tenantOwned, timestamps } from '../../platform/database/columns.ts';
import { codeListValues } from '../classification/tables.ts';
import { documents } from '../documents/tables.ts';
import { processes } from '../processes/tables.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A document linked to a process [prosessdokument]: the routine, template or form it uses. */
export const processDocuments = pgTable(
  'process_documents',
  {
    ...tenantOwned,
    processId: uuid('process_id')
      .notNull()
      .references(() => processes.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('process_documents_pair_idx').on(table.tenantId, table.processId, table.documentId),
    index('process_documents_document_idx').on(table.tenantId, table.documentId),
  ],
);

/** A process classified by a code [klassifisering]: a KOSTRA function, a KLE number, a FORM code… */
export const processClassifications = pgTable(
  'process_classifications',
  {
    ...tenantOwned,
    processId: uuid('process_id')
      .notNull()
      .references(() => processes.id, { onDelete: 'cascade' }),
    codeListValueId: uuid('code_list_value_id')
      .notNull()
      .references(() => codeListValues.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('process_classifications_pair_idx').on(table.tenantId, table.processId, table.codeListValueId),
    index('process_classifications_value_idx').on(table.tenantId, table.codeListValueId),
  ],
);

/**
 * How much of a process could be automated [automatiseringspotensial], as OS2autoproces counts it:
 * occurrences a year × minutes each × expected automation degree = hours saved a year.
 */
export const automationAssessments = pgTable(
  'automation_assessments',
  {
    ...tenantOwned,
    processId: uuid('process_id')
      .notNull()
      .references(() => processes.id, { onDelete: 'cascade' }),
    occurrencesPerYear: integer('occurrences_per_year').notNull(),
    minutesEach: numeric('minutes_each', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    /** Expected automation degree in percent, 0–100. */
    automationDegree: integer('automation_degree').notNull(),
    assessment: text('assessment').notNull().default(''),
    assessedBy: text('assessed_by').notNull().default(''),
    ...timestamps,
  },
  (table) => [uniqueIndex('automation_assessments_process_idx').on(table.tenantId, table.processId)],
);

/** One zip of BPMN files and documents brought in [masseimport], with its per-file report. */
export const bundleImports = pgTable(
  'bundle_imports',
  {
    ...tenantOwned,
    fileName: text('file_name').notNull(),
    importedBy: text('imported_by').notNull(),
    /** [{ path, kind, outcome: 'imported'|'new_version'|'refused', reason?, processId?, documentId? }] */
    report: jsonb('report').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('bundle_imports_created_idx').on(table.tenantId, table.createdAt)],
);

export const searchKinds = ['process', 'document', 'system'] as const;

/**
 * The full-text index [søk] over processes, documents and systems, kept by triggers (processes,
 * systems) and by the document code. Stemmed with PostgreSQL's `norwegian` configuration; the
 * parts of compound words ("søknad" in "byggesøknad") are added as words of their own (decision
 * 0008). `title_search` holds the title alone, so title hits come straight from its own index.
 */
export const searchEntries = pgTable(
  'search_entries',
  {
    ...tenantOwned,
    kind: text('kind', { enum: searchKinds }).notNull(),
    entityId: uuid('entity_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('norwegian', coalesce("title", '')), 'A') || setweight(to_tsvector('norwegian', left(coalesce("body", ''), 200000)), 'B')`,
      ),
    /** Filled by the same trigger as `search` (title words and their compound parts). */
    titleSearch: tsvector('title_search')
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('norwegian', coalesce("title", ''))`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('search_entries_entity_idx').on(table.tenantId, table.kind, table.entityId),
    // Without GIN's pending list: new entries go straight into the index, so a search never scans
    // a list of recent additions (up to 4 MB until a vacuum) — a steady query time for slower writes.
    index('search_entries_search_idx').using('gin', table.search).with({ fastupdate: false }),
    index('search_entries_title_search_idx').using('gin', table.titleSearch).with({ fastupdate: false }),
  ],
);
