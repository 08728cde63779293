import { aliasedTable, and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import type { Actor } from '../../platform/database/tenant-scope.ts';
import { AppError, forbidden, notFound } from '../../platform/http/app-error.ts';
import { businessRoles, systemRoles } from '../access/tables.ts';
import { users } from '../auth/tables.ts';
import { systems } from '../catalogue/tables.ts';
import { documents } from '../documents/tables.ts';
import { informationObjects, serviceProcesses, services } from '../map/tables.ts';
import { notify } from '../notices/queries.ts';
import { persons } from '../org/tables.ts';
import { processDocuments } from '../portal/tables.ts';
import { diffVersions } from './bpmn/diff.ts';
import { parseBpmn } from './bpmn/parse.ts';
import { blankDiagram } from './bpmn/template.ts';
import { approvalProblem, isEditable, isOpen, nextState, reviewIsDue, type GovernanceAction } from './governance/states.ts';
import { actorUserId, checkBpmn } from './import.ts';
import type { LinkContext } from './lint/rules.ts';
import { lintDefinitions, type LintFinding } from './lint/run.ts';
import { standardRuleNames, standardRules, type RuleLevel } from './lint/standard.ts';
import type { ElementLinkInput, ProcessInput } from './schemas.ts';
import {
  modellingRuleSettings,
  processElementLinks,
  processes,
  processReviewComments,
  processReviewReminders,
  processVersions,
  type VersionState,
} from './tables.ts';

const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null);
const personName = sql<string | null>`case when ${persons.id} is null then null else ${persons.givenName} || ' ' || ${persons.familyName} end`;

// ---------------------------------------------------------------- hierarchy

export async function listProcesses(tx: Executor, now = new Date()) {
  const rows = await tx
    .select({ process: processes, ownerName: personName })
    .from(processes)
    .leftJoin(persons, eq(persons.id, processes.ownerPersonId))
    .orderBy(asc(processes.sortOrder), asc(processes.name));
  const versions = await tx
    .select({
      id: processVersions.id,
      processId: processVersions.processId,
      version: processVersions.version,
      state: processVersions.state,
      publishedAt: processVersions.publishedAt,
      lastReviewedAt: processVersions.lastReviewedAt,
    })
    .from(processVersions)
    .orderBy(desc(processVersions.version));
  const byProcess = new Map<string, typeof versions>();
  for (const version of versions) byProcess.set(version.processId, [...(byProcess.get(version.processId) ?? []), version]);
  return {
    items: rows.map(({ process, ownerName }) => {
      const all = byProcess.get(process.id) ?? [];
      const published = all.find((v) => v.state === 'published');
      const latest = all[0];
      return {
        id: process.id,
        parentId: process.parentId,
        level: process.level,
        name: process.name,
        purpose: process.purpose,
        owner: process.ownerPersonId && ownerName ? { id: process.ownerPersonId, name: ownerName } : null,
        published: published
          ? { id: published.id, version: published.version, publishedAt: iso(published.publishedAt), lastReviewedAt: iso(published.lastReviewedAt) }
          : null,
        latest: latest ? { id: latest.id, version: latest.version, state: latest.state } : null,
        reviewDue: published ? reviewIsDue(published.lastReviewedAt, now) : false,
      };
    }),
  };
}

const createdByUser = aliasedTable(users, 'created_by_user');
const approvedByUser = aliasedTable(users, 'approved_by_user');
const publishedByUser = aliasedTable(users, 'published_by_user');

