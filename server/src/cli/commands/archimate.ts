import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { inTenant } from '../../platform/database/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { exportArchimate, importArchimate } from '../../modules/map/archimate/store.ts';
import { tenants } from '../../modules/tenants/tables.ts';
import { CliFailure, withTenant } from '../local.ts';
import { say } from '../output.ts';

/** `grunnmur import archimate FIL --tenant KORTNAVN`: all or nothing, problems listed. */
export async function importArchimateCommand(file: string | undefined, options: { tenant?: string }) {
  if (!file || !options.tenant) {
    say('Bruk: grunnmur import archimate FIL --tenant KORTNAVN');
    throw new CliFailure();
  }
  if (!existsSync(file)) {
    say(`Fant ikke filen ${file}`);
    throw new CliFailure();
  }
  const xml = readFileSync(file, 'utf8');
  await withTenant(options.tenant, async (runtime, actor) => {
    try {
      const result = await inTenant(runtime.database.db, actor, (tx) => importArchimate(tx, actor, xml));
      say(`Importert: ${result.elements} elementer, ${result.relationships} relasjoner, ${result.views} visninger (${result.created} nye, ${result.updated} oppdatert).`);
      say(`Som våre typer: ${Object.entries(result.mapped).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    } catch (error) {
      if (error instanceof AppError && error.code === 'import_rejected') {
        say(error.detail ?? 'Filen ble ikke importert.');
        for (const p of error.problems) say(`  ${p.message}`);
        throw new CliFailure();
      }
      throw error;
    }
  });
}

/** `grunnmur export archimate --tenant KORTNAVN [--out FIL]`: the whole model, to the screen or a file. */
export async function exportArchimateCommand(options: { tenant?: string; out?: string }) {
  if (!options.tenant) {
    say('Bruk: grunnmur export archimate --tenant KORTNAVN [--out FIL]');
    throw new CliFailure();
  }
  await withTenant(options.tenant, async (runtime, actor) => {
    const [tenant] = await runtime.database.db.select().from(tenants).where(eq(tenants.id, actor.tenantId));
    const { xml, model } = await inTenant(runtime.database.db, actor, (tx) => exportArchimate(tx, tenant!.name, actor.tenantId));
    if (options.out) {
      writeFileSync(options.out, xml);
      say(`Skrev ${model.elements.length} elementer, ${model.relationships.length} relasjoner og ${model.views.length} visninger til ${options.out}`);
    } else process.stdout.write(xml);
  });
}
