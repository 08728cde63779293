import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../platform/http/app-error.ts';
import type { FileProblem } from '../../modules/transfer/columns.ts';
import { importKinds, runImport, type ImportKind } from '../../modules/transfer/pipeline.ts';
import { detectFormat } from '../../modules/transfer/reader.ts';
import { CliFailure, withTenant } from '../local.ts';
import { printProblems, printSummary, progressPrinter, say } from '../output.ts';
import { remoteImport, type Server } from '../remote.ts';

export async function importCommand(kind: string | undefined, file: string | undefined, options: { tenant?: string; preview?: boolean; server?: Server }) {
  if (!kind || !(importKinds as readonly string[]).includes(kind) || !file) {
    say(`Bruk: grunnmur import ${importKinds.join('|')} FIL --tenant KORTNAVN [--preview]`);
    throw new CliFailure();
  }
  if (!existsSync(file)) {
    say(`Fant ikke filen ${file}`);
    throw new CliFailure();
  }
  if (options.server) return remoteImport(options.server, kind, file, Boolean(options.preview));
  if (!options.tenant) {
    say('Oppgi kommunen med --tenant KORTNAVN (for eksempel --tenant demo).');
    throw new CliFailure();
  }
  await withTenant(options.tenant, async (runtime, actor) => {
    const progress = progressPrinter('Lest');
    try {
      const preview = await runImport(
        runtime.database.db,
        actor,
        { kind: kind as ImportKind, fileName: path.basename(file), format: detectFormat(file), open: () => createReadStream(file) },
        { apply: !options.preview, progress, progressInTransaction: runtime.database.kind !== 'pglite' },
      );
      printSummary(preview, !options.preview);
    } catch (error) {
      if (error instanceof AppError && error.code === 'import_rejected') {
        printProblems(error.detail, error.problems as FileProblem[], Number(error.extensions.problemCount ?? error.problems.length));
        throw new CliFailure();
      }
      throw error;
    }
  });
}
