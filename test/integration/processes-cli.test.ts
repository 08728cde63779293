import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/grunnmur.js');
const testdata = path.resolve(root, '../shared/testdata/bpmn');

function grunnmur(dataDir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env: Record<string, string | undefined> = { ...process.env, GRUNNMUR_DATA: dataDir, LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    execFile('node', [bin, ...args], { cwd: root, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('grunnmur import bpmn / export bpmn', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'grunnmur-cli-bpmn-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('imports a MIWG model as a draft and exports it again by id', async () => {
    const imported = await grunnmur(dataDir, ['import', 'bpmn', path.join(testdata, 'miwg-reference/A.2.0.bpmn'), '--tenant', 'demo', '--name', 'CLI-import']);
    expect(imported.code, imported.stderr).toBe(0);
    const processId = /prosess ([0-9a-f-]{36})/.exec(imported.stdout + imported.stderr)![1]!;
    const out = path.join(dataDir, 'ut.bpmn');
    const exported = await grunnmur(dataDir, ['export', 'bpmn', processId, '--tenant', 'demo', '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    const original = readFileSync(path.join(testdata, 'miwg-reference/A.2.0.bpmn'), 'latin1');
    expect(readFileSync(out, 'utf8')).toBe(original.replace('encoding="ISO-8859-1"', 'encoding="UTF-8"'));
  }, 300_000);

  it('exports a demo process by name to standard output', async () => {
    const exported = await grunnmur(dataDir, ['export', 'bpmn', 'Behandle byggesøknad', '--tenant', 'demo']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/^<\?xml[^]*<bpmn:definitions[^]*name="Kontrollere dokumentasjon"/);
  }, 120_000);

  it('refuses a file that is not BPMN with a Norwegian message and exit code 1', async () => {
    const refused = await grunnmur(dataDir, ['import', 'bpmn', path.join(testdata, 'malformed/not-bpmn.bpmn'), '--tenant', 'demo']);
    expect(refused.code).toBe(1);
    expect(refused.stdout + refused.stderr).toMatch(/ikke en BPMN 2.0-modell/);
  }, 120_000);
});
