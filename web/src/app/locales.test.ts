import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
  return [prefix];
}

/** i18next plural forms differ between languages (nb and en both use _one/_other, but a key may add _zero). */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

const areas = readdirSync(src, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((area) => readdirSync(path.join(src, area)).includes('locales'));

describe('the web app’s strings', () => {
  it.each(areas)('has the same keys in bokmål and English for %s', (area) => {
    const read = (language: string) =>
      JSON.parse(readFileSync(path.join(src, area, 'locales', `${language}.json`), 'utf8')) as Record<string, unknown>;
    const nb = new Set(keys(read('nb')).map(base));
    const en = new Set(keys(read('en')).map(base));
    expect([...nb].filter((key) => !en.has(key)), 'in bokmål but not English').toEqual([]);
    expect([...en].filter((key) => !nb.has(key)), 'in English but not bokmål').toEqual([]);
  });
});
