import { and, eq, inArray, isNull, max } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import type { Actor } from '../../platform/database/tenant-scope.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { BpmnRejected, parseBpmn, type BpmnModel } from './bpmn/parse.ts';
import { processes, processVersions, type ProcessLevel } from './tables.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The user id to record as author, when the actor is a user (not a token or the system). */
export function actorUserId(actor: Actor): string | null {
  return uuidPattern.test(actor.actorId) ? actor.actorId : null;
}

/** Parses and checks BPMN XML, turning a refusal into a problem+json the user can act on. */
export async function checkBpmn(xml: string): Promise<{ xml: string; model: BpmnModel }> {
  try {
    const { xml: normalized, model } = await parseBpmn(xml);
    return { xml: normalized, model };
  } catch (error) {
    if (error instanceof BpmnRejected) {
      throw new AppError(
        'import_rejected',
        error.message,
        error.details.map((message) => ({ message })),
      );
    }
    throw error;
  }
}

/** The name a process imported from this BPMN gets: its process's, the file's or the pool's. */
export function processNameOf(xml: string, model: BpmnModel): string {
  const definitionsName = /<(?:\w+:)?definitions\b[^>]*\bname\s*=\s*"([^"]*)"/.exec(xml.slice(0, 5000))?.[1] ?? null;
  return (
    model.processes.find((p) => p.name)?.name?.trim() ||
    definitionsName?.trim() ||
    model.elements.find((e) => e.type === 'bpmn:Participant' && e.name)?.name?.trim() ||
    'Importert prosess'
  ).slice(0, 200);
}

export interface ImportBpmnInput {
  xml: string;
  /** Name of the new process; defaults to the name in the BPMN file. */
  name?: string;
  /** Where in the hierarchy the new process goes (an area or a process). */
  parentId?: string | null;
  /** Import as a new draft version of this existing process instead of a new process. */
  processId?: string;
  changeNote?: string;
}

/**
 * Imports one BPMN 2.0 document as a draft: a new process (under parentId) with version 1, or a new
 * draft version of an existing process. Runs inside the caller's tenant transaction; a refused file
 * throws before anything is written, so nothing is stored.
 */
export async function importBpmnProcess(tx: Executor, actor: Actor, input: ImportBpmnInput): Promise<{ processId: string; versionId: string }> {
  const { xml, model } = await checkBpmn(input.xml);
  const createdBy = actorUserId(actor);

  let processId = input.processId;
  if (processId) {
    const [existing] = await tx.select({ id: processes.id }).from(processes).where(eq(processes.id, processId));
    if (!existing) throw notFound('prosessen');
    // A process has at most one version being worked on.
    const [open] = await tx
      .select({ version: processVersions.version })
      .from(processVersions)
      .where(and(eq(processVersions.processId, processId), inArray(processVersions.state, ['draft', 'in_review', 'approved'])));
    if (open) {
      throw new AppError('conflict', `Prosessen har allerede en versjon under arbeid (versjon ${open.version}). Fullfør eller forkast den før du importerer en ny.`);
    }
  } else {
    let level: ProcessLevel = 'process';
    if (input.parentId) {
      const [parent] = await tx.select({ level: processes.level }).from(processes).where(eq(processes.id, input.parentId));
      if (!parent) throw notFound('overordnet prosess eller prosessområde');
      level = parent.level === 'area' ? 'process' : 'subprocess';
    }
    const baseName = (input.name?.trim() || processNameOf(xml, model)).slice(0, 200);
    const siblings = await tx
      .select({ name: processes.name })
      .from(processes)
      .where(input.parentId ? eq(processes.parentId, input.parentId) : isNull(processes.parentId));
    const taken = new Set(siblings.map((s) => s.name));
    let name = baseName;
    for (let n = 2; taken.has(name); n++) name = `${baseName} (${n})`;
    const [created] = await tx
      .insert(processes)
      .values({ tenantId: actor.tenantId, parentId: input.parentId ?? null, level, name })
      .returning({ id: processes.id });
    processId = created!.id;
  }

  const [latest] = await tx
    .select({ version: max(processVersions.version) })
    .from(processVersions)
    .where(and(eq(processVersions.processId, processId)));
  const [version] = await tx
    .insert(processVersions)
    .values({
      tenantId: actor.tenantId,
      processId,
      version: (latest?.version ?? 0) + 1,
      state: 'draft',
      bpmnXml: xml,
      changeNote: input.changeNote ?? 'Importert fra BPMN-fil',
      createdBy,
    })
    .returning({ id: processVersions.id });
  return { processId, versionId: version!.id };
}

/** The stored XML of a version, as it was imported or saved: standard BPMN 2.0 with its DI. */
export async function exportBpmn(tx: Executor, versionId: string): Promise<{ xml: string; fileName: string }> {
  const [row] = await tx
    .select({ xml: processVersions.bpmnXml, name: processes.name, version: processVersions.version })
    .from(processVersions)
    .innerJoin(processes, eq(processes.id, processVersions.processId))
    .where(eq(processVersions.id, versionId));
  if (!row) throw notFound('prosessversjonen');
  const slug = row.name.toLowerCase().normalize('NFKD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '') || 'prosess';
  return { xml: row.xml, fileName: `${slug}-v${row.version}.bpmn` };
}
