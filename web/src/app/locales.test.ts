import { describe, expect, it } from 'vitest';

const files = import.meta.glob<Record<string, unknown>>('../*/locales/*.json', { eager: true, import: 'default' });

/** Area and language of a locale file; this area's own files come back as `./locales/…`. */
function parsePath(path: string): { area: string; language: string } | undefined {
  const match = /^(?:\.\.\/([^/]+)|\.)\/locales\/([^/]+)\.json$/.exec(path);
  return match ? { area: match[1] ?? 'app', language: match[2]! } : undefined;
}

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
  return [prefix];
}

/** Plural suffixes may differ between languages (one may add `_zero`); the key itself must not. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

const byArea = new Map<string, Partial<Record<string, Record<string, unknown>>>>();
for (const [path, messages] of Object.entries(files)) {
  const parsed = parsePath(path);
  if (!parsed) continue;
  byArea.set(parsed.area, { ...byArea.get(parsed.area), [parsed.language]: messages });
}

describe('the web app’s strings', () => {
  it('finds the locale files of the shell, sign-in, catalogue and history', () => {
    expect([...byArea.keys()]).toEqual(expect.arrayContaining(['app', 'auth', 'catalogue', 'audit']));
  });

  it.each([...byArea.keys()])('has the same keys in bokmål and English for %s', (area) => {
    const { nb, en } = byArea.get(area)!;
    const nbKeys = new Set(keys(nb ?? {}).map(base));
    const enKeys = new Set(keys(en ?? {}).map(base));
    expect([...nbKeys].filter((key) => !enKeys.has(key)), 'in bokmål but not English').toEqual([]);
    expect([...enKeys].filter((key) => !nbKeys.has(key)), 'in English but not bokmål').toEqual([]);
  });
});
