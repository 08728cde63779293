import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding Grunnmur's package.json, found by walking up from this module. The server
 * runs both from its sources (tsx, tests) and bundled into dist/server (`npm start`), so paths to
 * the migrations and the built web app cannot be fixed relative to any one file.
 */
function findPackageRoot(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(folder, 'package.json')) || !existsSync(path.join(folder, 'drizzle'))) {
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`Grunnmur's package folder was not found above ${fileURLToPath(import.meta.url)}`);
    folder = parent;
  }
  return folder;
}

export const packageRoot = findPackageRoot();
