/**
 * `npm run bench:api`: latency of the API under a steady load, on PostgreSQL.
 * A fresh database on the PostgreSQL server (127.0.0.1:5432) gets the demo municipality at scale,
 * the real server (`node bin/start.js`) runs on it, and autocannon sends a fixed 200 requests/s to
 * each endpoint in turn. Target (issue 2): p99 ≤ 30 ms for a page of 50 systems and for the org tree.
 *
 * Options: --employees N (default 5000), --rate N (default 200), --duration S (default 20),
 * --workers 1,2 (server processes, GRUNNMUR_WORKERS; one run each), --no-write (print only), --cpu-prof DIR (a CPU profile of the server while it is measured). BENCH_POSTGRES_URL picks the server (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { parseArgs } from 'node:util';
import autocannon, { type Instance } from 'autocannon';
import { startServer } from '../test/support/e2e-server.ts';
import { describeMachine, today } from './support/machine.ts';
import { createBenchDatabase } from './support/postgres-fixture.ts';
import { seconds, writeResultsSection } from './support/results.ts';

// Taken before the run: the load average is about the conditions it ran in.
const machine = describeMachine();
const startedAt = today();

const { values: options } = parseArgs({
  options: {
    employees: { type: 'string', default: '5000' },
    rate: { type: 'string', default: '200' },
    duration: { type: 'string', default: '20' },
    /** Server processes to measure with (GRUNNMUR_WORKERS), comma-separated: each gets its own run. */
    workers: { type: 'string', default: '1,2' },
    'no-write': { type: 'boolean', default: false },
    /** Writes a V8 CPU profile of the server to this folder (open it in Chrome DevTools). */
    'cpu-prof': { type: 'string' },
  },
});
const employees = Number(options.employees);
const rate = Number(options.rate);
const duration = Number(options.duration);
const workerCounts = options.workers.split(',').map(Number);
const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const targetP99Ms = 30;

const endpoints = [
  { label: 'GET /api/systems?page=1&pageSize=50', path: '/api/systems?page=1&pageSize=50' },
  { label: 'GET /api/org/units (whole tree)', path: '/api/org/units' },
];

interface Measurement {
  label: string;
  workers: number;
  /** One request at a time: the server's own time per request, without queueing. */
  sequentialMedian: number;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  /** The same rate sent by autocannon's `overallRate` (a burst at the top of each second). */
  burstP50: number;
  burstP99: number;
  max: number;
  errors: number;
  non2xx: number;
  achievedRate: number;
  responseBytes: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * A steady 200 requests/s, as independent callers would send them. autocannon's own `overallRate`
 * gives each connection its share per second and lets it send that share back to back when the
 * second starts (node_modules/autocannon/lib/httpClient.js, `reqsMadeThisSecond`), so 200/s over 20
 * connections arrives as a burst of 200 at the top of every second — a concurrency test, not a
 * rate. Here `rate` autocannon instances of one connection each send one request per second, their
 * starts spread evenly over the first second, so a request arrives every 1000/rate ms.
 * The burst run is still measured and reported beside it.
 */
async function pacedLoad(url: string, headers: Record<string, string>) {
  const times: number[] = [];
  const spacingMs = 1000 / rate;
  const instances = await Promise.all(
    Array.from({ length: rate }, (_, index) =>
      new Promise<Instance>((resolve) =>
        setTimeout(() => {
          const instance = autocannon({ url, headers, connections: 1, connectionRate: 1, duration });
          instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
          resolve(instance);
        }, index * spacingMs),
      ),
    ),
  );
  const results = await Promise.all(instances);
  const burstTimes: number[] = [];
  const burstInstance = autocannon({ url, headers, connections: 20, overallRate: rate, duration });
  burstInstance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => burstTimes.push(responseTime));
  const burst = await burstInstance;
  burstTimes.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  return {
    times,
    errors: results.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    requests: results.reduce((sum, r) => sum + r.requests.total, 0),
    burst: { p50: percentile(burstTimes, 50), p99: percentile(burstTimes, 99), errors: burst.errors + burst.timeouts + burst.non2xx },
  };
}

