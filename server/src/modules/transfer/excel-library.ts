import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

const require = createRequire(import.meta.url);
let excel: typeof ExcelJS | undefined;

/**
 * exceljs takes about a third of a second to load; loaded on the first .xlsx read or written
 * rather than at every start of the server and the CLI.
 */
export function excelLibrary(): typeof ExcelJS {
  excel ??= require('exceljs') as typeof ExcelJS;
  return excel;
}
