/**
 * Reads the rows of a CSV or XLSX file as text cells, one row at a time, so that a large file is
 * never held as a whole. Every row carries its line number (the header is line 1).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { excelLibrary } from './excel-library.ts';
import Papa from 'papaparse';

export type FileFormat = 'csv' | 'xlsx';

export interface SheetRow {
  line: number;
  cells: string[];
}

/** By name first; an XLSX file is a zip archive, so its first bytes tell as well. */
export function detectFormat(fileName: string | undefined, firstBytes?: Uint8Array): FileFormat {
  const extension = fileName?.toLowerCase().split('.').pop();
  if (extension === 'xlsx') return 'xlsx';
  if (extension === 'csv' || extension === 'txt') return 'csv';
  const zip = firstBytes && firstBytes[0] === 0x50 && firstBytes[1] === 0x4b && firstBytes[2] === 0x03 && firstBytes[3] === 0x04;
  return zip ? 'xlsx' : 'csv';
}

export function readRows(input: Readable, format: FileFormat): AsyncGenerator<SheetRow> {
  return format === 'xlsx' ? readXlsx(input) : readCsv(input);
}

/** `;` (what Norwegian Excel writes) or `,`, whichever the header line uses more; BOM or not. */
export function guessDelimiter(headerLine: string): ';' | ',' {
  const count = (char: string) => headerLine.split(char).length - 1;
  return count(';') >= count(',') && count(';') > 0 ? ';' : ',';
}

async function* decodeUtf8(input: Readable): AsyncGenerator<string> {
  // TextDecoder drops a leading byte order mark, which Excel writes into "CSV UTF-8" files.
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of input) yield decoder.decode(chunk as Uint8Array, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

async function* readCsv(input: Readable): AsyncGenerator<SheetRow> {
  const text = decodeUtf8(input);
  // The header line is read first so that the delimiter is guessed from it, not from a cell.
  // (Not `for await … break`: that would close the generator and lose the rest of the file.)
  let head = '';
  while (!head.includes('\n')) {
    const next = await text.next();
    if (next.done) break;
    head += next.value;
  }
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {
    delimiter: guessDelimiter(head.split(/\r?\n/, 1)[0] ?? ''),
  });
  const feeding = pipeline(Readable.from((async function* () {
    yield head;
    yield* text;
  })()), parser).catch((error: unknown) => parser.destroy(error as Error));
  let line = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      // Blank lines are counted but not yielded, so line numbers match what an editor shows.
      line += 1;
      if (cells.some((cell) => cell.trim() !== '')) yield { line, cells };
    }
    await feeding;
  } finally {
    // A reader that stops early (a broken header) leaves no open file behind.
    input.destroy();
  }
}

async function* readXlsx(input: Readable): AsyncGenerator<SheetRow> {
  const workbook = new (excelLibrary().stream.xlsx.WorkbookReader)(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles tell a date cell from a number; without them dates arrive as day counts.
    styles: 'cache',
    entries: 'ignore',
  });
  for await (const worksheet of workbook) {
    for await (const row of worksheet) {
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let index = 1; index < values.length; index += 1) cells.push(cellText(values[index]));
      if (cells.some((cell) => cell.trim() !== '')) yield { line: row.number, cells };
    }
    // Only the first sheet is read; others may hold notes or lookup lists.
    break;
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const object = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (object.richText) return object.richText.map((part) => part.text).join('');
    if ('result' in object) return cellText(object.result);
    if (object.text !== undefined) return cellText(object.text);
    if (object.error) return object.error;
  }
  return String(value);
}
