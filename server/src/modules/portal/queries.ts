import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import { notFound } from '../../platform/http/app-error.ts';
import { clock } from '../../platform/clock.ts';
import { businessRolesOf } from '../access/holders.ts';
import { businessRoles, businessRoleSystemRoles, systemRoles } from '../access/tables.ts';
import { systems } from '../catalogue/tables.ts';
import { codeLists, codeListValues } from '../classification/tables.ts';
import { documents } from '../documents/tables.ts';
import { employments, persons } from '../org/tables.ts';
import { parseBpmn } from '../processes/bpmn/parse.ts';
import { processElementLinks, processes, processVersions } from '../processes/tables.ts';
import { hoursPerYear } from './rules/automation.ts';
import { orderedSteps } from './rules/steps.ts';
import { automationAssessments, processClassifications, processDocuments } from './tables.ts';

export interface ProcessCard {
  id: string;
  name: string;
  purpose: string;
  version: number;
  ownerName: string | null;
  /** Why it is in "my processes": one of my business roles has a lane in it, or my unit owns it. */
  reason?: 'role' | 'unit';
}

const personName = sql<string | null>`nullif(concat_ws(' ', ${persons.givenName}, ${persons.familyName}), '')`;

function publishedCards(tx: Executor) {
  return tx
    .select({ id: processes.id, name: processes.name, purpose: processes.purpose, version: processVersions.version, ownerName: personName, versionId: processVersions.id })
    .from(processes)
    .innerJoin(processVersions, and(eq(processVersions.processId, processes.id), eq(processVersions.state, 'published')))
    .leftJoin(persons, eq(persons.id, processes.ownerPersonId))
    .$dynamic();
}

/** Published processes, optionally narrowed by classification codes (all must match) and a name. */
export async function listPublishedProcesses(tx: Executor, query: { q?: string; codes?: string[]; limit: number; offset: number }) {
  const conditions = [];
  if (query.q) conditions.push(sql`${processes.name} ilike ${`%${query.q.replace(/[%_\\]/g, '\\$&')}%`}`);
  for (const valueId of query.codes ?? []) {
    conditions.push(
      sql`exists (select 1 from ${processClassifications} pc where pc.process_id = ${processes.id} and pc.code_list_value_id = ${valueId})`,
    );
  }
  const rows = await publishedCards(tx)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(processes.name))
    .limit(query.limit)
    .offset(query.offset);
  return { items: rows.map(({ versionId: _v, ...row }) => row) };
}

/**
 * "My processes" [mine prosesser]: published processes with a lane linked to a business role I
 * hold, then those owned by someone in my unit.
 */
export async function myProcesses(tx: Executor, personId: string | null): Promise<{ items: ProcessCard[]; businessRoles: { id: string; name: string }[] }> {
  if (!personId) return { items: [], businessRoles: [] };
  const roleIds = await businessRolesOf(tx, personId);
  const roles = roleIds.length
    ? await tx.select({ id: businessRoles.id, name: businessRoles.name }).from(businessRoles).where(inArray(businessRoles.id, roleIds)).orderBy(asc(businessRoles.name))
    : [];
  const byRole = roleIds.length
    ? await publishedCards(tx)
        .where(
          sql`exists (select 1 from ${processElementLinks} l where l.version_id = ${processVersions.id} and l.kind = 'lane_business_role' and l.target_id in (${sql.join(
            roleIds.map((id) => sql`${id}`),
            sql`, `,
          )}))`,
        )
        .orderBy(asc(processes.name))
    : [];
  const today = clock.today();
  const myUnits = tx
    .select({ unit: employments.orgUnitId })
    .from(employments)
    .where(and(eq(employments.personId, personId), sql`${employments.startDate} <= ${today}`, sql`(${employments.endDate} is null or ${employments.endDate} >= ${today})`));
  const colleagues = tx
    .select({ person: employments.personId })
    .from(employments)
    .where(and(inArray(employments.orgUnitId, myUnits), sql`(${employments.endDate} is null or ${employments.endDate} >= ${today})`));
  const byUnit = await publishedCards(tx).where(inArray(processes.ownerPersonId, colleagues)).orderBy(asc(processes.name)).limit(50);
  const seen = new Set<string>();
  const items: ProcessCard[] = [];
  for (const [rows, reason] of [[byRole, 'role'], [byUnit, 'unit']] as const) {
    for (const { versionId: _v, ...row } of rows) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      items.push({ ...row, reason });
    }
  }
  return { items, businessRoles: roles };
}

