import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite lets one process hold a data folder. We keep our own lock file beside it with our pid so
 * that a second process (the CLI while the server runs) can say so plainly instead of corrupting it.
 */
export class DatabaseLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(`The data folder ${dataDir} is in use by another Grunnmur process.`);
  }
}

const lockFile = (dataDir: string) => path.join(dataDir, 'grunnmur.lock');

export function claimDataDir(dataDir: string): void {
  const file = lockFile(dataDir);
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (pid && pid !== process.pid && isRunning(pid)) throw new DatabaseLockedError(dataDir);
  }
  writeFileSync(file, String(process.pid));
}

export function releaseDataDir(dataDir: string): void {
  const file = lockFile(dataDir);
  if (existsSync(file) && readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