async function versionSummaries(tx: Executor, processId: string) {
  const rows = await tx
    .select({
      version: processVersions,
      createdBy: createdByUser.displayName,
      approvedBy: approvedByUser.displayName,
      publishedBy: publishedByUser.displayName,
    })
    .from(processVersions)
    .leftJoin(createdByUser, eq(createdByUser.id, processVersions.createdBy))
    .leftJoin(approvedByUser, eq(approvedByUser.id, processVersions.approvedBy))
    .leftJoin(publishedByUser, eq(publishedByUser.id, processVersions.publishedBy))
    .where(eq(processVersions.processId, processId))
    .orderBy(desc(processVersions.version));
  return rows.map((row) => ({
    id: row.version.id,
    version: row.version.version,
    state: row.version.state,
    changeNote: row.version.changeNote,
    createdBy: row.createdBy,
    createdAt: iso(row.version.createdAt)!,
    approvedBy: row.approvedBy,
    approvedAt: iso(row.version.approvedAt),
    publishedBy: row.publishedBy,
    publishedAt: iso(row.version.publishedAt),
  }));
}

export async function getProcess(tx: Executor, id: string, now = new Date()) {
  const list = await listProcesses(tx, now);
  const byId = new Map(list.items.map((item) => [item.id, item]));
  const process = byId.get(id);
  if (!process) throw notFound('prosessen');
  const ancestors: { id: string; name: string; level: (typeof process)['level'] }[] = [];
  for (let parent = process.parentId ? byId.get(process.parentId) : undefined; parent; parent = parent.parentId ? byId.get(parent.parentId) : undefined) {
    ancestors.unshift({ id: parent.id, name: parent.name, level: parent.level });
    if (ancestors.length > 20) break;
  }
  const children = list.items
    .filter((item) => item.parentId === id)
    .map((item) => ({ id: item.id, name: item.name, level: item.level, published: item.published !== null }));
  const callers = await tx
    .selectDistinct({ id: processes.id, name: processes.name })
    .from(processElementLinks)
    .innerJoin(processVersions, eq(processVersions.id, processElementLinks.versionId))
    .innerJoin(processes, eq(processes.id, processVersions.processId))
    .where(and(eq(processElementLinks.kind, 'call_process'), eq(processElementLinks.targetId, id), eq(processVersions.state, 'published')));
  return { ...process, ancestors, children, versions: await versionSummaries(tx, id), calledBy: callers, ...(await linkedTo(tx, id, process.published?.id ?? process.latest?.id)) };
}

/**
 * What a process is linked to outside its diagram: the services delivered through it, its
 * documents, and the systems its tasks use (in the published version, else the newest).
 */
async function linkedTo(tx: Executor, processId: string, versionId: string | undefined) {
  const serviceRows = await tx
    .select({ id: services.id, name: services.name })
    .from(serviceProcesses)
    .innerJoin(services, eq(services.id, serviceProcesses.serviceId))
    .where(eq(serviceProcesses.processId, processId))
    .orderBy(asc(services.name));
  const documentRows = await tx
    .select({ id: documents.id, name: documents.name, path: documents.path, currentVersion: documents.currentVersion })
    .from(processDocuments)
    .innerJoin(documents, eq(documents.id, processDocuments.documentId))
    .where(eq(processDocuments.processId, processId))
    .orderBy(asc(documents.path));
  const systemRows = versionId
    ? await tx
        .selectDistinct({ id: systems.id, name: systems.name })
        .from(processElementLinks)
        .innerJoin(systems, eq(systems.id, processElementLinks.targetId))
        .where(and(eq(processElementLinks.versionId, versionId), eq(processElementLinks.kind, 'task_system')))
        .orderBy(asc(systems.name))
    : [];
  return { services: serviceRows, documents: documentRows, systems: systemRows };
}

/** Sets the services delivered through a process to exactly these (the map's service ↔ process links). */
export async function setProcessServices(tx: Executor, tenantId: string, processId: string, serviceIds: string[]) {
  const [process] = await tx.select({ id: processes.id }).from(processes).where(eq(processes.id, processId));
  if (!process) throw notFound('prosessen');
  const wanted = [...new Set(serviceIds)];
  if (wanted.length) {
    const known = await tx.select({ id: services.id }).from(services).where(inArray(services.id, wanted));
    if (known.length !== wanted.length) {
      throw new AppError('validation_failed', 'En eller flere av tjenestene finnes ikke.', [{ field: 'serviceIds', message: 'Ukjent tjeneste' }]);
    }
  }
  const current = await tx.select({ id: serviceProcesses.id, serviceId: serviceProcesses.serviceId }).from(serviceProcesses).where(eq(serviceProcesses.processId, processId));
  const stale = current.filter((row) => !wanted.includes(row.serviceId)).map((row) => row.id);
  if (stale.length) await tx.delete(serviceProcesses).where(inArray(serviceProcesses.id, stale));
  const fresh = wanted.filter((serviceId) => !current.some((row) => row.serviceId === serviceId));
  if (fresh.length) await tx.insert(serviceProcesses).values(fresh.map((serviceId) => ({ tenantId, serviceId, processId })));
}

