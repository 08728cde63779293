/**
 * Writes rows as CSV or XLSX into a stream, one row at a time.
 *
 * CSV is what Norwegian Excel opens with a double click: `;` between cells, UTF-8 with a byte
 * order mark, CRLF line ends, decimal comma. Dates are ISO (YYYY-MM-DD). The reader takes all of
 * this back, so export → import changes nothing (see docs/decisions/0004-import-export-files.md).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { excelLibrary } from './excel-library.ts';
import type { FileFormat } from './reader.ts';

export type OutCell = string | number | null;

export interface TableWriter {
  row(cells: readonly OutCell[]): Promise<void>;
  end(): Promise<void>;
}

export const contentTypes: Record<FileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function tableWriter(format: FileFormat, out: Writable, sheetName: string): TableWriter {
  return format === 'xlsx' ? xlsxWriter(out, sheetName) : csvWriter(out);
}

const csvCell = (cell: OutCell): string => {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? String(cell).replace('.', ',') : cell;
  return /[;"\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
};

function csvWriter(out: Writable): TableWriter {
  let started = false;
  return {
    async row(cells) {
      const line = `${started ? '' : '\uFEFF'}${cells.map(csvCell).join(';')}\r\n`;
      started = true;
      if (!out.write(line)) await once(out, 'drain');
    },
    async end() {
      if (!started) out.write('\uFEFF');
      out.end();
    },
  };
}

function xlsxWriter(out: Writable, sheetName: string): TableWriter {
  const workbook = new (excelLibrary().stream.xlsx.WorkbookWriter)({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  return {
    async row(cells) {
      sheet.addRow(cells.map((cell) => (cell === null ? '' : cell))).commit();
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
