import type { Executor } from '../../../server/src/platform/database/connection.ts';
import { blankDiagram } from '../../../server/src/modules/processes/bpmn/template.ts';
import {
  modellingRuleSettings,
  processElementLinks,
  processes,
  processReviewComments,
  processReviewReminders,
  processVersions,
} from '../../../server/src/modules/processes/tables.ts';

export async function seedTenant(db: Executor, tenantId: string, mark: string, base: Record<string, string[]>): Promise<Record<string, string[]>> {
  const ownerPersonId = base.persons![0]!;
  const [area] = await db.insert(processes).values({ tenantId, level: 'area', name: `Område ${mark}`, purpose: mark, ownerPersonId }).returning();
  const [process] = await db.insert(processes).values({ tenantId, parentId: area!.id, level: 'process', name: `Prosess ${mark}`, purpose: mark, ownerPersonId }).returning();
  const [version] = await db
    .insert(processVersions)
    .values({ tenantId, processId: process!.id, version: 1, state: 'published', bpmnXml: blankDiagram(`Prosess ${mark}`, mark), changeNote: mark, publishedAt: new Date(), lastReviewedAt: new Date() })
    .returning();
  const [link] = await db
    .insert(processElementLinks)
    .values({ tenantId, versionId: version!.id, elementId: `Lane_${mark}`, kind: 'lane_business_role', targetId: base.business_roles?.[0] ?? null })
    .returning();
  const [comment] = await db.insert(processReviewComments).values({ tenantId, versionId: version!.id, body: `Kommentar ${mark}` }).returning();
  const [setting] = await db.insert(modellingRuleSettings).values({ tenantId, rule: `rule-${mark}`, level: 'warn' }).returning();
  const [reminder] = await db
    .insert(processReviewReminders)
    .values({ tenantId, processId: process!.id, versionId: version!.id, ownerPersonId, message: `Påminnelse ${mark}` })
    .returning();
  return {
    processes: [area!.id, process!.id],
    process_versions: [version!.id],
    process_element_links: [link!.id],
    process_review_comments: [comment!.id],
    modelling_rule_settings: [setting!.id],
    process_review_reminders: [reminder!.id],
  };
}
