import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { detectFormat, guessDelimiter, readRows, type SheetRow } from './reader.ts';

async function rows(source: Readable, format: 'csv' | 'xlsx'): Promise<SheetRow[]> {
  const result: SheetRow[] = [];
  for await (const row of readRows(source, format)) result.push(row);
  return result;
}

/** Splits bytes into small chunks, as a network or a file stream delivers them. */
const chunked = (text: string, size = 7) => {
  const bytes = Buffer.from(text);
  return Readable.from(Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size)));
};

describe('reading rows of an import file', () => {
  it('reads a semicolon CSV with a byte order mark, quotes and blank lines, numbering lines as an editor does', async () => {
    const text = '\uFEFFnavn;lisenser\r\n"Public 360";"Bruker:1:2; Admin:1:0"\r\n\r\nØkonomi;\r\n';
    expect(await rows(chunked(text), 'csv')).toEqual([
      { line: 1, cells: ['navn', 'lisenser'] },
      { line: 2, cells: ['Public 360', 'Bruker:1:2; Admin:1:0'] },
      { line: 4, cells: ['Økonomi', ''] },
    ]);
  });

  it('reads a comma CSV split into many chunks to the last row', async () => {
    const text = `a,b\n${Array.from({ length: 20_000 }, (_, i) => `${i},x`).join('\n')}`;
    const result = await rows(chunked(text, 4096), 'csv');
    expect(result).toHaveLength(20_001);
    expect(result.at(-1)).toEqual({ line: 20_001, cells: ['19999', 'x'] });
  });

  it('guesses the delimiter from the header line', () => {
    expect(guessDelimiter('navn;beskrivelse')).toBe(';');
    expect(guessDelimiter('name,description')).toBe(',');
    expect(guessDelimiter('navn')).toBe(',');
  });

  it('reads the first sheet of an XLSX file with its row numbers, dates as ISO dates and numbers as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Ark1');
    sheet.addRow(['navn', 'startdato', 'kostnad']);
    sheet.addRow(['Kari', new Date(Date.UTC(2024, 7, 1)), 1234.5]);
    sheet.addRow([]);
    sheet.addRow([{ richText: [{ text: 'Ol' }, { text: 'a' }] }, '01.08.2024', null]);
    workbook.addWorksheet('Notater').addRow(['ikke les meg']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(detectFormat(undefined, bytes.subarray(0, 4))).toBe('xlsx');
    expect(await rows(Readable.from([bytes]), 'xlsx')).toEqual([
      { line: 1, cells: ['navn', 'startdato', 'kostnad'] },
      { line: 2, cells: ['Kari', '2024-08-01', '1234.5'] },
      { line: 4, cells: ['Ola', '01.08.2024'] },
    ]);
  });
});
