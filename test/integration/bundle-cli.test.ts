import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleBpmn } from '../../server/src/modules/portal/fixtures/simple-bpmn.ts';
import { docx, zipOf } from './portal-fixtures.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/grunnmur.js');

function grunnmur(dataDir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // The CLI always uses the embedded database here, whatever the test run itself uses.
    const env: Record<string, string | undefined> = { ...process.env, GRUNNMUR_DATA: dataDir, LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    execFile('node', [bin, ...args], { cwd: root, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function xlsx(rows: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sjekkliste');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A migration bundle as a municipality would zip its old process folder. */
async function bundle(): Promise<Buffer> {
  const bpmn = simpleBpmn('Motta klage på vedtak', [
    { id: 'Lane_1', name: 'Saksbehandler', tasks: [{ id: 'Task_1', name: 'Registrere klage' }, { id: 'Task_2', name: 'Vurdere klage' }] },
  ]);
  return zipOf({
    'Klagesak/Motta klage på vedtak.bpmn': bpmn,
    'Klagesak/Motta klage på vedtak/Rutine for klagebehandling.docx': await docx(['Rutine for klagebehandling', 'Klagen registreres samme dag.']),
    'Klagesak/Motta klage på vedtak/Sjekkliste klage.xlsx': await xlsx([['Punkt', 'Ok'], ['Klagefrist overholdt', 'ja'], ['Part i saken', 'ja']]),
    'Klagesak/notater.exe': 'MZ',
    'Klagesak/Ødelagt.bpmn': '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="P"',
  });
}

describe('grunnmur import bundle', () => {
  let dataDir: string;
  let zipFile: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'grunnmur-cli-bundle-'));
    zipFile = path.join(dataDir, 'klagesak.zip');
    writeFileSync(zipFile, await bundle());
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('imports the BPMN files and documents of a zip, prints a line per file and exits with 0 although some files were refused', async () => {
    const run = await grunnmur(dataDir, ['import', 'bundle', zipFile, '--tenant', 'demo']);
    const output = run.stdout + run.stderr;
    expect(run.code, output).toBe(0);
    expect(output).toMatch(/importert\s+Klagesak\/Motta klage på vedtak\.bpmn/);
    expect(output).toMatch(/importert\s+Klagesak\/Motta klage på vedtak\/Rutine for klagebehandling\.docx/);
    expect(output).toMatch(/importert\s+Klagesak\/Motta klage på vedtak\/Sjekkliste klage\.xlsx/);
    expect(output).toMatch(/avvist\s+Klagesak\/notater\.exe – Filtypen \.exe tas ikke imot/);
    expect(output).toMatch(/avvist\s+Klagesak\/Ødelagt\.bpmn – /);
    expect(output).toContain('3 filer importert, 2 avvist.');
  }, 300_000);

  it('stores the process as a draft that can be exported again', async () => {
    const exported = await grunnmur(dataDir, ['export', 'bpmn', 'Motta klage på vedtak', '--tenant', 'demo']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('name="Vurdere klage"');
  }, 120_000);

  it('reports the same process and documents as unchanged when the zip comes again, without a second process', async () => {
    const run = await grunnmur(dataDir, ['import', 'bundle', zipFile, '--tenant', 'demo']);
    const output = run.stdout + run.stderr;
    expect(run.code, output).toBe(0);
    expect(output).toMatch(/uendret\s+Klagesak\/Motta klage på vedtak\.bpmn/);
    expect(output).toMatch(/uendret\s+Klagesak\/Motta klage på vedtak\/Rutine for klagebehandling\.docx/);
    const duplicate = await grunnmur(dataDir, ['export', 'bpmn', 'Motta klage på vedtak (2)', '--tenant', 'demo']);
    expect(duplicate.code).toBe(1);
  }, 120_000);

  it('refuses a file that is not a zip with a Norwegian message and exit code 1', async () => {
    const notZip = path.join(dataDir, 'ikke-zip.zip');
    writeFileSync(notZip, 'dette er ikke en zip');
    const run = await grunnmur(dataDir, ['import', 'bundle', notZip, '--tenant', 'demo']);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toContain('Filen er ikke en gyldig zip-fil.');
  }, 120_000);
});