/** Areas hold areas and processes; a sub-process lies under a process (or another sub-process). */
async function assertPlace(tx: Executor, input: Pick<ProcessInput, 'level' | 'parentId'>) {
  if (input.parentId) {
    const [parent] = await tx.select({ level: processes.level }).from(processes).where(eq(processes.id, input.parentId));
    if (!parent) throw notFound('overordnet nivå');
    if (input.level === 'area' && parent.level !== 'area') throw new AppError('validation_failed', 'Et prosessområde kan bare ligge under et annet prosessområde.', [{ field: 'parentId', message: 'Velg et prosessområde eller øverste nivå' }]);
  } else if (input.level === 'subprocess') {
    throw new AppError('validation_failed', 'En delprosess må ligge under en prosess.', [{ field: 'parentId', message: 'Velg prosessen delprosessen hører til' }]);
  }
}

export async function createProcess(tx: Executor, actor: Actor, input: ProcessInput) {
  await assertPlace(tx, input);
  if (input.ownerPersonId) await assertPerson(tx, input.ownerPersonId);
  const [created] = await tx
    .insert(processes)
    .values({ tenantId: actor.tenantId, parentId: input.parentId, level: input.level, name: input.name, purpose: input.purpose, ownerPersonId: input.ownerPersonId })
    .onConflictDoNothing()
    .returning({ id: processes.id });
  if (!created) throw new AppError('conflict', `Det finnes allerede «${input.name}» på dette nivået.`);
  if (input.level !== 'area') {
    await tx.insert(processVersions).values({
      tenantId: actor.tenantId,
      processId: created.id,
      version: 1,
      state: 'draft',
      bpmnXml: blankDiagram(input.name, created.id),
      changeNote: 'Ny prosess',
      createdBy: actorUserId(actor),
    });
  }
  return created.id;
}

async function assertPerson(tx: Executor, personId: string) {
  const [person] = await tx.select({ id: persons.id }).from(persons).where(eq(persons.id, personId));
  if (!person) throw new AppError('validation_failed', 'Fant ikke personen som skal være prosesseier.', [{ field: 'ownerPersonId', message: 'Ukjent person' }]);
}

export async function updateProcess(tx: Executor, id: string, input: ProcessInput) {
  if (input.parentId === id) throw new AppError('validation_failed', 'En prosess kan ikke ligge under seg selv.');
  await assertPlace(tx, input);
  if (input.ownerPersonId) await assertPerson(tx, input.ownerPersonId);
  if (input.parentId) {
    // Refuse moving a node under its own descendant.
    const all = await tx.select({ id: processes.id, parentId: processes.parentId }).from(processes);
    const parentOf = new Map(all.map((row) => [row.id, row.parentId]));
    for (let at: string | null | undefined = input.parentId; at; at = parentOf.get(at)) {
      if (at === id) throw new AppError('validation_failed', 'En prosess kan ikke flyttes inn under en av sine egne delprosesser.');
    }
  }
  const updated = await tx
    .update(processes)
    .set({ parentId: input.parentId, level: input.level, name: input.name, purpose: input.purpose, ownerPersonId: input.ownerPersonId, updatedAt: new Date() })
    .where(eq(processes.id, id))
    .returning({ id: processes.id });
  if (updated.length === 0) throw notFound('prosessen');
}

