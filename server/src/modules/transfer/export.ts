/** Export: the same columns and words the import reads, streamed page by page. */
import type { Writable } from 'node:stream';
import { persons } from '../org/tables.ts';
import type { Executor } from '../../platform/database/connection.ts';
import { inTenant, type Actor } from '../../platform/database/tenant-scope.ts';
import { choiceReader, formatLicences, formatList, formatNumber } from './cells.ts';
import { isModelKind } from './formats.ts';
import { modelFormats, type ModelFormat } from './model-format.ts';
import { loadModelState } from './model-queries.ts';
import { orgColumns, personKindChoices } from './org-format.ts';
import type { ImportKind } from './pipeline.ts';
import { exportPersonsPage, exportSystems, exportUnits, positionTitles, primaryEmployments } from './queries.ts';
import type { FileFormat } from './reader.ts';
import { criticalityChoices, dpaStatusChoices, hostingChoices, lifecyclePhaseChoices, systemColumns } from './systems-format.ts';
import { tableWriter, type OutCell, type TableWriter } from './writer.ts';

const pageSize = 5000;

export const sheetNames: Record<ImportKind, string> = {
  systems: 'Systemer',
  org: 'Organisasjon',
  services: modelFormats.services.sheetName,
  'information-objects': modelFormats['information-objects'].sheetName,
  integrations: modelFormats.integrations.sheetName,
  technology: modelFormats.technology.sheetName,
};

export function exportFileName(kind: ImportKind, format: FileFormat, template = false): string {
  const base = kind === 'systems' ? 'systemer' : kind === 'org' ? 'organisasjon' : modelFormats[kind].fileStem;
  return `${template ? `mal-${base}` : `${base}-${new Date().toISOString().slice(0, 10)}`}.${format}`;
}

/** An empty file with the headers: where a municipality starts. */
export async function writeTemplate(kind: ImportKind, format: FileFormat, out: Writable): Promise<void> {
  const writer = tableWriter(format, out, sheetNames[kind]);
  // The template leaves out `id`: new objects have none.
  const columns = kind === 'systems' ? systemColumns : kind === 'org' ? orgColumns : modelFormats[kind].columns;
  const headers = columns.filter((c) => c.key !== 'id').map((c) => c.header);
  await writer.row(headers);
  await writer.end();
}

export async function writeExport(db: Executor, actor: Actor, kind: ImportKind, format: FileFormat, out: Writable): Promise<void> {
  const writer = tableWriter(format, out, sheetNames[kind]);
  try {
    if (kind === 'systems') await writeSystems(db, actor, writer, format);
    else if (isModelKind(kind)) await writeModel(db, actor, writer, modelFormats[kind]);
    else await writeOrg(db, actor, writer);
    await writer.end();
  } catch (error) {
    out.destroy(error as Error);
    throw error;
  }
}

async function writeSystems(db: Executor, actor: Actor, writer: TableWriter, format: FileFormat) {
  const rows = await inTenant(db, actor, (tx) => exportSystems(tx));
  const lifecycle = choiceReader(lifecyclePhaseChoices);
  const criticality = choiceReader(criticalityChoices);
  const hosting = choiceReader(hostingChoices);
  const dpa = choiceReader(dpaStatusChoices);
  await writer.row(systemColumns.map((column) => column.header));
  for (const system of rows) {
    const cells: Record<(typeof systemColumns)[number]['key'], OutCell> = {
      name: system.name,
      description: system.description,
      lifecyclePhase: lifecycle.label(system.lifecyclePhase),
      criticality: criticality.label(system.criticality),
      owner: system.ownerNumber,
      administrator: system.administratorNumber,
      owningUnit: system.unitCode,
      supplier: system.supplier,
      hosting: system.hosting ? hosting.label(system.hosting) : null,
      // XLSX keeps numbers as numbers; CSV writes the decimal comma.
      annualCost: system.annualCost === null ? null : format === 'xlsx' ? system.annualCost : formatNumber(system.annualCost),
      dpaStatus: dpa.label(system.dpaStatus),
      licences: formatLicences(system.licences),
      id: system.id,
    };
    await writer.row(systemColumns.map((column) => cells[column.key]));
  }
}

