/**
 * Writes an org import file for a generated municipality of any size, as the import reads it:
 * one row per unit (parents first), then one row per person with their current employment.
 *
 *   npx tsx bench/generate-org-file.ts --employees 50000 [--format csv|xlsx] --out org.csv
 */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { generateMunicipality } from '../server/src/demo/generate-municipality.ts';
import { orgRows, type OrgFileRow } from '../server/src/demo/org-rows.ts';
import { choiceReader } from '../server/src/modules/transfer/cells.ts';
import { orgColumns, personKindChoices } from '../server/src/modules/transfer/org-format.ts';
import type { FileFormat } from '../server/src/modules/transfer/reader.ts';
import { tableWriter } from '../server/src/modules/transfer/writer.ts';

export async function generateOrgFile({ employees, format, out, seed = 'grunnmur-bench' }: { employees: number; format: FileFormat; out: string; seed?: string }) {
  const today = new Date().toISOString().slice(0, 10);
  const municipality = generateMunicipality({ seed, slug: 'bench', name: 'Benk kommune', employees, systems: 10, today });
  const rows = orgRows(municipality);
  // The generator also plans future transfers; the file states each person's current employment.
  const current = new Map<string, OrgFileRow>();
  for (const row of rows) {
    const held = current.get(row.employeeNumber);
    const isCurrent = row.startDate <= today;
    if (!held || (isCurrent && (held.startDate > today || row.startDate > held.startDate))) current.set(row.employeeNumber, row);
  }
  const personsById = new Map(municipality.persons.map((person) => [person.id, person]));
  const unitsById = new Map(municipality.units.map((unit) => [unit.id, unit]));
  const kind = choiceReader(personKindChoices);

  const stream = createWriteStream(out);
  const writer = tableWriter(format, stream, 'Organisasjon');
  await writer.row(orgColumns.map((column) => column.header));
  for (const unit of municipality.units) {
    const parent = unit.parentId ? unitsById.get(unit.parentId)!.code : null;
    await writer.row([unit.code, unit.name, parent, personsById.get(unit.managerPersonId)?.employeeNumber ?? null, ...Array(9).fill(null)]);
  }
  for (const row of current.values()) {
    await writer.row([
      row.unitCode, row.unitName, row.parentUnitCode, row.unitManagerEmployeeNumber, row.employeeNumber, row.givenName,
      row.familyName, row.email, row.position, row.managerEmployeeNumber, row.startDate, row.endDate, kind.label(row.kind),
    ]);
  }
  await writer.end();
  await finished(stream);
  return { units: municipality.units.length, persons: current.size };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { employees: { type: 'string', default: '50000' }, format: { type: 'string', default: 'csv' }, out: { type: 'string' } } });
  const format = values.format === 'xlsx' ? 'xlsx' : 'csv';
  const out = values.out ?? `org-${values.employees}.${format}`;
  const counts = await generateOrgFile({ employees: Number(values.employees), format, out });
  console.log(JSON.stringify({ out, ...counts }));
}
