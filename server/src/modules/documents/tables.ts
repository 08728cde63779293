import { customType, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantOwned, timestamps } from '../../platform/database/columns.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * A document [dokument]: a standard, template, form or routine. Identified by its path in the
 * municipality's document folder, so that uploading the same name again makes a new version.
 */
export const documents = pgTable(
  'documents',
  {
    ...tenantOwned,
    /** Folder-relative path, e.g. "Byggesak/Rutine for mottak av byggesøknad.docx". */
    path: text('path').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    currentVersion: integer('current_version').notNull().default(1),
    ...timestamps,
  },
  (table) => [uniqueIndex('documents_path_idx').on(table.tenantId, table.path)],
);

/** One uploaded version of a document [dokumentversjon]. The bytes live in document_contents. */
export const documentVersions = pgTable(
  'document_versions',
  {
    ...tenantOwned,
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** The file name as uploaded; the audit trail labels the row with it. */
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('document_versions_version_idx').on(table.tenantId, table.documentId, table.version)],
);

/**
 * The bytes and extracted text of a document version. Kept apart from document_versions so the
 * audit trail records who uploaded what without copying megabytes of file into every audit row.
 */
export const documentContents = pgTable(
  'document_contents',
  {
    ...tenantOwned,
    versionId: uuid('version_id')
      .notNull()
      .references(() => documentVersions.id, { onDelete: 'cascade' }),
    content: bytea('content').notNull(),
    /** Plain text for search; empty when the format is not one we read (e.g. PDF). */
    extractedText: text('extracted_text').notNull().default(''),
  },
  (table) => [uniqueIndex('document_contents_version_idx').on(table.tenantId, table.versionId), index('document_contents_tenant_idx').on(table.tenantId)],
);