export async function deleteProcess(tx: Executor, id: string) {
  const [child] = await tx.select({ id: processes.id }).from(processes).where(eq(processes.parentId, id)).limit(1);
  if (child) throw new AppError('conflict', 'Prosessen har underliggende prosesser. Flytt eller slett dem først.');
  const [published] = await tx
    .select({ id: processVersions.id })
    .from(processVersions)
    .where(and(eq(processVersions.processId, id), inArray(processVersions.state, ['published', 'approved', 'in_review'])))
    .limit(1);
  if (published) throw new AppError('conflict', 'Prosessen er publisert eller til godkjenning. Sett den som utgått i stedet for å slette den.');
  const deleted = await tx.delete(processes).where(eq(processes.id, id)).returning({ id: processes.id });
  if (deleted.length === 0) throw notFound('prosessen');
}

// ---------------------------------------------------------------- versions

async function loadVersion(tx: Executor, id: string) {
  const [row] = await tx.select().from(processVersions).where(eq(processVersions.id, id));
  if (!row) throw notFound('prosessversjonen');
  return row;
}

/** Links of a version with the names of what they point at (in other modules' tables). */
export async function linksOf(tx: Executor, versionId: string) {
  const rows = await tx.select().from(processElementLinks).where(eq(processElementLinks.versionId, versionId)).orderBy(asc(processElementLinks.elementId));
  const ids = (kind: string) => [...new Set(rows.filter((r) => r.kind === kind && r.targetId).map((r) => r.targetId!))];
  const names = new Map<string, string>();
  const collect = (list: { id: string; name: string }[]) => list.forEach((item) => names.set(item.id, item.name));
  const roleIds = ids('lane_business_role');
  if (roleIds.length) collect(await tx.select({ id: businessRoles.id, name: businessRoles.name }).from(businessRoles).where(inArray(businessRoles.id, roleIds)));
  const systemIds = ids('task_system');
  if (systemIds.length) collect(await tx.select({ id: systems.id, name: systems.name }).from(systems).where(inArray(systems.id, systemIds)));
  const infoIds = ids('data_information_object');
  if (infoIds.length) collect(await tx.select({ id: informationObjects.id, name: informationObjects.name }).from(informationObjects).where(inArray(informationObjects.id, infoIds)));
  const processIds = ids('call_process');
  if (processIds.length) collect(await tx.select({ id: processes.id, name: processes.name }).from(processes).where(inArray(processes.id, processIds)));
  const systemRoleIds = [...new Set(rows.filter((r) => r.systemRoleId).map((r) => r.systemRoleId!))];
  const systemRoleNames = new Map<string, string>();
  if (systemRoleIds.length) {
    for (const role of await tx.select({ id: systemRoles.id, name: systemRoles.name }).from(systemRoles).where(inArray(systemRoles.id, systemRoleIds))) {
      systemRoleNames.set(role.id, role.name);
    }
  }
  return rows.map((row) => ({
    elementId: row.elementId,
    kind: row.kind,
    targetId: row.targetId,
    systemRoleId: row.systemRoleId,
    label: row.targetId ? (names.get(row.targetId) ?? null) : null,
    systemRoleLabel: row.systemRoleId ? (systemRoleNames.get(row.systemRoleId) ?? null) : null,
  }));
}

export async function getVersion(tx: Executor, id: string, mayEdit: boolean) {
  const version = await loadVersion(tx, id);
  // Employees see what is published (and what was); drafts are for modellers and approvers.
  if (!mayEdit && !['published', 'superseded', 'retired'].includes(version.state)) throw forbidden('Denne versjonen er ikke publisert ennå.');
  const [process] = await tx.select({ name: processes.name }).from(processes).where(eq(processes.id, version.processId));
  const summary = (await versionSummaries(tx, version.processId)).find((v) => v.id === id)!;
  const comments = await tx
    .select({ comment: processReviewComments, author: users.displayName })
    .from(processReviewComments)
    .leftJoin(users, eq(users.id, processReviewComments.authorUserId))
    .where(eq(processReviewComments.versionId, id))
    .orderBy(asc(processReviewComments.createdAt));
  return {
    ...summary,
    processId: version.processId,
    processName: process?.name ?? '',
    xml: version.bpmnXml,
    submittedAt: iso(version.submittedAt),
    lastReviewedAt: iso(version.lastReviewedAt),
    links: await linksOf(tx, id),
    comments: comments.map(({ comment, author }) => ({
      id: comment.id,
      author,
      elementId: comment.elementId,
      body: comment.body,
      createdAt: iso(comment.createdAt)!,
    })),
  };
}

