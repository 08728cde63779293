import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { processClassifications } from '../portal/tables.ts';
import { processes } from '../processes/tables.ts';
import { parseCodeListCsv } from './rules/code-list-csv.ts';
import { codeLists, codeListValues, type codeListKinds } from './tables.ts';

type Kind = (typeof codeListKinds)[number];

/**
 * Loads a code list from CSV, creating the list or updating it: new codes are added, known codes
 * renamed or moved. Codes missing from the file stay (processes may be classified with them).
 * Any bad row refuses the whole file.
 */
export async function loadCodeList(tx: Executor, tenantId: string, input: { key: string; name: string; kind: Kind; csv: string }) {
  const { rows, problems } = parseCodeListCsv(input.csv);
  if (problems.length) throw new AppError('import_rejected', 'Kodelisten ble ikke lastet. Rett linjene under og prøv igjen.', problems);
  const [list] = await tx
    .insert(codeLists)
    .values({ tenantId, key: input.key, name: input.name, kind: input.kind })
    .onConflictDoUpdate({ target: [codeLists.tenantId, codeLists.key], set: { name: input.name, kind: input.kind, updatedAt: sql`now()` } })
    .returning({ id: codeLists.id });
  for (let start = 0; start < rows.length; start += 500) {
    await tx
      .insert(codeListValues)
      .values(rows.slice(start, start + 500).map((row) => ({ tenantId, codeListId: list!.id, ...row })))
      .onConflictDoUpdate({
        target: [codeListValues.tenantId, codeListValues.codeListId, codeListValues.code],
        set: { name: sql`excluded.name`, parentCode: sql`excluded.parent_code`, updatedAt: sql`now()` },
      });
  }
  return { id: list!.id, key: input.key, loaded: rows.length };
}

export async function listCodeLists(tx: Executor) {
  const rows = await tx
    .select({
      id: codeLists.id,
      key: codeLists.key,
      name: codeLists.name,
      kind: codeLists.kind,
      values: sql<number>`(select count(*) from code_list_values v where v.code_list_id = code_lists.id)`.mapWith(Number),
    })
    .from(codeLists)
    .orderBy(asc(codeLists.name));
  return { items: rows };
}

export async function listCodeValues(tx: Executor, listId: string, q?: string) {
  const [list] = await tx.select({ id: codeLists.id }).from(codeLists).where(eq(codeLists.id, listId));
  if (!list) throw notFound('kodelisten');
  const pattern = q ? `%${q.replace(/[%_\\]/g, '\\$&')}%` : undefined;
  const items = await tx
    .select({ id: codeListValues.id, code: codeListValues.code, name: codeListValues.name, parentCode: codeListValues.parentCode })
    .from(codeListValues)
    .where(and(eq(codeListValues.codeListId, listId), pattern ? or(ilike(codeListValues.code, pattern), ilike(codeListValues.name, pattern)) : undefined))
    .orderBy(asc(codeListValues.code))
    .limit(500);
  return { items };
}

/** Sets a process's classifications to exactly these code values. */
export async function setClassifications(tx: Executor, tenantId: string, processId: string, valueIds: string[]) {
  const [process] = await tx.select({ id: processes.id }).from(processes).where(eq(processes.id, processId));
  if (!process) throw notFound('prosessen');
  const unique = [...new Set(valueIds)];
  if (unique.length) {
    const known = await tx.select({ id: codeListValues.id }).from(codeListValues).where(inArray(codeListValues.id, unique));
    if (known.length !== unique.length) throw new AppError('validation_failed', 'En eller flere koder finnes ikke.');
  }
  const current = await tx.select({ valueId: processClassifications.codeListValueId }).from(processClassifications).where(eq(processClassifications.processId, processId));
  const remove = current.map((c) => c.valueId).filter((id) => !unique.includes(id));
  const add = unique.filter((id) => !current.some((c) => c.valueId === id));
  if (remove.length) await tx.delete(processClassifications).where(and(eq(processClassifications.processId, processId), inArray(processClassifications.codeListValueId, remove)));
  if (add.length) await tx.insert(processClassifications).values(add.map((codeListValueId) => ({ tenantId, processId, codeListValueId })));
  return getClassifications(tx, processId);
}

export async function getClassifications(tx: Executor, processId: string) {
  const items = await tx
    .select({ id: codeListValues.id, code: codeListValues.code, name: codeListValues.name, list: codeLists.name, listKey: codeLists.key })
    .from(processClassifications)
    .innerJoin(codeListValues, eq(codeListValues.id, processClassifications.codeListValueId))
    .innerJoin(codeLists, eq(codeLists.id, codeListValues.codeListId))
    .where(eq(processClassifications.processId, processId))
    .orderBy(asc(codeLists.name), asc(codeListValues.code));
  return { items };
}
