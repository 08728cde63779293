import Papa from 'papaparse';
import type { FieldProblem } from '../../../platform/http/app-error.ts';

export interface CodeRow {
  code: string;
  name: string;
  parentCode: string | null;
}

const codeHeaders = ['code', 'kode'];
const nameHeaders = ['name', 'navn', 'tekst', 'betegnelse'];
const parentHeaders = ['parent', 'parent_code', 'parentcode', 'overordnet', 'forelder', 'overordnet_kode'];

/**
 * Reads a code list from CSV (comma or semicolon): columns code, name and optional parent code
 * (Norwegian headers kode/navn/overordnet too). Every row is checked; problems carry line numbers
 * and any problem means nothing is loaded. Pure.
 */
export function parseCodeListCsv(text: string): { rows: CodeRow[]; problems: FieldProblem[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimiter: '' });
  const [header, ...body] = parsed.data;
  const problems: FieldProblem[] = [];
  if (!header) return { rows: [], problems: [{ line: 1, message: 'Filen er tom.' }] };
  const normalized = header.map((h) => h.trim().toLowerCase());
  const find = (names: string[]) => normalized.findIndex((h) => names.includes(h));
  const codeAt = find(codeHeaders);
  const nameAt = find(nameHeaders);
  const parentAt = find(parentHeaders);
  if (codeAt < 0 || nameAt < 0) {
    return { rows: [], problems: [{ line: 1, message: 'Første linje må ha kolonnene «kode» (code) og «navn» (name), og gjerne «overordnet» (parent).' }] };
  }
  const rows: CodeRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, index) => {
    const line = index + 2;
    const code = (cells[codeAt] ?? '').trim();
    const name = (cells[nameAt] ?? '').trim();
    const parentCode = parentAt >= 0 ? (cells[parentAt] ?? '').trim() || null : null;
    if (!code) problems.push({ line, field: 'kode', message: 'Koden mangler.' });
    else if (code.length > 50) problems.push({ line, field: 'kode', message: 'Koden er lengre enn 50 tegn.' });
    if (!name) problems.push({ line, field: 'navn', message: 'Navnet mangler.' });
    if (code && seen.has(code)) problems.push({ line, field: 'kode', message: `Koden ${code} står også på linje ${seen.get(code)}.` });
    if (code) seen.set(code, line);
    rows.push({ code, name, parentCode });
  });
  rows.forEach((row, index) => {
    if (row.parentCode && !seen.has(row.parentCode)) {
      problems.push({ line: index + 2, field: 'overordnet', message: `Overordnet kode ${row.parentCode} finnes ikke i filen.` });
    }
  });
  if (rows.length === 0) problems.push({ line: 2, message: 'Filen har ingen koder.' });
  return { rows, problems };
}
