// Bundles the TypeScript server into dist/server with esbuild (decision 0007). `npm start` runs the
// bundle: loading one file is about a second faster than resolving and transforming some 250
// sources and their packages through tsx at every start. `bin/start.js` rebuilds it when a source
// is newer, so a changed checkout never runs stale code. Run directly (the `prepare` script), it
// also makes the PGlite database template a first start copies.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'server');
const entryPoints = {
  main: path.join(root, 'server/src/main.ts'),
  'database-template': path.join(root, 'server/src/platform/database/prepare-cluster-template.ts'),
};

// Kept out of the bundle: packages that read their own files at run time (PGlite's WebAssembly,
// Swagger UI's static files, pino's worker transports) or load optional native parts; and unpdf
// (PDF.js, 2 MB), imported only when a PDF is uploaded, so start-up does not parse it.
const external = [
  '@electric-sql/pglite',
  '@fastify/swagger',
  '@fastify/swagger-ui',
  'pino',
  'thread-stream',
  'exceljs',
  'pg-native',
  'unpdf',
];

/** The newest modification time under a folder, in ms. */
function newestIn(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Whether dist/server/main.js was built after every server source and the installed packages. */
export function serverBuildIsFresh() {
  const built = mtime(path.join(outdir, 'main.js'));
  if (!built) return false;
  const inputs = [
    newestIn(path.join(root, 'server/src')),
    mtime(path.join(root, 'package.json')),
    mtime(path.join(root, 'node_modules/.package-lock.json')),
  ];
  return inputs.every((time) => time <= built);
}

export async function buildServer() {
  const esbuild = await import('esbuild');
  // Built beside and renamed into place file by file: servers starting together (the browser
  // tests) may each find the bundle stale, and none may load a half-written one.
  const building = `${outdir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: building,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    sourcemap: 'linked',
    logLevel: 'warning',
    // Bundled CommonJS packages call require(); ESM output needs one made for it.
    banner: { js: "import { createRequire as __grunnmurCreateRequire } from 'node:module'; const require = __grunnmurCreateRequire(import.meta.url);" },
  });
  mkdirSync(outdir, { recursive: true });
  // The source maps first, so a fresh main.js (what freshness is judged by) comes last.
  const files = readdirSync(building).sort((a, b) => Number(a.endsWith('.js')) - Number(b.endsWith('.js')));
  for (const file of files) renameSync(path.join(building, file), path.join(outdir, file));
  rmSync(building, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildServer();
  const template = spawnSync(process.execPath, [path.join(outdir, 'database-template.js')], { stdio: 'inherit' });
  process.exitCode = template.status ?? 1;
}
