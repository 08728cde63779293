import { describe, expect, it } from 'vitest';
import { parseCodeListCsv } from './code-list-csv.ts';

describe('parseCodeListCsv', () => {
  it('reads code, name and parent with Norwegian headers and semicolons', () => {
    const { rows, problems } = parseCodeListCsv('kode;navn;overordnet\n02;Fysisk planlegging;\n02.34;Byggesak;02\n');
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { code: '02', name: 'Fysisk planlegging', parentCode: null },
      { code: '02.34', name: 'Byggesak', parentCode: '02' },
    ]);
  });

  it('reports every bad row with its line number', () => {
    const { problems } = parseCodeListCsv('code,name,parent\n301,Plansaksbehandling,\n301,,\n302,Byggesak,999\n');
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'navn'],
      [3, 'kode'],
      [4, 'overordnet'],
    ]);
  });
});
