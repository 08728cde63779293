import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real server as a user starts it (`node bin/start.js`), on a free loopback port. Used by the
 * browser tests and by the start-up and API benchmarks, so that both measure the same thing.
 */
export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcess {
  baseUrl: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Everything the server printed so far (stdout and stderr), for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartServerOptions {
  /** Data folder for PGlite; a fresh temporary one when absent. */
  dataDir?: string;
  port?: number;
  /** Extra environment (DATABASE_URL, LOG_LEVEL, GRUNNMUR_RATE_LIMIT…). */
  env?: Record<string, string>;
  /** The path whose 200 answer means "ready": `/health` by default, `/` for "a page is served". */
  readyPath?: string;
  timeoutMs?: number;
  /** How often to ask while waiting. */
  pollMs?: number;
  /** Options for Node itself, e.g. `--cpu-prof` to see where a benchmark's time goes. */
  nodeArgs?: string[];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function temporaryDataDir(prefix = 'grunnmur-e2e-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startServer(options: StartServerOptions = {}): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? temporaryDataDir();
  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const readyPath = options.readyPath ?? '/health';
  const timeoutMs = options.timeoutMs ?? 60_000;
  const pollMs = options.pollMs ?? 100;

  let output = '';
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), path.join(repositoryRoot, 'bin/start.js')], {
    cwd: repositoryRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      GRUNNMUR_DATA: dataDir,
      GRUNNMUR_PUBLIC_URL: baseUrl,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const server: ServerProcess = {
    baseUrl,
    port,
    dataDir,
    child,
    output: () => output,
    async stop(graceMs = 15_000) {
      if (hasExited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (hasExited) throw new Error(`The server exited before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      await server.stop(2_000);
      throw new Error(`The server did not answer ${readyPath} within ${timeoutMs} ms:\n${output}`);
    }
    try {
      const response = await fetch(baseUrl + readyPath, { signal: AbortSignal.timeout(2_000) });
      const body = await response.text();
      if (response.ok && (readyPath !== '/' || body.includes('<html'))) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** A fresh server with the demo municipalities, for one browser test file; removes its data after. */
export async function startDemoServer(): Promise<ServerProcess & { dispose(): Promise<void> }> {
  // The demo loads every module's demo data: seconds on a quiet machine, minutes on a shared one.
  const server = await startServer({ timeoutMs: 240_000 });
  return Object.assign(server, {
    async dispose() {
      await server.stop();
      rmSync(server.dataDir, { recursive: true, force: true });
    },
  });
}