/** Saves the diagram and its links; only a draft can be changed. Links to removed elements go. */
export async function saveVersion(tx: Executor, actor: Actor, id: string, input: { xml: string; links: ElementLinkInput[]; changeNote?: string }) {
  const version = await loadVersion(tx, id);
  if (!isEditable(version.state)) throw new AppError('conflict', 'Bare et utkast kan endres. Lag et nytt utkast for å endre prosessen.');
  const { xml, model } = await checkBpmn(input.xml);
  const present = new Set([...model.elements.map((e) => e.id), ...model.lanes.map((l) => l.id)]);
  const links = input.links.filter((link) => present.has(link.elementId));
  for (const link of links) {
    if (link.kind !== 'task_manual' && !link.targetId) {
      throw new AppError('validation_failed', `Koblingen for ${link.elementId} mangler hva den viser til.`, [{ field: link.elementId, message: 'Velg hva elementet skal kobles til' }]);
    }
  }
  await tx
    .update(processVersions)
    .set({ bpmnXml: xml, updatedAt: new Date(), ...(input.changeNote !== undefined ? { changeNote: input.changeNote } : {}) })
    .where(eq(processVersions.id, id));
  await replaceLinks(tx, actor, id, links);
}

async function replaceLinks(tx: Executor, actor: Actor, versionId: string, links: ElementLinkInput[]) {
  const existing = await tx.select().from(processElementLinks).where(eq(processElementLinks.versionId, versionId));
  const key = (l: { elementId: string; kind: string; targetId: string | null; systemRoleId: string | null }) => `${l.elementId}|${l.kind}|${l.targetId ?? ''}|${l.systemRoleId ?? ''}`;
  const wanted = new Map(links.map((l) => [key(l), l]));
  const stale = existing.filter((l) => !wanted.has(key(l))).map((l) => l.id);
  if (stale.length) await tx.delete(processElementLinks).where(inArray(processElementLinks.id, stale));
  const have = new Set(existing.map(key));
  const fresh = [...wanted.values()].filter((l) => !have.has(key(l)));
  if (fresh.length) {
    await tx.insert(processElementLinks).values(
      fresh.map((l) => ({ tenantId: actor.tenantId, versionId, elementId: l.elementId, kind: l.kind, targetId: l.targetId, systemRoleId: l.systemRoleId })),
    );
  }
}

/** The draft to edit: the open version if there is one, else a copy of the newest version. */
export async function openDraft(tx: Executor, actor: Actor, processId: string) {
  const versions = await tx.select().from(processVersions).where(eq(processVersions.processId, processId)).orderBy(desc(processVersions.version));
  const [process] = await tx.select().from(processes).where(eq(processes.id, processId));
  if (!process) throw notFound('prosessen');
  const open = versions.find((v) => isOpen(v.state));
  if (open) return { versionId: open.id, created: false };
  const source = versions.find((v) => v.state === 'published') ?? versions[0];
  const [created] = await tx
    .insert(processVersions)
    .values({
      tenantId: actor.tenantId,
      processId,
      version: (versions[0]?.version ?? 0) + 1,
      state: 'draft',
      bpmnXml: source?.bpmnXml ?? blankDiagram(process.name, processId),
      changeNote: '',
      createdBy: actorUserId(actor),
    })
    .returning({ id: processVersions.id });
  if (source) {
    const links = await tx.select().from(processElementLinks).where(eq(processElementLinks.versionId, source.id));
    if (links.length) {
      await tx.insert(processElementLinks).values(
        links.map((l) => ({ tenantId: actor.tenantId, versionId: created!.id, elementId: l.elementId, kind: l.kind, targetId: l.targetId, systemRoleId: l.systemRoleId })),
      );
    }
  }
  return { versionId: created!.id, created: true };
}

