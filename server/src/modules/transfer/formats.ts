/**
 * Every kind of file the pipeline reads, and what it needs of each: the columns and row schema
 * (format), the rules (a pure plan), what is stored (state) and how a plan is written. A new kind
 * is one more entry here; the pipeline, the job, the API routes and the CLI take it from this list.
 */
import type { z } from 'zod';
import type { Executor } from '../../platform/database/connection.ts';
import type { ColumnSpec, FileProblem, RowCheck } from './columns.ts';
import { modelFormats, modelKinds, type ModelFormat, type ModelRow } from './model-format.ts';
import { planModel } from './model-plan.ts';
import { loadModelState, writeModelPlan } from './model-queries.ts';
import { checkOrgRow, orgColumns, orgRowSchema } from './org-format.ts';
import { planOrg } from './org-plan.ts';
import type { PlanOptions, RowChange } from './plan.ts';
import { loadOrgState, loadSystemsState, writeOrgPlan, writeSystemsPlan, type Progress } from './queries.ts';
import { systemColumns, systemRowSchema } from './systems-format.ts';
import { planSystems } from './systems-plan.ts';

export const importKinds = ['systems', 'org', ...modelKinds] as const;
export type ImportKind = (typeof importKinds)[number];

/** A plan made inside the import's transaction, ready to be written in the same transaction. */
export interface PlannedImport {
  changes: RowChange[];
  write(tx: Executor, tenantId: string, progress?: Progress): Promise<void>;
}

/** One kind as the pipeline sees it, whatever its row, state and plan types are. */
export interface TransferFormat {
  columns: readonly ColumnSpec[];
  schema: z.ZodObject<z.ZodRawShape>;
  check?: RowCheck<string, Record<string, unknown>>;
  plan(
    tx: Executor,
    rows: readonly Record<string, unknown>[],
    headerOf: (key: string) => string,
    report: (problem: FileProblem) => void,
    options: PlanOptions,
  ): Promise<PlannedImport>;
}

/** Joins a kind's typed parts into what the pipeline calls; type-checked here, not in the pipeline. */
function transferFormat<Column extends string, Row, State, Plan extends { changes: RowChange[] }>(spec: {
  columns: readonly ColumnSpec<Column>[];
  schema: z.ZodObject<z.ZodRawShape>;
  check?: RowCheck<Column, never>;
  load(tx: Executor): Promise<State>;
  plan(rows: readonly Row[], state: State, headerOf: (key: Column) => string, report: (problem: FileProblem) => void, options: PlanOptions): Plan;
  write(tx: Executor, tenantId: string, plan: Plan, progress?: Progress): Promise<void>;
}): TransferFormat {
  return {
    columns: spec.columns,
    schema: spec.schema,
    check: spec.check as RowCheck<string, Record<string, unknown>> | undefined,
    async plan(tx, rows, headerOf, report, options) {
      const plan = spec.plan(rows as readonly Row[], await spec.load(tx), headerOf, report, options);
      return { changes: plan.changes, write: (writeTx, tenantId, progress) => spec.write(writeTx, tenantId, plan, progress) };
    },
  };
}

const modelTransfer = (format: ModelFormat) =>
  transferFormat({
    columns: format.columns,
    schema: format.schema,
    load: (tx) => loadModelState(tx, format),
    plan: (rows: readonly ModelRow[], state, headerOf, report, options) => planModel(format, rows, state, headerOf, report, options),
    write: (tx, tenantId, plan, progress) => writeModelPlan(tx, tenantId, format, plan, progress),
  });

export const transferFormats: Record<ImportKind, TransferFormat> = {
  systems: transferFormat({ columns: systemColumns, schema: systemRowSchema, load: loadSystemsState, plan: planSystems, write: writeSystemsPlan }),
  org: transferFormat({ columns: orgColumns, schema: orgRowSchema, check: checkOrgRow as RowCheck<string, never>, load: loadOrgState, plan: planOrg, write: writeOrgPlan }),
  services: modelTransfer(modelFormats.services),
  'information-objects': modelTransfer(modelFormats['information-objects']),
  integrations: modelTransfer(modelFormats.integrations),
  technology: modelTransfer(modelFormats.technology),
};

export const isModelKind = (kind: ImportKind): kind is ModelFormat['kind'] => (modelKinds as readonly string[]).includes(kind);
