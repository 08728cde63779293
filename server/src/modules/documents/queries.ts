import { and, asc, desc, eq, ilike, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import { notFound } from '../../platform/http/app-error.ts';
import { processDocuments, searchEntries } from '../portal/tables.ts';
import { processes } from '../processes/tables.ts';
import { documentContents, documents, documentVersions } from './tables.ts';

export async function listDocuments(tx: Executor, query: { q?: string; processId?: string; limit: number; offset: number }) {
  const conditions = [];
  if (query.q) conditions.push(ilike(documents.path, `%${query.q.replace(/[%_\\]/g, '\\$&')}%`));
  if (query.processId) {
    conditions.push(
      inArray(
        documents.id,
        tx.select({ id: processDocuments.documentId }).from(processDocuments).where(eq(processDocuments.processId, query.processId)),
      ),
    );
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = await tx
    .select({
      id: documents.id,
      path: documents.path,
      name: documents.name,
      description: documents.description,
      currentVersion: documents.currentVersion,
      updatedAt: documents.updatedAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(documents)
    .where(where)
    .orderBy(asc(documents.path))
    .limit(query.limit)
    .offset(query.offset);
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _total, updatedAt, ...row }) => ({ ...row, updatedAt: updatedAt.toISOString() })),
  };
}

export async function getDocument(tx: Executor, id: string) {
  const [document] = await tx.select().from(documents).where(eq(documents.id, id));
  if (!document) throw notFound('dokumentet');
  const versions = await tx
    .select({
      version: documentVersions.version,
      name: documentVersions.name,
      contentType: documentVersions.contentType,
      sizeBytes: documentVersions.sizeBytes,
      uploadedBy: documentVersions.uploadedBy,
      uploadedAt: documentVersions.uploadedAt,
    })
    .from(documentVersions)
    .where(eq(documentVersions.documentId, id))
    .orderBy(desc(documentVersions.version));
  const linked = await tx
    .select({ id: processes.id, name: processes.name })
    .from(processDocuments)
    .innerJoin(processes, eq(processes.id, processDocuments.processId))
    .where(eq(processDocuments.documentId, id))
    .orderBy(asc(processes.name));
  return {
    id: document.id,
    path: document.path,
    name: document.name,
    description: document.description,
    currentVersion: document.currentVersion,
    versions: versions.map((v) => ({ ...v, uploadedAt: v.uploadedAt.toISOString() })),
    processes: linked,
  };
}

/** The path a document is stored under; a new version of it is stored at the same path. */
export async function documentPath(tx: Executor, id: string): Promise<string> {
  const [document] = await tx.select({ path: documents.path }).from(documents).where(eq(documents.id, id));
  if (!document) throw notFound('dokumentet');
  return document.path;
}

/** The bytes of one version (the current one when version is omitted), for download. */
export async function documentFile(tx: Executor, id: string, version?: number) {
  const [document] = await tx.select().from(documents).where(eq(documents.id, id));
  if (!document) throw notFound('dokumentet');
  const [row] = await tx
    .select({ name: documentVersions.name, contentType: documentVersions.contentType, content: documentContents.content })
    .from(documentVersions)
    .innerJoin(documentContents, eq(documentContents.versionId, documentVersions.id))
    .where(and(eq(documentVersions.documentId, id), eq(documentVersions.version, version ?? document.currentVersion)));
  if (!row) throw notFound('den versjonen av dokumentet');
  return row;
}

export async function linkDocument(tx: Executor, tenantId: string, processId: string, documentId: string) {
  const [process] = await tx.select({ id: processes.id }).from(processes).where(eq(processes.id, processId));
  if (!process) throw notFound('prosessen');
  const [document] = await tx.select({ id: documents.id }).from(documents).where(eq(documents.id, documentId));
  if (!document) throw notFound('dokumentet');
  await tx.insert(processDocuments).values({ tenantId, processId, documentId }).onConflictDoNothing();
}

export async function unlinkDocument(tx: Executor, processId: string, documentId: string) {
  const deleted = await tx
    .delete(processDocuments)
    .where(and(eq(processDocuments.processId, processId), eq(processDocuments.documentId, documentId)))
    .returning({ documentId: processDocuments.documentId });
  if (deleted.length === 0) throw notFound('koblingen mellom prosessen og dokumentet');
}

export async function deleteDocument(tx: Executor, id: string) {
  const deleted = await tx.delete(documents).where(eq(documents.id, id)).returning({ id: documents.id });
  if (deleted.length === 0) throw notFound('dokumentet');
  await tx.delete(searchEntries).where(and(eq(searchEntries.kind, 'document'), eq(searchEntries.entityId, id)));
}