// ---------------------------------------------------------------- modelling standard

export async function ruleSettings(tx: Executor): Promise<Record<string, RuleLevel>> {
  const rows = await tx.select({ rule: modellingRuleSettings.rule, level: modellingRuleSettings.level }).from(modellingRuleSettings);
  return Object.fromEntries(rows.map((row) => [row.rule, row.level]));
}

export async function listRules(tx: Executor) {
  const settings = await ruleSettings(tx);
  return { items: standardRules.map((rule) => ({ ...rule, level: settings[rule.name] ?? rule.defaultLevel })) };
}

export async function updateRules(tx: Executor, actor: Actor, levels: Record<string, RuleLevel>) {
  const unknown = Object.keys(levels).filter((name) => !standardRuleNames.has(name));
  if (unknown.length) throw new AppError('validation_failed', `Ukjent regel: ${unknown.join(', ')}`);
  for (const [rule, level] of Object.entries(levels)) {
    await tx
      .insert(modellingRuleSettings)
      .values({ tenantId: actor.tenantId, rule, level })
      .onConflictDoUpdate({ target: [modellingRuleSettings.tenantId, modellingRuleSettings.rule], set: { level, updatedAt: new Date() } });
  }
  return listRules(tx);
}

export function linkContext(links: { elementId: string; kind: string }[]): LinkContext {
  const of = (...kinds: string[]) => links.filter((l) => kinds.includes(l.kind)).map((l) => l.elementId);
  return {
    laneRoles: of('lane_business_role'),
    taskSystemsOrManual: of('task_system', 'task_manual'),
    calledProcesses: of('call_process'),
    dataObjects: of('data_information_object'),
  };
}

export async function lintVersion(tx: Executor, id: string): Promise<LintFinding[]> {
  const version = await loadVersion(tx, id);
  const { definitions } = await parseBpmn(version.bpmnXml);
  const links = await tx.select().from(processElementLinks).where(eq(processElementLinks.versionId, id));
  return lintDefinitions(definitions, await ruleSettings(tx), linkContext(links));
}

// ---------------------------------------------------------------- governance

export async function transition(tx: Executor, actor: Actor, id: string, action: GovernanceAction, comment?: string) {
  const version = await loadVersion(tx, id);
  const next = nextState(version.state, action);
  if (!next.ok) throw new AppError('conflict', next.reason);
  const now = new Date();
  const userId = actorUserId(actor);
  const changes: Partial<typeof processVersions.$inferInsert> = { state: next.state, updatedAt: now };
  if (action === 'submit') {
    const findings = await lintVersion(tx, id);
    const errors = findings.filter((f) => f.level === 'error');
    if (errors.length > 0) {
      throw new AppError(
        'validation_failed',
        `Prosessen følger ikke modelleringsstandarden: ${errors.length} ${errors.length === 1 ? 'feil' : 'feil'} må rettes før den kan sendes til godkjenning.`,
        errors.map((f) => ({ field: f.elementId ?? undefined, message: f.message })),
        { findings },
      );
    }
    Object.assign(changes, { submittedBy: userId, submittedAt: now });
  }
  if (action === 'approve') {
    if (!userId) throw forbidden('Godkjenning må gjøres av en innlogget person.');
    const problem = approvalProblem(userId, [version.createdBy, version.submittedBy]);
    if (problem) throw forbidden(problem);
    Object.assign(changes, { approvedBy: userId, approvedAt: now });
  }
  if (action === 'publish') {
    await tx
      .update(processVersions)
      .set({ state: 'superseded', updatedAt: now })
      .where(and(eq(processVersions.processId, version.processId), eq(processVersions.state, 'published'), ne(processVersions.id, id)));
    Object.assign(changes, { publishedBy: userId, publishedAt: now, lastReviewedAt: now });
    await closeReminders(tx, version.processId, now);
  }
  if (action === 'retire') {
    Object.assign(changes, { retiredAt: now });
    await closeReminders(tx, version.processId, now);
  }
  await tx.update(processVersions).set(changes).where(eq(processVersions.id, id));
  if (comment?.trim()) {
    await tx.insert(processReviewComments).values({ tenantId: actor.tenantId, versionId: id, authorUserId: userId, body: comment.trim() });
  }
  await noticeOfTransition(tx, actor, version, action);
  return { state: next.state as VersionState };
}

