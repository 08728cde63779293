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
import { ProblemList, resolveColumns, validateRow, type ResolvedColumns } from './columns.ts';
import { transferFormats, type ImportKind } from './formats.ts';
import { summarise, type ImportSummary, type RowChange } from './plan.ts';
import { recordImport, type Progress } from './queries.ts';
import { readRows, type FileFormat } from './reader.ts';

export { importKinds, type ImportKind } from './formats.ts';

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

interface ParsedFile {
  kind: ImportKind;
  rows: Record<string, unknown>[];
  columns: ResolvedColumns<string>;
}

const changesShown = 200;

/** Reads and checks every row on its own; problems go to `problems`. */
export async function parseFile(file: ImportFile, problems: ProblemList, progress?: Progress): Promise<ParsedFile> {
  // The kinds differ only in their columns, schema and row check; the loop is the same.
  const spec = transferFormats[file.kind];
  let columns: ResolvedColumns<string> | undefined;
  const rows: Record<string, unknown>[] = [];
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
    if (checked[key] !== null) rows.push(checked);
    if (progress && row.line % 5000 === 0) await progress(row.line, 0);
  }
  if (!columns) {
    problems.add({ line: 1, field: spec.columns[0]!.header, message: 'Filen er tom: første linje skal ha kolonnenavnene' });
    columns = resolveColumns<string>(spec.columns, [], new ProblemList());
  }
  return { kind: file.kind, rows, columns };
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

function planFile(tx: Executor, parsed: ParsedFile, problems: ProblemList) {
  return transferFormats[parsed.kind].plan(tx, parsed.rows, parsed.columns.headerOf, problems.add.bind(problems), { checkOnly: !problems.empty });
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
    const preview = present(file.kind, planned.changes);
    if (!options.apply) return preview;
    // The plan holds what is to be written; the checked rows can go before the writing starts.
    parsed.rows.length = 0;
    const progress = options.progressInTransaction === false ? undefined : options.progress;
    await planned.write(tx, actor.tenantId, progress);
    await recordImport(tx, actor, { kind: file.kind, fileName: file.fileName, summary: preview.summary });
    await options.afterApply?.(tx);
    return preview;
  });
}
