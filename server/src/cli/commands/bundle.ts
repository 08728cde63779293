import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../platform/http/app-error.ts';
import { inTenant } from '../../platform/database/tenant-scope.ts';
import { importBundle } from '../../modules/portal/bundle-import.ts';
import { CliFailure, withTenant } from '../local.ts';
import { say } from '../output.ts';

/** `grunnmur import bundle FIL.zip --tenant KORTNAVN`: the portal's bulk import, with its report. */
export async function importBundleCommand(file: string | undefined, options: { tenant?: string }) {
  if (!file) {
    say('Bruk: grunnmur import bundle FIL.zip --tenant KORTNAVN');
    throw new CliFailure();
  }
  if (!existsSync(file)) {
    say(`Fant ikke filen ${file}`);
    throw new CliFailure();
  }
  if (!options.tenant) {
    say('Oppgi kommunen med --tenant KORTNAVN (for eksempel --tenant demo).');
    throw new CliFailure();
  }
  const bytes = readFileSync(file);
  await withTenant(options.tenant, async (runtime, actor) => {
    try {
      const report = await inTenant(runtime.database.db, actor, (tx) => importBundle(tx, actor, { fileName: path.basename(file), bytes }));
      for (const line of report.lines) {
        const outcome = { imported: 'importert', new_version: `ny versjon ${line.version}`, unchanged: 'uendret', refused: 'avvist' }[line.outcome];
        say(`${outcome.padEnd(14)} ${line.path}${line.reason ? ` – ${line.reason}` : ''}`);
      }
      say(`${report.counts.imported} filer importert, ${report.counts.refused} avvist.`);
    } catch (error) {
      if (error instanceof AppError) {
        say(error.detail ?? error.message);
        throw new CliFailure();
      }
      throw error;
    }
  });
}
