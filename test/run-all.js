#!/usr/bin/env node
// `npm test`: every check the project holds itself to, in order, on PGlite and on PostgreSQL.
// Parts that need what a fresh machine may lack (a PostgreSQL server, Chromium, slapd) are
// skipped loudly; with GRUNNMUR_REQUIRE_ALL=1 (set by .ci/run) nothing may be skipped.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';

const requireAll = process.env.GRUNNMUR_REQUIRE_ALL === '1';
const results = [];

function step(name, command, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = run.status === 0;
  results.push({ name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  return ok;
}

function skip(name, why) {
  const line = `SKIPPED ${name}: ${why}`;
  console.log(`\n${'!'.repeat(line.length)}\n${line}\n${'!'.repeat(line.length)}`);
  results.push({ name, ok: !requireAll, skipped: true, why });
}

function reachable(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host, timeout: 1000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

const npx = (...args) => ['npx', ['--no-install', ...args]];

step('type check', ...npx('tsc', '--noEmit', '-p', 'tsconfig.json'));
step('type check (web)', ...npx('tsc', '--noEmit', '-p', 'web/tsconfig.json'));
step('lint', ...npx('eslint', '.', '--max-warnings=0'));
step('unit tests', ...npx('vitest', 'run', '--project', 'unit'));
step('integration tests on PGlite', ...npx('vitest', 'run', '--project', 'integration'), { GRUNNMUR_TEST_DATABASE: 'pglite' });

if (await reachable(5432)) {
  step('integration tests on PostgreSQL', ...npx('vitest', 'run', '--project', 'integration'), { GRUNNMUR_TEST_DATABASE: 'postgres' });
} else {
  skip('integration tests on PostgreSQL', 'no PostgreSQL server on 127.0.0.1:5432 (.ci/run starts one)');
}

// Conformance runs on files others wrote (../shared/testdata, never copied into the repository).
const testdata = process.env.GRUNNMUR_TESTDATA ?? '../shared/testdata';
for (const [name, script, folder] of [
  ['BPMN conformance (MIWG reference models, malformed files)', 'conformance:bpmn', 'bpmn'],
  ['ArchiMate conformance (Archisurance round trip)', 'conformance:archimate', 'archimate'],
]) {
  if (existsSync(`${testdata}/${folder}`)) step(name, 'npm', ['run', '--silent', script, '--', `${testdata}/${folder}`]);
  else skip(name, `no test data at ${testdata}/${folder} (set GRUNNMUR_TESTDATA to the shared testdata folder)`);
}

if (existsSync('/usr/bin/chromium')) {
  // Always rebuilt: a stale dist/web would test yesterday's UI.
  step('build web app', 'npm', ['run', 'build:web']);
  step('browser tests in Chromium', ...npx('vitest', 'run', '--project', 'e2e'));
} else {
  skip('browser tests', 'Chromium is not installed at /usr/bin/chromium (.ci/run installs the Debian package)');
}

console.log('\nSummary');
for (const result of results) {
  console.log(`  ${result.skipped ? 'SKIP' : result.ok ? 'PASS' : 'FAIL'}  ${result.name}${result.skipped ? ` — ${result.why}` : ` (${result.seconds}s)`}`);
}
const failed = results.filter((result) => !result.ok).length;
const passed = results.filter((result) => result.ok && !result.skipped).length;
console.log(`\n${passed} passed, ${failed} failed${results.some((r) => r.skipped) ? `, ${results.filter((r) => r.skipped).length} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