async function measure(baseUrl: string, token: string, endpoint: (typeof endpoints)[number], workers: number): Promise<Measurement> {
  const headers = { authorization: `Bearer ${token}` };
  const probe = await fetch(baseUrl + endpoint.path, { headers });
  const body = await probe.text();
  if (!probe.ok) throw new Error(`${endpoint.label} answered ${probe.status}: ${body.slice(0, 300)}`);

  // Warm-up: JIT, connection pool, PostgreSQL's caches.
  await autocannon({ url: baseUrl + endpoint.path, headers, connections: 4, amount: 400 });

  const sequential: number[] = [];
  for (let index = 0; index < 50; index++) {
    const started = performance.now();
    await (await fetch(baseUrl + endpoint.path, { headers })).arrayBuffer();
    sequential.push(performance.now() - started);
  }
  sequential.sort((a, b) => a - b);

  const paced = await pacedLoad(baseUrl + endpoint.path, headers);
  const times = paced.times;
  const result = paced.burst;
  const measurement: Measurement = {
    label: endpoint.label,
    workers,
    sequentialMedian: percentile(sequential, 50),
    requests: paced.requests,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    burstP50: result.p50,
    burstP99: result.p99,
    max: times.at(-1) ?? NaN,
    errors: paced.errors + result.errors,
    non2xx: paced.non2xx,
    achievedRate: paced.requests / duration,
    responseBytes: Buffer.byteLength(body),
  };
  console.log(
    `  ${endpoint.label} (${workers} process${workers > 1 ? 'es' : ''}): one at a time ${measurement.sequentialMedian.toFixed(1)} ms; at ${rate}/s p50 ${measurement.p50.toFixed(1)} ms, p95 ${measurement.p95.toFixed(1)} ms, p99 ${measurement.p99.toFixed(1)} ms` +
      ` (as an autocannon overallRate burst: p50 ${measurement.burstP50.toFixed(1)} ms, p99 ${measurement.burstP99.toFixed(1)} ms), max ${measurement.max.toFixed(1)} ms, ${measurement.requests} requests,` +
      ` ${measurement.errors} errors, ${measurement.non2xx} non-2xx`,
  );
  return measurement;
}

console.log(`Creating a database on ${adminUrl.replace(/\/\/[^@]*@/, '//')} with the demo municipality at ${employees} employees…`);
const database = await createBenchDatabase({ adminUrl, employees });
console.log(`  loaded in ${seconds(database.loadMs)}: ${JSON.stringify(database.counts)}`);

const measurements: Measurement[] = [];
try {
  for (const workers of workerCounts) {
    const server = await startServer({
      env: {
        DATABASE_URL: database.url,
        GRUNNMUR_DEMO_DATA: 'off',
        GRUNNMUR_WORKERS: String(workers),
        LOG_LEVEL: 'warn',
        // The default limit (per client and minute) would turn most of the load into 429s.
        GRUNNMUR_RATE_LIMIT: '100000000',
        NODE_ENV: 'production',
      },
      nodeArgs: options['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${options['cpu-prof']}`] : [],
    });
    try {
      console.log(`Server on ${server.baseUrl} with ${workers} process(es); ${rate} requests/s for ${duration} s per endpoint`);
      for (const endpoint of endpoints) measurements.push(await measure(server.baseUrl, database.token, endpoint, workers));
    } finally {
      await server.stop();
    }
  }
} finally {
  await database.drop();
}

const table = [
  '| endpoint | server processes | one at a time (median) | requests | achieved rate | p50 | p95 | p99 | max | burst p50 / p99 | errors / non-2xx | response size | p99 ≤ 30 ms |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...measurements.map(
    (m) =>
      `| ${m.label} | ${m.workers} | ${m.sequentialMedian.toFixed(1)} ms | ${m.requests} | ${m.achievedRate.toFixed(0)}/s | ${m.p50.toFixed(1)} ms | ${m.p95.toFixed(1)} ms | ${m.p99.toFixed(1)} ms | ${m.max.toFixed(1)} ms | ${m.burstP50.toFixed(1)} / ${m.burstP99.toFixed(1)} ms | ${m.errors} / ${m.non2xx} | ${(m.responseBytes / 1024).toFixed(0)} KiB | ${m.p99 <= targetP99Ms && m.errors + m.non2xx === 0 ? 'yes' : '**no**'} |`,
  ),
].join('\n');

const body = `Measured by \`npm run bench:api\` (\`bench/api-latency.ts\`) on ${startedAt}.
Machine: ${machine}; load generator (autocannon) and server share it.

PostgreSQL ${'(127.0.0.1:5432)'}, a fresh database with the demo municipality generated at
${employees} employees (${Object.entries(database.counts).map(([table, n]) => `${n} ${table}`).join(', ')}; loaded in
${seconds(database.loadMs)}). The real server (\`node bin/start.js\`, with \`GRUNNMUR_WORKERS\` server processes, \`LOG_LEVEL=warn\`,
\`NODE_ENV=production\`, rate limit raised) with an admin API token, after 400 warm-up requests.

**Load (p50/p95/p99, the issue's figure):** ${rate} requests/s arriving evenly — ${rate} autocannon
instances of one connection each, one request per second each, their starts spread over the first
second, so a request arrives every ${(1000 / rate).toFixed(0)} ms — for ${duration} s per endpoint.
**Burst (for comparison):** autocannon's own \`overallRate: ${rate}\` over 20 connections, which
sends each connection's share back to back at the top of every second (see \`pacedLoad\` in the
script): 200 requests 20 at a time, then nothing until the next second; its percentiles measure
concurrency, not a steady rate. "One at a time" is the median of 50 sequential requests: the
server's own time per request. Server, PostgreSQL and autocannon share the machine's 2 cores.
The target is for the server as \`npm start\` runs it, one process; the rows with two processes show
how it scales when two server processes, PostgreSQL and the load generator share those 2 cores.

${table}`;

console.log(`\n${table}`);
if (!options['no-write']) writeResultsSection('API latency', body);