/**
 * One row per object, by name: values in the words the import reads, people by employee number,
 * units by unit code, other objects by name (or by path or id where a name is not enough).
 * Written from the same state the import plans against, so export → import changes nothing.
 */
async function writeModel(db: Executor, actor: Actor, writer: TableWriter, format: ModelFormat) {
  const state = await inTenant(db, actor, (tx) => loadModelState(tx, format));
  const numberOf = new Map([...state.personIdByNumber].map(([number, id]) => [id, number]));
  const codeOf = new Map([...state.unitIdByCode].map(([code, id]) => [id, code]));
  const labels = new Map(format.fields.flatMap((field) => (field.type === 'choice' ? [[field.key, choiceReader(field.choices)] as const] : [])));
  const objects = state.objects.sort((a, b) => a.name.localeCompare(b.name, 'nb') || a.id.localeCompare(b.id));
  await writer.row(format.columns.map((column) => column.header));
  for (const object of objects) {
    const cells: Record<string, OutCell> = { name: object.name, id: object.id };
    for (const field of format.fields) {
      const value = object.values[field.key] ?? null;
      cells[field.key] =
        value === null
          ? null
          : field.type === 'choice'
            ? labels.get(field.key)!.label(value)
            : field.type === 'person'
              ? (numberOf.get(value) ?? null)
              : field.type === 'unit'
                ? (codeOf.get(value) ?? null)
                : field.type === 'reference'
                  ? (state.references[field.target]!.label(value) ?? null)
                  : value;
    }
    for (const link of format.links) {
      const index = state.references[link.target]!;
      cells[link.key] = formatList(object.links[link.key]!.map((id) => index.label(id)!));
    }
    await writer.row(format.columns.map((column) => cells[column.key] ?? null));
  }
}

async function writeOrg(db: Executor, actor: Actor, writer: TableWriter) {
  const kind = choiceReader(personKindChoices);
  const { units, titles, numberOf } = await inTenant(db, actor, async (tx) => {
    const units = await exportUnits(tx);
    const titles = await positionTitles(tx);
    const numbers = await tx.select({ id: persons.id, employeeNumber: persons.employeeNumber }).from(persons);
    return { units, titles, numberOf: new Map(numbers.map((row) => [row.id, row.employeeNumber])) };
  });
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  const depth = (unit: (typeof units)[number]) => {
    let levels = 0;
    for (let at = unit; at.parentId && levels <= units.length; at = unitById.get(at.parentId)!) levels += 1;
    return levels;
  };
  const unitCells = (unit: (typeof units)[number]) => [unit.code, unit.name, unit.parentCode, unit.managerNumber];

  await writer.row(orgColumns.map((column) => column.header));
  // First one row per unit, parents first, so that the tree reads top-down and empty units survive.
  const ordered = units.map((unit) => ({ unit, depth: depth(unit) })).sort((a, b) => a.depth - b.depth || a.unit.code.localeCompare(b.unit.code));
  for (const { unit } of ordered) await writer.row([...unitCells(unit), null, null, null, null, null, null, null, null, null]);

  // Then one row per person with their primary employment, a page at a time.
  let after: string | null = null;
  for (;;) {
    const page = await inTenant(db, actor, async (tx) => {
      const people = await exportPersonsPage(tx, after, pageSize);
      const jobs = people.length ? await primaryEmployments(tx, people.map((person) => person.id)) : [];
      return { people, jobOf: new Map(jobs.map((job) => [job.personId, job])) };
    });
    for (const person of page.people) {
      const job = page.jobOf.get(person.id);
      const unit = job ? unitById.get(job.orgUnitId) : undefined;
      // A person without an employment has no unit to stand in; the file cannot say them.
      if (!job || !unit) continue;
      await writer.row([
        ...unitCells(unit),
        person.employeeNumber,
        person.givenName,
        person.familyName,
        person.email,
        job.positionId ? (titles.get(job.positionId) ?? null) : null,
        job.managerPersonId ? (numberOf.get(job.managerPersonId) ?? null) : null,
        job.startDate,
        job.endDate,
        kind.label(person.kind),
      ]);
    }
    if (page.people.length < pageSize) break;
    after = page.people.at(-1)!.employeeNumber;
  }
}
