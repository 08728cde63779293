/**
 * The one import pipeline, for every kind and file format:
 * parse (streamed) → validate every row → plan against what is stored → preview, or apply the
 * plan in one transaction (the audit trigger records every row with the actor) → audit.
 * A file with any problem changes nothing.
 */
import type { Readable } from 'node:stream';
import type { Executor } from '../../platform/database/connection.ts';
import { inTenant, type Actor } from '../../platform/database/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { z } from 'zod';
import { ProblemList, resolveColumns, validateRow, type ColumnSpec, type ResolvedColumns, type RowCheck } from './columns.ts';
import { checkOrgRow, orgColumns, orgRowSchema, type OrgColumn, type OrgRow } from './org-format.ts';
import { planOrg, type OrgPlan } from './org-plan.ts';
import { summarise, type ImportSummary, type RowChange } from './plan.ts';
import { loadOrgState, loadSystemsState, recordImport, writeOrgPlan, writeSystemsPlan, type Progress } from './queries.ts';
import { readRows, type FileFormat } from './reader.ts';
import { systemColumns, systemRowSchema, type SystemColumn, type SystemRow } from './systems-format.ts';
import { planSystems, type SystemsPlan } from './systems-plan.ts';

export const importKinds = ['systems', 'org'] as const;
export type ImportKind = (typeof importKinds)[number];

export interface ImportPreview {
  kind: ImportKind;
  rows: number;
  summary: ImportSummary;
  /** The first rows' outcome; the summary counts all of them. */
  changes: RowChange[];
  /** What an import never does, said to the user before they apply. */
  notice: string;
}

export interface ImportFile {
  kind: ImportKind;
  fileName: string;
  format: FileFormat;
  open(): Readable;
}

type ParsedFile =
  | { kind: 'systems'; rows: SystemRow[]; columns: ResolvedColumns<SystemColumn> }
  | { kind: 'org'; rows: OrgRow[]; columns: ResolvedColumns<OrgColumn> };

const changesShown = 200;

/** Reads and checks every row on its own; problems go to `problems`. */
export async function parseFile(file: ImportFile, problems: ProblemList, progress?: Progress): Promise<ParsedFile> {
  // The two kinds differ only in their columns, schema and row check; the loop is the same.
  const spec = (
    file.kind === 'systems'
      ? { columns: systemColumns, schema: systemRowSchema, check: undefined }
      : { columns: orgColumns, schema: orgRowSchema, check: checkOrgRow }
  ) as { columns: ColumnSpec[]; schema: z.ZodObject<z.ZodRawShape>; check?: RowCheck<string, Record<string, unknown>> };
  let columns: ResolvedColumns<string> | undefined;
  const rows: (SystemRow | OrgRow)[] = [];
  for await (const row of readable(file)) {
    if (!columns) {
      columns = resolveColumns<string>(spec.columns, row.cells, problems);
      // Without a required column every row would repeat the same complaint.
      if (spec.columns.some((column) => column.required && !columns!.present.has(column.key))) break;
      continue;
    }
    for (const stray of columns.strayCells(row.cells)) {
      problems.add({
        line: row.line,
        field: `kolonne ${stray.column}`,
        message: `Raden har flere celler enn det er kolonner («${stray.text.trim()}»). Står det et skilletegn (; eller ,) i en celle uten anførselstegn rundt?`,
      });
    }
    const record = columns.toRecord(row.cells);
    const { row: checked } = validateRow(spec.schema, record, row.line, columns, problems, spec.check);
    // Rows with a bad cell still take part in the plan, so that references to them are not reported.
    const key = spec.columns.find((column) => column.required)!.key;
    if (checked[key as keyof typeof checked] !== null) rows.push(checked as unknown as SystemRow | OrgRow);
    if (progress && row.line % 5000 === 0) await progress(row.line, 0);
  }
  if (!columns) {
    problems.add({ line: 1, field: spec.columns[0]!.header, message: 'Filen er tom: første linje skal ha kolonnenavnene' });
    columns = resolveColumns<string>(spec.columns, [], new ProblemList());
  }
  return { kind: file.kind, rows, columns } as ParsedFile;
}

/** A file that is not the format it claims (a PDF named .xlsx) is the user's problem, said plainly. */
async function* readable(file: ImportFile) {
  try {
    yield* readRows(file.open(), file.format);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'validation_failed',
      `Filen «${file.fileName}» kunne ikke leses som ${file.format === 'xlsx' ? 'en Excel-arbeidsbok (XLSX)' : 'CSV'}. Lagre den som CSV (UTF-8) eller XLSX og prøv igjen.`,
    );
  }
}

type Plan = { kind: 'systems'; plan: SystemsPlan } | { kind: 'org'; plan: OrgPlan };

async function planFile(tx: Executor, parsed: ParsedFile, problems: ProblemList): Promise<Plan> {
  const report = problems.add.bind(problems);
  const checkOnly = !problems.empty;
  if (parsed.kind === 'systems') {
    return { kind: 'systems', plan: planSystems(parsed.rows, await loadSystemsState(tx), parsed.columns.headerOf, report, { checkOnly }) };
  }
  return { kind: 'org', plan: planOrg(parsed.rows, await loadOrgState(tx), parsed.columns.headerOf, report, { checkOnly }) };
}

function reject(problems: ProblemList): never {
  const shown = problems.items.length < problems.total ? ` De første ${problems.items.length} vises.` : '';
  throw new AppError(
    'import_rejected',
    `Filen har ${problems.total} feil, og ingenting er endret. Rett feilene og prøv igjen.${shown}`,
    problems.items,
    { problemCount: problems.total },
  );
}

function present(kind: ImportKind, changes: RowChange[]): ImportPreview {
  return {
    kind,
    rows: changes.length,
    summary: summarise(changes),
    changes: changes.slice(0, changesShown),
    notice: 'Det som ikke står i filen, blir stående: en import sletter aldri noe.',
  };
}

export interface RunOptions {
  apply: boolean;
  /** Parsing progress and then writing progress; not called inside the transaction on PGlite. */
  progress?: Progress;
  /** False on PGlite, where anything outside the open transaction waits for it. */
  progressInTransaction?: boolean;
  /** More work for the same transaction once the plan is written (removing the uploaded file). */
  afterApply?: (tx: Executor) => Promise<void>;
}

/**
 * Runs the pipeline for one file as `actor`. Throws `import_rejected` with every problem when
 * any row is bad; with `apply` writes everything in one transaction, else only reports.
 */
export async function runImport(db: Executor, actor: Actor, file: ImportFile, options: RunOptions): Promise<ImportPreview> {
  const problems = new ProblemList();
  const parsed = await parseFile(file, problems, options.progress);
  // Problems in the header make the rows meaningless; otherwise the plan adds what it finds.
  if (problems.items.some((problem) => problem.line === 1)) reject(problems);
  return inTenant(db, actor, async (tx) => {
    const planned = await planFile(tx, parsed, problems);
    if (!problems.empty) reject(problems);
    const preview = present(file.kind, planned.plan.changes);
    if (!options.apply) return preview;
    // The plan holds what is to be written; the checked rows can go before the writing starts.
    parsed.rows.length = 0;
    const progress = options.progressInTransaction === false ? undefined : options.progress;
    if (planned.kind === 'systems') await writeSystemsPlan(tx, actor.tenantId, planned.plan, progress);
    else await writeOrgPlan(tx, actor.tenantId, planned.plan, progress);
    await recordImport(tx, actor, { kind: file.kind, fileName: file.fileName, summary: preview.summary });
    await options.afterApply?.(tx);
    return preview;
  });
}