const transitionNotice: Partial<Record<GovernanceAction, { kind: string; text: (name: string, version: number, by: string) => string }>> = {
  submit: { kind: 'process_version_submitted', text: (name, v, by) => `${by} har sendt «${name}» versjon ${v} til godkjenning.` },
  approve: { kind: 'process_version_approved', text: (name, v, by) => `${by} har godkjent «${name}» versjon ${v}. Den kan nå publiseres.` },
  return: { kind: 'process_version_returned', text: (name, v, by) => `${by} har sendt «${name}» versjon ${v} tilbake til utkast. Se kommentarene.` },
  publish: { kind: 'process_version_published', text: (name, v, by) => `${by} har publisert «${name}» versjon ${v}.` },
};

/**
 * Tells the people a governance step concerns: the process owner and the version's author, but
 * not the one who took the step.
 */
async function noticeOfTransition(tx: Executor, actor: Actor, version: { processId: string; version: number; createdBy: string | null }, action: GovernanceAction) {
  const notice = transitionNotice[action];
  if (!notice) return;
  const [process] = await tx.select({ name: processes.name, ownerPersonId: processes.ownerPersonId }).from(processes).where(eq(processes.id, version.processId));
  if (!process) return;
  const userIds = [version.createdBy, actorUserId(actor)].filter((id): id is string => id !== null);
  const personOf = new Map(
    userIds.length ? (await tx.select({ id: users.id, personId: users.personId }).from(users).where(inArray(users.id, userIds))).map((u) => [u.id, u.personId]) : [],
  );
  const actorPerson = personOf.get(actorUserId(actor) ?? '') ?? null;
  const recipients = new Set([process.ownerPersonId, version.createdBy ? personOf.get(version.createdBy) : null].filter((id): id is string => !!id && id !== actorPerson));
  await notify(
    tx,
    [...recipients].map((personId) => ({
      tenantId: actor.tenantId,
      personId,
      kind: notice.kind,
      message: notice.text(process.name, version.version, actor.actorName),
      link: `/processes/${version.processId}`,
    })),
  );
}

/** Retiring a process retires its published version. */
export async function retireProcess(tx: Executor, actor: Actor, processId: string) {
  const [published] = await tx
    .select({ id: processVersions.id })
    .from(processVersions)
    .where(and(eq(processVersions.processId, processId), eq(processVersions.state, 'published')));
  if (!published) throw new AppError('conflict', 'Prosessen har ingen publisert versjon å sette som utgått.');
  return transition(tx, actor, published.id, 'retire');
}

export async function addComment(tx: Executor, actor: Actor, versionId: string, input: { body: string; elementId: string | null }) {
  const version = await loadVersion(tx, versionId);
  if (version.state !== 'in_review' && version.state !== 'draft') throw new AppError('conflict', 'Kommentarer gis på utkast og versjoner til godkjenning.');
  await tx.insert(processReviewComments).values({ tenantId: actor.tenantId, versionId, authorUserId: actorUserId(actor), elementId: input.elementId, body: input.body });
}

