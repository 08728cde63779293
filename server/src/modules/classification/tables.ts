import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantOwned, timestamps } from '../../platform/database/columns.ts';

export const codeListKinds = ['kostra_function', 'kle', 'form', 'own'] as const;

/** A code list [kodeliste] the municipality loads: KOSTRA functions, KLE, FORM or its own. */
export const codeLists = pgTable(
  'code_lists',
  {
    ...tenantOwned,
    /** Short stable key, e.g. "kostra", "kle", "form", "tjenesteomrade". */
    key: text('key').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: codeListKinds }).notNull().default('own'),
    ...timestamps,
  },
  (table) => [uniqueIndex('code_lists_key_idx').on(table.tenantId, table.key)],
);

/** One code in a code list, with an optional parent code for hierarchical lists (KLE, FORM). */
export const codeListValues = pgTable(
  'code_list_values',
  {
    ...tenantOwned,
    codeListId: uuid('code_list_id')
      .notNull()
      .references(() => codeLists.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    parentCode: text('parent_code'),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('code_list_values_code_idx').on(table.tenantId, table.codeListId, table.code),
    index('code_list_values_list_idx').on(table.tenantId, table.codeListId),
  ],
);
