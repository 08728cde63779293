import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/grunnmur.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function grunnmur(dataDir: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    // The CLI always uses the embedded database here, whatever the test run itself uses.
    const env = { ...process.env, GRUNNMUR_DATA: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
    delete (env as Record<string, string | undefined>).DATABASE_URL;
    execFile('node', [bin, ...args], { cwd: root, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

describe('the grunnmur command line', () => {
  let dataDir: string;
  let token: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'grunnmur-cli-'));
    // The first command migrates the empty folder and loads the demo municipalities.
    const created = await grunnmur(dataDir, ['token', 'create', '--tenant', 'demo', '--role', 'admin', '--name', 'ci']);
    expect(created.code, created.stderr).toBe(0);
    token = created.stdout.trim();
  }, 180_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates an API token and prints it once', () => {
    expect(token).toMatch(/^gm_[A-Za-z0-9_-]{40,}$/);
  });

  it('prints its help', async () => {
    const run = await grunnmur(dataDir, ['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('grunnmur import systems|org FIL --tenant KORTNAVN');
    expect(run.stdout).toContain('grunnmur export services|information-objects|integrations|technology --tenant KORTNAVN');
  });

  it('refuses a file with bad rows, prints every problem with line and column and exits with 1', async () => {
    const file = path.join(dataDir, 'systemer.csv');
    writeFileSync(file, 'navn;livsløpsfase;kritikalitet\nCli-system;drift;høy\nAnnet;pilot;enorm\n');
    const run = await grunnmur(dataDir, ['import', 'systems', file, '--tenant', 'demo']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('linje 3, kolonne «livsløpsfase»: «pilot» er ikke en gyldig verdi');
    expect(run.stderr).toContain('linje 3, kolonne «kritikalitet»: «enorm» er ikke en gyldig verdi');
    expect(run.stderr).toContain('Ingenting er endret');

    const exported = await grunnmur(dataDir, ['export', 'systems', '--tenant', 'demo']);
    expect(exported.stdout).not.toContain('Cli-system');
  }, 120_000);

  it('imports a good file and exports it again', async () => {
    const file = path.join(dataDir, 'systemer.csv');
    writeFileSync(file, 'navn;livsløpsfase;kritikalitet;lisenser\nCli-system;drift;høy;"Bruker:10:100; Admin:1:0"\n');
    const run = await grunnmur(dataDir, ['import', 'systems', file, '--tenant', 'demo']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('1 nye, 0 endret, 0 uendret');

    const out = path.join(dataDir, 'eksport.xlsx');
    const exported = await grunnmur(dataDir, ['export', 'systems', '--tenant', 'demo', '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    const again = await grunnmur(dataDir, ['import', 'systems', out, '--tenant', 'demo', '--preview']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/0 nye, 0 endret, \d+ uendret/);
  }, 120_000);

  it('exports services, information objects, integrations and technology of the demo, and importing each export changes nothing', async () => {
    for (const kind of ['services', 'information-objects', 'integrations', 'technology']) {
      const out = path.join(dataDir, `${kind}.${kind === 'integrations' ? 'xlsx' : 'csv'}`);
      const exported = await grunnmur(dataDir, ['export', kind, '--tenant', 'demo', '--out', out]);
      expect(exported.code, exported.stderr).toBe(0);
      const again = await grunnmur(dataDir, ['import', kind, out, '--tenant', 'demo', '--preview']);
      expect(again.code, `${kind}: ${again.stderr}`).toBe(0);
      expect(again.stderr).toMatch(/: [1-9]\d* rader — 0 nye, 0 endret, [1-9]\d* uendret/);
    }

    const file = path.join(dataDir, 'integrasjoner.csv');
    writeFileSync(file, 'navn;fra system;til system;type\nCli-flyt;Elements Sak og arkiv;Finnes ikke;telefaks\n');
    const refused = await grunnmur(dataDir, ['import', 'integrations', file, '--tenant', 'demo']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('linje 2, kolonne «til system»: Fant ikke systemet «Finnes ikke»');
    expect(refused.stderr).toContain('linje 2, kolonne «type»: «telefaks» er ikke en gyldig verdi');
  }, 180_000);

  it('says plainly that a running server holds the data folder, and works through its API with --url and --token', async () => {
    const port = await freePort();
    const env = { ...process.env, GRUNNMUR_DATA: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
    delete (env as Record<string, string | undefined>).DATABASE_URL;
    const server: ChildProcess = spawn('node', [path.join(root, 'bin/start.js')], { cwd: root, env, stdio: 'ignore' });
    try {
      const url = `http://127.0.0.1:${port}`;
      for (let attempt = 0; ; attempt += 1) {
        if ((await fetch(`${url}/health`).catch(() => undefined))?.ok) break;
        if (attempt > 240) throw new Error('server did not start');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const locked = await grunnmur(dataDir, ['export', 'systems', '--tenant', 'demo']);
      expect(locked.code).toBe(1);
      expect(locked.stderr).toContain('En kjørende Grunnmur-server holder datamappen');
      expect(locked.stderr).toContain('A running Grunnmur server holds the data folder');
      expect(locked.stderr).toContain('--url http://host:port --token');

      const file = path.join(dataDir, 'fjern.csv');
      writeFileSync(file, 'navn;kritikalitet\nFjernsystem;kritisk\n');
      const remote = await grunnmur(dataDir, ['import', 'systems', file, '--url', url, '--token', token]);
      expect(remote.code, remote.stderr).toBe(0);
      expect(remote.stderr).toContain('Importert: 1 rader — 1 nye');

      const bad = path.join(dataDir, 'feil.csv');
      writeFileSync(bad, 'navn;kritikalitet\nFeilsystem;enorm\n');
      const refused = await grunnmur(dataDir, ['import', 'systems', bad, '--url', url, '--token', token]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('linje 2, kolonne «kritikalitet»');

      const exported = await grunnmur(dataDir, ['export', 'systems', '--url', url, '--token', token]);
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.stdout).toContain('Fjernsystem;;drift;kritisk;');

      const technology = path.join(dataDir, 'teknologi.csv');
      writeFileSync(technology, 'navn;type;systemer\nFjernserver;server;Fjernsystem\n');
      const imported = await grunnmur(dataDir, ['import', 'technology', technology, '--url', url, '--token', token]);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stderr).toContain('Importert: 1 rader — 1 nye');
      const listed = await grunnmur(dataDir, ['export', 'technology', '--url', url, '--token', token]);
      expect(listed.stdout).toMatch(/\r\nFjernserver;;server;;;Fjernsystem;[0-9a-f-]{36}\r\n/);
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  }, 180_000);
});
