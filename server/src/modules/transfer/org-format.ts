/**
 * The organisation as one flat file: each row is a person's employment and also states the unit
 * it belongs to; a row without an employee number only defines a unit.
 */
import { z } from 'zod';
import type { Choice } from './cells.ts';
import type { ColumnSpec, RowCheck } from './columns.ts';
import { choiceCell, dateCell, emailCell, textCell } from './row-fields.ts';

export const personKindChoices: Choice<'employee' | 'guest' | 'consultant'>[] = [
  { code: 'employee', label: 'ansatt' },
  { code: 'guest', label: 'gjest' },
  { code: 'consultant', label: 'konsulent' },
];

export type OrgColumn =
  | 'unitCode' | 'unitName' | 'parentCode' | 'unitManager' | 'employeeNumber' | 'givenName' | 'familyName'
  | 'email' | 'position' | 'manager' | 'startDate' | 'endDate' | 'kind';

export const orgColumns: ColumnSpec<OrgColumn>[] = [
  { key: 'unitCode', header: 'enhetskode', aliases: ['unit code', 'unitcode', 'enhetsnummer'], required: true },
  { key: 'unitName', header: 'enhet', aliases: ['unit', 'unit name', 'enhetsnavn'], required: true },
  { key: 'parentCode', header: 'overordnet enhetskode', aliases: ['parent unit code', 'parent code', 'overordnet enhet', 'overordnet'] },
  { key: 'unitManager', header: 'enhetsleder', aliases: ['unit manager', 'unit leader'] },
  { key: 'employeeNumber', header: 'ansattnummer', aliases: ['employee number', 'employeenumber', 'ansattnr'], required: true },
  { key: 'givenName', header: 'fornavn', aliases: ['given name', 'first name', 'firstname'], required: true },
  { key: 'familyName', header: 'etternavn', aliases: ['family name', 'last name', 'lastname', 'surname'], required: true },
  { key: 'email', header: 'e-post', aliases: ['epost', 'email', 'e-mail'] },
  { key: 'position', header: 'stilling', aliases: ['position', 'stillingstittel', 'title'] },
  { key: 'manager', header: 'leder', aliases: ['manager', 'nærmeste leder', 'naermeste leder'] },
  { key: 'startDate', header: 'startdato', aliases: ['start date', 'startdate', 'fra dato'], required: true },
  { key: 'endDate', header: 'sluttdato', aliases: ['end date', 'enddate', 'til dato'] },
  { key: 'kind', header: 'type', aliases: ['kind', 'persontype', 'person type'] },
];

const code = () => textCell({ max: 50 });

/** One row of an org file; `undefined` = column not in the file, `null` = empty cell. */
export const orgRowSchema = z.object({
  unitCode: textCell({ required: true, max: 50 }),
  unitName: textCell().optional(),
  parentCode: code().optional(),
  unitManager: code().optional(),
  employeeNumber: code().optional(),
  givenName: textCell().optional(),
  familyName: textCell().optional(),
  email: emailCell().optional(),
  position: textCell().optional(),
  manager: code().optional(),
  startDate: dateCell().optional(),
  endDate: dateCell().optional(),
  kind: choiceCell(personKindChoices).optional(),
});

export type OrgRow = z.infer<typeof orgRowSchema> & { line: number };

export const checkOrgRow: RowCheck<OrgColumn, z.infer<typeof orgRowSchema>> = (row) => {
  const issues: { field: OrgColumn; message: string }[] = [];
  if (!row.employeeNumber) {
    const personCells = [row.givenName, row.familyName, row.email, row.position, row.manager, row.startDate, row.endDate];
    if (personCells.some((value) => value)) issues.push({ field: 'employeeNumber', message: 'Må fylles ut når raden beskriver en person' });
    return issues;
  }
  if (!row.givenName) issues.push({ field: 'givenName', message: 'Må fylles ut' });
  if (!row.familyName) issues.push({ field: 'familyName', message: 'Må fylles ut' });
  if (!row.startDate) issues.push({ field: 'startDate', message: 'Må fylles ut' });
  if (row.startDate && row.endDate && row.endDate < row.startDate) {
    issues.push({ field: 'endDate', message: 'Sluttdato kan ikke være før startdato' });
  }
  if (row.manager && row.manager === row.employeeNumber) {
    issues.push({ field: 'manager', message: 'En person kan ikke være sin egen leder' });
  }
  return issues;
};
