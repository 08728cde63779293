/**
 * `npm run bench:startup`: how long `npm start` takes until the web app's page is served.
 * First start: a fresh data folder, so migrations run and the demo municipalities load.
 * Later start: the same folder again. Target (issue 2): first ≤ 10 s, later ≤ 3 s.
 *
 * Options: --rounds N (fresh folders, default 3), --later N (later starts per folder, default 2),
 * --no-write (print only, leave docs/benchmarks.md alone).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, repositoryRoot, startServer, temporaryDataDir } from '../test/support/e2e-server.ts';
import { describeMachine, today } from './support/machine.ts';
import { median, seconds, writeResultsSection } from './support/results.ts';

// Taken before the run: the load average is about the conditions it ran in.
const machine = describeMachine();
const startedAt = today();

const { values: options } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    later: { type: 'string', default: '2' },
    'no-write': { type: 'boolean', default: false },
  },
});
const rounds = Number(options.rounds);
const laterPerRound = Number(options.later);

if (!existsSync(path.join(repositoryRoot, 'dist/web/index.html'))) {
  console.error('dist/web/index.html is missing: run `npm run build:web` first (the page is what we time).');
  process.exit(1);
}

interface Start {
  kind: 'first' | 'later';
  /** Spawn of `node bin/start.js` until GET / answered with the HTML page. */
  totalMs: number;
  /** What the server itself logs: main.ts evaluated → listening (database, migrations, demo, jobs, routes). */
  serverMs: number | null;
}

async function timeStart(kind: Start['kind'], dataDir: string): Promise<Start> {
  const port = await freePort();
  const started = performance.now();
  // info level: the "ready" line carries the server's own startupMs.
  const server = await startServer({ dataDir, port, readyPath: '/', pollMs: 20, timeoutMs: 120_000, env: { LOG_LEVEL: 'info' } });
  const totalMs = performance.now() - started;
  await server.stop();
  const ready = server
    .output()
    .split('\n')
    .map((line) => {
      try {
        return JSON.parse(line) as { startupMs?: number };
      } catch {
        return {};
      }
    })
    .find((entry) => typeof entry.startupMs === 'number');
  const start = { kind, totalMs, serverMs: ready?.startupMs ?? null };
  console.log(`  ${kind.padEnd(5)} start: ${seconds(totalMs)} to the page (server's own start: ${start.serverMs ?? '?'} ms)`);
  return start;
}

const starts: Start[] = [];
for (let round = 1; round <= rounds; round++) {
  console.log(`Round ${round} of ${rounds}`);
  const dataDir = temporaryDataDir('grunnmur-bench-startup-');
  try {
    starts.push(await timeStart('first', dataDir));
    for (let index = 0; index < laterPerRound; index++) starts.push(await timeStart('later', dataDir));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function summarise(kind: Start['kind'], targetMs: number) {
  const own = starts.filter((start) => start.kind === kind);
  const totals = own.map((start) => start.totalMs);
  const server = own.map((start) => start.serverMs).filter((ms): ms is number => ms !== null);
  const result = {
    kind,
    count: own.length,
    median: median(totals),
    max: Math.max(...totals),
    serverMedian: server.length ? median(server) : null,
    targetMs,
  };
  return { ...result, pass: result.max <= targetMs };
}

const rows = [summarise('first', 10_000), summarise('later', 3_000)];
const table = [
  '| start | runs | median | max | target | server part (median) | met |',
  '|---|---|---|---|---|---|---|',
  ...rows.map(
    (row) =>
      `| ${row.kind === 'first' ? 'first (empty folder, demo loaded)' : 'later (same folder)'} | ${row.count} | ${seconds(row.median)} | ${seconds(row.max)} | ≤ ${seconds(row.targetMs)} | ${row.serverMedian === null ? '?' : seconds(row.serverMedian)} | ${row.pass ? 'yes' : '**no**'} |`,
  ),
].join('\n');

// Where a later start's time goes: the start's steps timed one by one (bench/support/profile-start.ts),
// run twice on one folder; the second run is a later start.
function profileLaterStart(): string {
  const dataDir = temporaryDataDir('grunnmur-bench-profile-');
  try {
    let output = '';
    for (let run = 0; run < 2; run++) {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/support/profile-start.ts', dataDir], {
        cwd: repositoryRoot,
        encoding: 'utf8',
      });
      output = result.stdout;
      if (result.status !== 0) return `(profile failed: ${result.stderr.trim().split('\n').at(-1)})`;
    }
    return output.trim();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
const profile = profileLaterStart();
console.log(`\nWhere a later start's time goes:\n${profile}`);

const body = `Measured by \`npm run bench:startup\` (\`bench/startup.ts\`) on ${startedAt}.
Machine: ${machine}.

Time from spawning \`node bin/start.js\` (embedded PGlite, fresh \`GRUNNMUR_DATA\`) until \`GET /\`
returns the web app's HTML. The first start migrates and loads the demo municipalities; a later start
opens the same folder again. "Server part" is the server's own logged \`startupMs\`: from
\`server/src/main.ts\` running to listening (the database, and the app's modules loading meanwhile) —
the rest is Node loading the server bundle (\`dist/server/main.js\`, built by \`npm install\`; decision 0007).
A first start copies the empty database that \`npm install\` prepared (initdb and migrations done) instead of
creating one.

${table}

Where a later start's time goes (\`bench/support/profile-start.ts\`: the steps \`main.ts\` takes,
each timed alone on a folder that already holds the demo, run from the sources through tsx, so its
import steps are slower than the bundle's — \`main.ts\` itself overlaps opening the
database with loading the app's modules and starts pg-boss after listening; one run, so expect
±20 % noise):

\`\`\`
${profile}
\`\`\``;

console.log(`\n${table}`);
if (!options['no-write']) writeResultsSection('Start-up', body);