export async function diffVersion(tx: Executor, id: string, againstId?: string) {
  const version = await loadVersion(tx, id);
  let against = againstId ? await loadVersion(tx, againstId) : undefined;
  if (!against) {
    const [previous] = await tx
      .select()
      .from(processVersions)
      .where(and(eq(processVersions.processId, version.processId), sql`${processVersions.version} < ${version.version}`))
      .orderBy(desc(processVersions.version))
      .limit(1);
    against = previous;
  }
  if (!against) throw new AppError('not_found', 'Dette er første versjon; det er ingen tidligere versjon å sammenligne med.');
  if (against.processId !== version.processId) throw new AppError('validation_failed', 'Versjonene hører til ulike prosesser.');
  const [before, after] = await Promise.all([parseBpmn(against.bpmnXml), parseBpmn(version.bpmnXml)]);
  const diff = diffVersions({ model: before.model, links: await linksOf(tx, against.id) }, { model: after.model, links: await linksOf(tx, id) });
  return { from: { id: against.id, version: against.version }, to: { id: version.id, version: version.version }, ...diff };
}

// ---------------------------------------------------------------- yearly review

async function closeReminders(tx: Executor, processId: string, now: Date) {
  await tx
    .update(processReviewReminders)
    .set({ closedAt: now })
    .where(and(eq(processReviewReminders.processId, processId), isNull(processReviewReminders.closedAt)));
}

/** The owner confirms the published process is still right: the 12 months start again. */
export async function confirmReview(tx: Executor, processId: string, now = new Date()) {
  const updated = await tx
    .update(processVersions)
    .set({ lastReviewedAt: now, updatedAt: now })
    .where(and(eq(processVersions.processId, processId), eq(processVersions.state, 'published')))
    .returning({ id: processVersions.id });
  if (updated.length === 0) throw new AppError('conflict', 'Prosessen har ingen publisert versjon.');
  await closeReminders(tx, processId, now);
}

export const reviewDueMessage = (name: string) => `«${name}» er ikke gjennomgått på 12 måneder. Se over prosessen og bekreft at den fortsatt stemmer, eller lag et nytt utkast.`;

/**
 * The daily check: every published process not reviewed for 12 months gets one open in-app notice
 * to its owner. Returns how many notices were created.
 */
export async function remindOverdueReviews(tx: Executor, actor: Actor, now = new Date()) {
  const published = await tx
    .select({ versionId: processVersions.id, processId: processes.id, name: processes.name, owner: processes.ownerPersonId, lastReviewedAt: processVersions.lastReviewedAt })
    .from(processVersions)
    .innerJoin(processes, eq(processes.id, processVersions.processId))
    .where(eq(processVersions.state, 'published'));
  const open = new Set(
    (await tx.select({ processId: processReviewReminders.processId }).from(processReviewReminders).where(isNull(processReviewReminders.closedAt))).map((r) => r.processId),
  );
  const due = published.filter((p) => reviewIsDue(p.lastReviewedAt, now) && !open.has(p.processId));
  if (due.length) {
    await tx.insert(processReviewReminders).values(
      due.map((p) => ({
        tenantId: actor.tenantId,
        processId: p.processId,
        versionId: p.versionId,
        ownerPersonId: p.owner,
        message: reviewDueMessage(p.name),
        createdAt: now,
      })),
    );
    await notify(
      tx,
      due
        .filter((p) => p.owner)
        .map((p) => ({ tenantId: actor.tenantId, personId: p.owner!, kind: 'process_review_due', message: reviewDueMessage(p.name), link: `/processes/${p.processId}` })),
    );
  }
  return due.length;
}

export async function listReminders(tx: Executor, personId: string | null, all: boolean) {
  const rows = await tx
    .select({ reminder: processReviewReminders, name: processes.name })
    .from(processReviewReminders)
    .innerJoin(processes, eq(processes.id, processReviewReminders.processId))
    .where(
      and(
        isNull(processReviewReminders.closedAt),
        all ? undefined : personId ? eq(processReviewReminders.ownerPersonId, personId) : sql`false`,
      ),
    )
    .orderBy(asc(processReviewReminders.createdAt));
  return {
    items: rows.map(({ reminder, name }) => ({
      id: reminder.id,
      processId: reminder.processId,
      processName: name,
      message: reminder.message,
      createdAt: iso(reminder.createdAt)!,
    })),
  };
}
