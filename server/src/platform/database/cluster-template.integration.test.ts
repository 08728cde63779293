import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterEach, describe, expect, it } from 'vitest';
import { holdsCluster, seedFromClusterTemplate } from './cluster-template.ts';
import { migrationsFolder } from './connection.ts';

const folders: string[] = [];
function emptyFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'grunnmur-template-test-'));
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };

describe('the database template a first start copies', () => {
  it('gives an empty data folder a cluster on which every migration has already run', async () => {
    const dataDir = emptyFolder();
    expect(await seedFromClusterTemplate(dataDir)).toBe(true);
    expect(holdsCluster(dataDir)).toBe(true);

    const client = new PGlite(dataDir);
    try {
      const applied = await client.query<{ count: number }>('select count(*)::int as count from drizzle.__drizzle_migrations');
      expect(applied.rows[0]?.count).toBe(journal.entries.length);
      const tenants = await client.query<{ count: number }>('select count(*)::int as count from tenants');
      expect(tenants.rows[0]?.count).toBe(0);
    } finally {
      await client.close();
    }
  });

  it('leaves a folder that already holds a cluster as it is', async () => {
    const dataDir = emptyFolder();
    await seedFromClusterTemplate(dataDir);
    const marker = path.join(dataDir, 'base', 'kept-by-test');
    writeFileSync(marker, 'mine');
    expect(await seedFromClusterTemplate(dataDir)).toBe(false);
    expect(readFileSync(marker, 'utf8')).toBe('mine');
  });
});
