import { createWriteStream } from 'node:fs';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { writeExport } from '../../modules/transfer/export.ts';
import { importKinds, type ImportKind } from '../../modules/transfer/pipeline.ts';
import { CliFailure, withTenant } from '../local.ts';
import { say } from '../output.ts';
import { remoteExport, type Server } from '../remote.ts';

export async function exportCommand(kind: string | undefined, options: { tenant?: string; format?: string; out?: string; server?: Server }) {
  const format = options.format ?? (options.out?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');
  if (!kind || !(importKinds as readonly string[]).includes(kind) || (format !== 'csv' && format !== 'xlsx')) {
    say(`Bruk: grunnmur export ${importKinds.join('|')} --tenant KORTNAVN [--format csv|xlsx] [--out FIL]`);
    throw new CliFailure();
  }
  if (format === 'xlsx' && !options.out && process.stdout.isTTY) {
    say('En XLSX-fil skrives ikke til terminalen: oppgi --out FIL.xlsx');
    throw new CliFailure();
  }
  // stdout is never ended by us: Node keeps it open for the life of the process.
  const target: Writable = options.out ? createWriteStream(options.out) : process.stdout;
  const deliver = (source: Readable) => (options.out ? pipeline(source, target) : pipeline(source, target, { end: false }));

  if (options.server) {
    await deliver(await remoteExport(options.server, kind, format));
  } else {
    if (!options.tenant) {
      say('Oppgi kommunen med --tenant KORTNAVN (for eksempel --tenant demo).');
      throw new CliFailure();
    }
    await withTenant(options.tenant, async (runtime, actor) => {
      const body = new PassThrough();
      await Promise.all([deliver(body), writeExport(runtime.database.db, actor, kind as ImportKind, format, body)]);
    });
  }
  if (options.out) say(`Skrev ${options.out}`);
}
