import type { Executor } from '../../../server/src/platform/database/connection.ts';
import { processes } from '../../../server/src/modules/processes/tables.ts';
import {
  automationAssessments,
  bundleImports,
  processClassifications,
  processDocuments,
  searchEntries,
} from '../../../server/src/modules/portal/tables.ts';

/** Portal tables. Seeds run alphabetically, so the process rows are this file's own. */
export async function seedTenant(db: Executor, tenantId: string, mark: string, base: Record<string, string[]>): Promise<Record<string, string[]>> {
  const [process] = await db.insert(processes).values({ tenantId, name: `Portalprosess ${mark}`, purpose: mark }).returning();
  const [link] = await db.insert(processDocuments).values({ tenantId, processId: process!.id, documentId: base.documents![0]! }).returning();
  const [classification] = await db
    .insert(processClassifications)
    .values({ tenantId, processId: process!.id, codeListValueId: base.code_list_values![0]! })
    .returning();
  const [assessment] = await db
    .insert(automationAssessments)
    .values({ tenantId, processId: process!.id, occurrencesPerYear: 10, minutesEach: 5, automationDegree: 50, assessment: mark })
    .returning();
  const [bundle] = await db.insert(bundleImports).values({ tenantId, fileName: `${mark}.zip`, importedBy: mark, report: [] }).returning();
  const [entry] = await db
    .insert(searchEntries)
    .values({ tenantId, kind: 'document', entityId: base.documents![0]!, title: mark, body: mark })
    .onConflictDoUpdate({ target: [searchEntries.tenantId, searchEntries.kind, searchEntries.entityId], set: { title: mark, body: mark } })
    .returning();
  return {
    process_documents: [link!.id],
    process_classifications: [classification!.id],
    automation_assessments: [assessment!.id],
    bundle_imports: [bundle!.id],
    search_entries: [entry!.id],
  };
}
