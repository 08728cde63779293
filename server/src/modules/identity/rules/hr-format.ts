/** The full HR file: one row per employee, read with the transfer module's cells and row checks. */
import { z } from 'zod';
import type { ColumnSpec, RowCheck } from '../../transfer/columns.ts';
import { dateCell, textCell } from '../../transfer/row-fields.ts';

export type HrColumn = 'employeeNumber' | 'givenName' | 'familyName' | 'unitCode' | 'position' | 'manager' | 'startDate' | 'endDate';

export const hrColumns: ColumnSpec<HrColumn>[] = [
  { key: 'employeeNumber', header: 'ansattnummer', aliases: ['employee number', 'employeenumber', 'ansattnr'], required: true },
  { key: 'givenName', header: 'fornavn', aliases: ['given name', 'first name', 'firstname'], required: true },
  { key: 'familyName', header: 'etternavn', aliases: ['family name', 'last name', 'lastname', 'surname'], required: true },
  { key: 'unitCode', header: 'enhetskode', aliases: ['unit code', 'unitcode', 'enhetsnummer', 'enhet'], required: true },
  { key: 'position', header: 'stilling', aliases: ['position', 'stillingstittel', 'title'], required: true },
  { key: 'manager', header: 'leder', aliases: ['manager', 'leders ansattnummer', 'manager employee number', 'nærmeste leder'], required: true },
  { key: 'startDate', header: 'startdato', aliases: ['start date', 'startdate', 'fra dato'], required: true },
  { key: 'endDate', header: 'sluttdato', aliases: ['end date', 'enddate', 'til dato'], required: true },
];

export const hrRowSchema = z.object({
  employeeNumber: textCell({ required: true, max: 50 }),
  givenName: textCell({ required: true }),
  familyName: textCell({ required: true }),
  unitCode: textCell({ required: true, max: 50 }),
  position: textCell(),
  manager: textCell({ max: 50 }),
  startDate: dateCell({ required: true }),
  endDate: dateCell(),
});

/** A checked row; rows without an employee number are not passed on. */
export type HrRow = Omit<z.infer<typeof hrRowSchema>, 'employeeNumber'> & { employeeNumber: string; line: number };

export const checkHrRow: RowCheck<HrColumn, z.infer<typeof hrRowSchema>> = (row) => {
  const issues: { field: HrColumn; message: string }[] = [];
  if (row.startDate && row.endDate && row.endDate < row.startDate) issues.push({ field: 'endDate', message: 'Sluttdato kan ikke være før startdato' });
  if (row.manager && row.manager === row.employeeNumber) issues.push({ field: 'manager', message: 'En person kan ikke være sin egen leder' });
  return issues;
};
