import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { desc, eq, ilike, or } from 'drizzle-orm';
import { inTenant } from '../../platform/database/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { BpmnRejected, decodeBpmnBytes } from '../../modules/processes/bpmn/parse.ts';
import { exportBpmn, importBpmnProcess } from '../../modules/processes/import.ts';
import { processes, processVersions } from '../../modules/processes/tables.ts';
import { CliFailure, withTenant } from '../local.ts';
import { say } from '../output.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `grunnmur import bpmn FIL --tenant KORTNAVN [--name NAVN]`: a new process as a draft, or nothing. */
export async function importBpmnCommand(file: string | undefined, options: { tenant?: string; name?: string }) {
  if (!file || !options.tenant) {
    say('Bruk: grunnmur import bpmn FIL --tenant KORTNAVN [--name NAVN]');
    throw new CliFailure();
  }
  if (!existsSync(file)) {
    say(`Fant ikke filen ${file}`);
    throw new CliFailure();
  }
  await withTenant(options.tenant, async (runtime, actor) => {
    try {
      const xml = decodeBpmnBytes(readFileSync(file));
      const result = await inTenant(runtime.database.db, actor, (tx) => importBpmnProcess(tx, actor, { xml, ...(options.name ? { name: options.name } : {}) }));
      say(`Importert som utkast: prosess ${result.processId}, versjon ${result.versionId}`);
    } catch (error) {
      if (error instanceof BpmnRejected || (error instanceof AppError && error.code === 'import_rejected')) {
        say(error instanceof AppError ? (error.detail ?? 'Filen ble ikke importert.') : error.message);
        if (error instanceof AppError) for (const p of error.problems) say(`  ${p.message}`);
        throw new CliFailure();
      }
      throw error;
    }
  });
}

/** `grunnmur export bpmn PROSESS --tenant KORTNAVN [--out FIL]`: the published (else newest) version. */
export async function exportBpmnCommand(processRef: string | undefined, options: { tenant?: string; out?: string }) {
  if (!processRef || !options.tenant) {
    say('Bruk: grunnmur export bpmn PROSESS --tenant KORTNAVN [--out FIL]   (PROSESS er id eller navn)');
    throw new CliFailure();
  }
  await withTenant(options.tenant, async (runtime, actor) => {
    const file = await inTenant(runtime.database.db, actor, async (tx) => {
      const matches = await tx
        .select({ id: processes.id, name: processes.name })
        .from(processes)
        .where(uuidPattern.test(processRef) ? eq(processes.id, processRef) : or(eq(processes.name, processRef), ilike(processes.name, processRef)));
      if (matches.length !== 1) {
        say(matches.length === 0 ? `Fant ingen prosess «${processRef}».` : `Flere prosesser heter «${processRef}»; bruk id: ${matches.map((m) => m.id).join(', ')}`);
        throw new CliFailure();
      }
      const versions = await tx.select().from(processVersions).where(eq(processVersions.processId, matches[0]!.id)).orderBy(desc(processVersions.version));
      const chosen = versions.find((v) => v.state === 'published') ?? versions[0];
      if (!chosen) {
        say(`«${matches[0]!.name}» har ingen diagram (det er et prosessområde).`);
        throw new CliFailure();
      }
      return exportBpmn(tx, chosen.id);
    });
    if (options.out) {
      writeFileSync(options.out, file.xml);
      say(`Skrev ${options.out}`);
    } else process.stdout.write(file.xml);
  });
}
