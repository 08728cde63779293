import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import type { Actor } from '../../platform/database/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { searchEntries } from '../portal/tables.ts';
import { contentTypeFor, maxDocumentBytes, safeRelativePath } from './formats/content-types.ts';
import { extractText } from './formats/extract-text.ts';
import { documentContents, documents, documentVersions } from './tables.ts';

export type StoreOutcome = 'imported' | 'new_version' | 'unchanged';

export interface StoredDocument {
  documentId: string;
  version: number;
  outcome: StoreOutcome;
}

/**
 * Stores a file as a document, or as the next version of the document at the same path. The same
 * bytes again change nothing. Keeps the search index in step. Runs in the caller's transaction.
 */
export async function storeDocument(
  tx: Executor,
  actor: Actor,
  input: { path: string; bytes: Uint8Array; description?: string },
): Promise<StoredDocument> {
  const path = safeRelativePath(input.path);
  if (!path) throw new AppError('validation_failed', `Filbanen «${input.path}» er ikke gyldig.`);
  const name = path.split('/').pop()!;
  const contentType = contentTypeFor(name);
  if (!contentType) throw new AppError('validation_failed', `Filtypen til «${name}» kan ikke lagres som dokument.`);
  if (input.bytes.byteLength === 0) throw new AppError('validation_failed', `«${name}» er tom.`);
  if (input.bytes.byteLength > maxDocumentBytes) {
    throw new AppError('payload_too_large', `«${name}» er større enn ${maxDocumentBytes / 1024 / 1024} MB.`);
  }
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');

  const [existing] = await tx.select().from(documents).where(eq(documents.path, path));
  let documentId: string;
  let version: number;
  let outcome: StoreOutcome;
  if (existing) {
    const [current] = await tx
      .select({ sha256: documentVersions.sha256 })
      .from(documentVersions)
      .where(and(eq(documentVersions.documentId, existing.id), eq(documentVersions.version, existing.currentVersion)));
    if (current?.sha256 === sha256) return { documentId: existing.id, version: existing.currentVersion, outcome: 'unchanged' };
    documentId = existing.id;
    version = existing.currentVersion + 1;
    outcome = 'new_version';
    await tx
      .update(documents)
      .set({ currentVersion: version, updatedAt: new Date(), ...(input.description ? { description: input.description } : {}) })
      .where(eq(documents.id, documentId));
  } else {
    const [created] = await tx
      .insert(documents)
      .values({ tenantId: actor.tenantId, path, name, description: input.description ?? '' })
      .returning({ id: documents.id });
    documentId = created!.id;
    version = 1;
    outcome = 'imported';
  }
  const [versionRow] = await tx
    .insert(documentVersions)
    .values({
      tenantId: actor.tenantId,
      documentId,
      version,
      name,
      contentType,
      sizeBytes: input.bytes.byteLength,
      sha256,
      uploadedBy: actor.actorName,
    })
    .returning({ id: documentVersions.id });
  const text = await extractText(name, input.bytes);
  await tx.insert(documentContents).values({ tenantId: actor.tenantId, versionId: versionRow!.id, content: input.bytes, extractedText: text });
  await indexDocument(tx, actor.tenantId, documentId, name, `${path.replace(/[/_.-]/g, ' ')} ${input.description ?? ''} ${text}`);
  return { documentId, version, outcome };
}

export async function indexDocument(tx: Executor, tenantId: string, documentId: string, title: string, body: string): Promise<void> {
  await tx
    .insert(searchEntries)
    .values({ tenantId, kind: 'document', entityId: documentId, title: title.replace(/\.[a-z0-9]+$/i, ''), body })
    .onConflictDoUpdate({
      target: [searchEntries.tenantId, searchEntries.kind, searchEntries.entityId],
      set: { title: sql`excluded.title`, body: sql`excluded.body`, updatedAt: new Date() },
    });
}