/** The employee's page of one process: the published version only. */
export async function processPage(tx: Executor, id: string) {
  const [row] = await publishedCards(tx).where(eq(processes.id, id));
  if (!row) throw notFound('en publisert versjon av prosessen');
  const [version] = await tx.select({ xml: processVersions.bpmnXml, publishedAt: processVersions.publishedAt }).from(processVersions).where(eq(processVersions.id, row.versionId));
  const [owner] = await tx
    .select({ id: persons.id, name: personName, email: persons.email })
    .from(processes)
    .innerJoin(persons, eq(persons.id, processes.ownerPersonId))
    .where(eq(processes.id, id));
  const links = await tx.select().from(processElementLinks).where(eq(processElementLinks.versionId, row.versionId));

  const roleIds = links.filter((l) => l.kind === 'lane_business_role' && l.targetId).map((l) => l.targetId!);
  const systemIds = links.filter((l) => l.kind === 'task_system' && l.targetId).map((l) => l.targetId!);
  const systemRoleIds = links.filter((l) => l.kind === 'task_system' && l.systemRoleId).map((l) => l.systemRoleId!);
  const roleRows = roleIds.length ? await tx.select({ id: businessRoles.id, name: businessRoles.name, requestable: businessRoles.requestable }).from(businessRoles).where(inArray(businessRoles.id, roleIds)) : [];
  const systemRows = systemIds.length ? await tx.select({ id: systems.id, name: systems.name }).from(systems).where(inArray(systems.id, systemIds)) : [];
  const systemRoleRows = systemRoleIds.length ? await tx.select({ id: systemRoles.id, name: systemRoles.name, systemId: systemRoles.systemId }).from(systemRoles).where(inArray(systemRoles.id, systemRoleIds)) : [];
  // Which requestable business roles give each needed system role: those are what to ask for.
  const granting = systemRoleIds.length
    ? await tx
        .select({ systemRoleId: businessRoleSystemRoles.systemRoleId, id: businessRoles.id, name: businessRoles.name })
        .from(businessRoleSystemRoles)
        .innerJoin(businessRoles, eq(businessRoles.id, businessRoleSystemRoles.businessRoleId))
        .where(and(inArray(businessRoleSystemRoles.systemRoleId, systemRoleIds), eq(businessRoles.requestable, true)))
    : [];
  const roleById = new Map(roleRows.map((r) => [r.id, r]));
  const systemById = new Map(systemRows.map((s) => [s.id, s]));
  const systemRoleById = new Map(systemRoleRows.map((s) => [s.id, s]));

  let steps: {
    elementId: string;
    name: string;
    type: string;
    lane: string | null;
    businessRole: { id: string; name: string } | null;
    system: { id: string; name: string } | null;
    systemRole: { id: string; name: string } | null;
    manual: boolean;
  }[] = [];
  try {
    const { model } = await parseBpmn(version!.xml);
    const laneName = new Map(model.lanes.map((lane) => [lane.id, lane.name]));
    steps = orderedSteps(model).map((step) => {
      const laneId = step.laneIds[step.laneIds.length - 1] ?? null;
      const laneLink = links.find((l) => l.kind === 'lane_business_role' && step.laneIds.includes(l.elementId));
      const taskLink = links.find((l) => l.kind === 'task_system' && l.elementId === step.elementId);
      const role = laneLink?.targetId ? roleById.get(laneLink.targetId) : undefined;
      const system = taskLink?.targetId ? systemById.get(taskLink.targetId) : undefined;
      const systemRole = taskLink?.systemRoleId ? systemRoleById.get(taskLink.systemRoleId) : undefined;
      return {
        elementId: step.elementId,
        name: step.name,
        type: step.type.replace('bpmn:', ''),
        lane: laneId ? (laneName.get(laneId) ?? null) : null,
        businessRole: role ? { id: role.id, name: role.name } : null,
        system: system ?? null,
        systemRole: systemRole ? { id: systemRole.id, name: systemRole.name } : null,
        manual: links.some((l) => l.kind === 'task_manual' && l.elementId === step.elementId),
      };
    });
  } catch {
    // A stored version was checked when saved; if it cannot be read now the page still shows the rest.
  }

  const systemsNeeded = systemRows
    .map((system) => {
      const roles = systemRoleRows.filter((sr) => sr.systemId === system.id);
      const askFor = new Map<string, { id: string; name: string }>();
      for (const g of granting) if (roles.some((r) => r.id === g.systemRoleId)) askFor.set(g.id, { id: g.id, name: g.name });
      return { id: system.id, name: system.name, systemRoles: roles.map(({ id, name }) => ({ id, name })), requestableBusinessRoles: [...askFor.values()] };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));

  const documentRows = await tx
    .select({ id: documents.id, name: documents.name, path: documents.path, currentVersion: documents.currentVersion })
    .from(processDocuments)
    .innerJoin(documents, eq(documents.id, processDocuments.documentId))
    .where(eq(processDocuments.processId, id))
    .orderBy(asc(documents.name));
  const classifications = await tx
    .select({ id: codeListValues.id, code: codeListValues.code, name: codeListValues.name, list: codeLists.name, listKey: codeLists.key })
    .from(processClassifications)
    .innerJoin(codeListValues, eq(codeListValues.id, processClassifications.codeListValueId))
    .innerJoin(codeLists, eq(codeLists.id, codeListValues.codeListId))
    .where(eq(processClassifications.processId, id))
    .orderBy(asc(codeLists.name), asc(codeListValues.code));
  const [assessment] = await tx.select().from(automationAssessments).where(eq(automationAssessments.processId, id));

  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose,
    version: row.version,
    publishedAt: version!.publishedAt?.toISOString() ?? null,
    owner: owner ? { id: owner.id, name: owner.name ?? '', email: owner.email } : null,
    bpmnXml: version!.xml,
    steps,
    businessRoles: roleRows.map(({ id: roleId, name, requestable }) => ({ id: roleId, name, requestable })),
    systems: systemsNeeded,
    documents: documentRows,
    classifications,
    automation: assessment
      ? {
          occurrencesPerYear: assessment.occurrencesPerYear,
          minutesEach: Number(assessment.minutesEach),
          automationDegree: assessment.automationDegree,
          hoursPerYear: hoursPerYear(assessment),
          assessment: assessment.assessment,
        }
      : null,
  };
}
