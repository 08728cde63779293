import type { Executor } from '../../../server/src/platform/database/connection.ts';
import { codeLists, codeListValues } from '../../../server/src/modules/classification/tables.ts';
import { documentContents, documents, documentVersions } from '../../../server/src/modules/documents/tables.ts';

/** Documents and code lists (the classification tables are seeded here too). */
export async function seedTenant(db: Executor, tenantId: string, mark: string): Promise<Record<string, string[]>> {
  const [document] = await db.insert(documents).values({ tenantId, path: `Felles/${mark}.txt`, name: `${mark}.txt`, description: mark }).returning();
  const [version] = await db
    .insert(documentVersions)
    .values({ tenantId, documentId: document!.id, version: 1, name: `${mark}.txt`, contentType: 'text/plain', sizeBytes: mark.length, sha256: mark, uploadedBy: mark })
    .returning();
  const [content] = await db
    .insert(documentContents)
    .values({ tenantId, versionId: version!.id, content: new TextEncoder().encode(mark), extractedText: mark })
    .returning();
  const [list] = await db.insert(codeLists).values({ tenantId, key: 'kle', name: `KLE ${mark}`, kind: 'kle' }).returning();
  const [value] = await db.insert(codeListValues).values({ tenantId, codeListId: list!.id, code: '02.34', name: mark }).returning();
  return {
    documents: [document!.id],
    document_versions: [version!.id],
    document_contents: [content!.id],
    code_lists: [list!.id],
    code_list_values: [value!.id],
  };
}
