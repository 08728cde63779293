import type { Readable } from 'node:stream';
import JSZip from 'jszip';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import type { Actor } from '../../platform/database/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { storeDocument } from '../documents/store.ts';
import { linkDocument } from '../documents/queries.ts';
import { checkBpmn, importBpmnProcess, processNameOf } from '../processes/import.ts';
import { processes, processVersions } from '../processes/tables.ts';
import { BpmnRejected, decodeBpmnBytes } from '../processes/bpmn/parse.ts';
import { bundleLimits, isNoise, planEntry, processesForDocument } from './rules/bundle-plan.ts';
import { bundleImports } from './tables.ts';

export interface ReportLine {
  path: string;
  kind: 'bpmn' | 'document' | 'other';
  outcome: 'imported' | 'new_version' | 'unchanged' | 'refused';
  reason?: string;
  processId?: string;
  documentId?: string;
  version?: number;
  linkedTo?: string[];
}

export interface BundleReport {
  id: string;
  fileName: string;
  counts: { imported: number; refused: number };
  lines: ReportLine[];
}

/** Reads one entry, counting bytes as they come, and stops as soon as a limit is passed. */
function readEntry(entry: JSZip.JSZipObject, budget: { left: number }): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const stream = entry.nodeStream('nodebuffer') as Readable;
    stream
      .on('data', (chunk: Buffer) => {
        size += chunk.byteLength;
        budget.left -= chunk.byteLength;
        if (size > bundleLimits.maxEntryBytes) {
          stream.destroy();
          reject(new EntryTooLarge(`Filen er større enn ${bundleLimits.maxEntryBytes / 1024 / 1024} MB.`));
        } else if (budget.left < 0) {
          stream.destroy();
          reject(new AppError('import_rejected', `Zip-filen pakker ut til mer enn ${bundleLimits.maxTotalUncompressedBytes / 1024 / 1024} MB. Del den opp.`));
        } else chunks.push(chunk);
      })
      .on('error', (error: Error) => reject(error))
      .on('end', () => resolve(Buffer.concat(chunks)));
  });
}

class EntryTooLarge extends Error {}

function problemMessage(error: unknown): string {
  if (error instanceof AppError) {
    const details = error.problems.map((p) => p.message).slice(0, 3);
    return [error.detail ?? error.message, ...details].join(' ');
  }
  if (error instanceof BpmnRejected) return [error.message, ...error.details.slice(0, 3)].join(' ');
  if (error instanceof EntryTooLarge) return error.message;
  return 'Filen kunne ikke leses.';
}

/**
 * Production line 1, migration: a zip of BPMN files and documents becomes processes (as drafts)
 * and versioned documents linked to them by the folder convention (rules/bundle-plan.ts). Each
 * file stands alone: a refused file is reported and leaves nothing behind (a savepoint per file);
 * an archive that breaks the size or entry limits is refused whole and nothing is stored.
 */
