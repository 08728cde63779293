import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../platform/http/app-error.ts';
import { applyHrRun, previewHrFile } from '../../modules/identity/hr-import.ts';
import { recomputeNow } from '../../modules/identity/downstream.ts';
import { CliFailure, withTenant } from '../local.ts';
import { printProblems, say } from '../output.ts';

/**
 * `grunnmur import hr FIL --tenant KORTNAVN [--preview]`: the full HR file → joiners, movers,
 * leavers and name changes. Shows the difference; without --preview applies it and recomputes
 * the access of everyone touched.
 */
export async function importHrCommand(file: string | undefined, options: { tenant?: string; preview?: boolean }) {
  if (!file || !options.tenant) {
    say('Bruk: grunnmur import hr FIL --tenant KORTNAVN [--preview]');
    throw new CliFailure();
  }
  if (!existsSync(file)) {
    say(`Fant ikke filen ${file}`);
    throw new CliFailure();
  }
  await withTenant(options.tenant, async (runtime, actor) => {
    try {
      const preview = await previewHrFile(runtime.database.db, actor, readFileSync(file), path.basename(file));
      const c = preview.counts;
      say(`${c.rows} rader: ${c.joiners} nyansatte, ${c.movers} flyttes, ${c.leavers} slutter, ${c.nameChanges} får nytt navn, ${c.unchanged} uendret.`);
      if (preview.warning) say(`ADVARSEL: ${preview.warning}`);
      if (options.preview) {
        say(`Bare forhåndsvisning; ingenting er endret (kjøring ${preview.runId}).`);
        return;
      }
      const result = await applyHrRun(runtime.database.db, actor, preview.runId);
      await recomputeNow(runtime.database.db, actor, result.personIds);
      say(`Tatt i bruk: ${result.personIds.length} personer berørt; tilgangene er beregnet på nytt.`);
    } catch (error) {
      if (error instanceof AppError && (error.code === 'import_rejected' || error.code === 'validation_failed')) {
        printProblems(error.detail, error.problems.map((p) => ({ line: p.line ?? 0, field: p.field ?? '', message: p.message })), Number(error.extensions.problemCount ?? error.problems.length));
        throw new CliFailure();
      }
      throw error;
    }
  });
}