export async function importBundle(tx: Executor, actor: Actor, input: { fileName: string; bytes: Uint8Array; parentId?: string | null }): Promise<BundleReport> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(input.bytes);
  } catch {
    throw new AppError('import_rejected', 'Filen er ikke en gyldig zip-fil.');
  }
  const entries = Object.values(zip.files).filter((entry) => !entry.dir && !isNoise(entry.name));
  if (entries.length > bundleLimits.maxEntries) {
    throw new AppError('import_rejected', `Zip-filen har ${entries.length} filer; grensen er ${bundleLimits.maxEntries}. Del den opp.`);
  }
  if (entries.length === 0) throw new AppError('import_rejected', 'Zip-filen inneholder ingen filer.');

  const budget = { left: bundleLimits.maxTotalUncompressedBytes };
  const lines: ReportLine[] = [];
  const files: { path: string; kind: 'bpmn' | 'document'; bytes: Uint8Array }[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name, 'nb'))) {
    // JSZip quietly strips "../" from names; judge the name as the archive wrote it.
    const plan = planEntry((entry as JSZip.JSZipObject & { unsafeOriginalName?: string }).unsafeOriginalName ?? entry.name);
    if ('refused' in plan) {
      lines.push({ path: plan.path, kind: 'other', outcome: 'refused', reason: plan.refused });
      continue;
    }
    try {
      files.push({ ...plan, bytes: await readEntry(entry, budget) });
    } catch (error) {
      if (error instanceof AppError) throw error;
      lines.push({ path: plan.path, kind: plan.kind, outcome: 'refused', reason: problemMessage(error) });
    }
  }

  const processByBpmn = new Map<string, string>();
  for (const file of files.filter((f) => f.kind === 'bpmn')) {
    try {
      const line = await tx.transaction((savepoint) => importBpmnFile(savepoint as unknown as Executor, actor, file, input.parentId ?? null));
      processByBpmn.set(file.path, line.processId!);
      lines.push(line);
    } catch (error) {
      lines.push({ path: file.path, kind: 'bpmn', outcome: 'refused', reason: problemMessage(error) });
    }
  }

  const bpmnPaths = [...processByBpmn.keys()];
  for (const file of files.filter((f) => f.kind === 'document')) {
    try {
      const line = await tx.transaction(async (savepoint) => {
        const sp = savepoint as unknown as Executor;
        const stored = await storeDocument(sp, actor, { path: file.path, bytes: file.bytes });
        const linkedTo = processesForDocument(file.path, bpmnPaths).map((bpmn) => processByBpmn.get(bpmn)!);
        for (const processId of linkedTo) await linkDocument(sp, actor.tenantId, processId, stored.documentId);
        return { path: file.path, kind: 'document' as const, outcome: stored.outcome, documentId: stored.documentId, version: stored.version, linkedTo };
      });
      lines.push(line);
    } catch (error) {
      lines.push({ path: file.path, kind: 'document', outcome: 'refused', reason: problemMessage(error) });
    }
  }

  lines.sort((a, b) => a.path.localeCompare(b.path, 'nb'));
  const [saved] = await tx
    .insert(bundleImports)
    .values({ tenantId: actor.tenantId, fileName: input.fileName, importedBy: actor.actorName, report: lines })
    .returning({ id: bundleImports.id });
  return summarize(saved!.id, input.fileName, lines);
}

/**
 * One BPMN file of the zip. A process of the same name at the same place is the same process, so
 * that a migration can be run again: the same diagram changes nothing, a changed one becomes the
 * process's next draft version.
 */
async function importBpmnFile(tx: Executor, actor: Actor, file: { path: string; bytes: Uint8Array }, parentId: string | null): Promise<ReportLine> {
  const { xml, model } = await checkBpmn(decodeBpmnBytes(file.bytes));
  const [existing] = await tx
    .select({ id: processes.id })
    .from(processes)
    .where(and(eq(processes.name, processNameOf(xml, model)), parentId ? eq(processes.parentId, parentId) : isNull(processes.parentId)));
  if (!existing) {
    const created = await importBpmnProcess(tx, actor, { xml, parentId });
    return { path: file.path, kind: 'bpmn', outcome: 'imported', processId: created.processId, version: 1 };
  }
  const [latest] = await tx
    .select({ xml: processVersions.bpmnXml, version: processVersions.version })
    .from(processVersions)
    .where(eq(processVersions.processId, existing.id))
    .orderBy(desc(processVersions.version))
    .limit(1);
  if (latest?.xml === xml) return { path: file.path, kind: 'bpmn', outcome: 'unchanged', processId: existing.id, version: latest.version };
  await importBpmnProcess(tx, actor, { xml, processId: existing.id, changeNote: `Importert fra ${file.path}` });
  return { path: file.path, kind: 'bpmn', outcome: 'new_version', processId: existing.id, version: (latest?.version ?? 0) + 1 };
}

function summarize(id: string, fileName: string, lines: ReportLine[]): BundleReport {
  const refused = lines.filter((line) => line.outcome === 'refused').length;
  return { id, fileName, counts: { imported: lines.length - refused, refused }, lines };
}

export async function getBundleReport(tx: Executor, id: string): Promise<BundleReport & { importedBy: string; createdAt: string }> {
  const [row] = await tx.select().from(bundleImports).where(eq(bundleImports.id, id));
  if (!row) throw new AppError('not_found', 'Fant ikke importen.');
  return { ...summarize(row.id, row.fileName, row.report as ReportLine[]), importedBy: row.importedBy, createdAt: row.createdAt.toISOString() };
}
