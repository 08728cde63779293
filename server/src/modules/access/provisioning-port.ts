/**
 * The access engine hands its differences to the provisioning module. Provisioning is built in
 * parallel; until its `submit-changes.ts` exists, changes are only recorded here (desired state and
 * run record) and nothing is queued.
 */
import type { Executor } from '../../platform/database/connection.ts';
import type { Actor } from '../../platform/database/tenant-scope.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';

export type EntitlementChange = { personId: string; systemRoleId: string; action: 'grant' | 'revoke'; reason: string };
export type SubmitOrigin = 'full_recompute' | 'person_event';
export type SubmittedBatch = { batchId: string; state: 'released' | 'held' } | null;

interface ProvisioningApi {
  submitEntitlementChanges(tx: Executor, input: { origin: SubmitOrigin; changes: EntitlementChange[] }): Promise<SubmittedBatch>;
  dispatchBatch(jobs: JobQueue, actor: Actor, batchId: string): Promise<void>;
}

// A variable specifier keeps the type checker from requiring the file before it exists.
const provisioningModule = '../provisioning/submit-changes.ts';
let loaded: Promise<ProvisioningApi | null> | undefined;
function provisioning(): Promise<ProvisioningApi | null> {
  loaded ??= import(provisioningModule).then(
    (module: ProvisioningApi) => module,
    () => null,
  );
  return loaded;
}

export async function submitChanges(tx: Executor, origin: SubmitOrigin, changes: EntitlementChange[]): Promise<SubmittedBatch> {
  if (changes.length === 0) return null;
  const api = await provisioning();
  return api ? api.submitEntitlementChanges(tx, { origin, changes }) : null;
}

export async function dispatch(jobs: JobQueue | undefined, actor: Actor, batchId: string | null): Promise<void> {
  if (!batchId || !jobs) return;
  const api = await provisioning();
  if (api) await api.dispatchBatch(jobs, actor, batchId);
}

/** The queue of each database, so that a job handler (which gets the database) can dispatch. */
const queues = new WeakMap<object, JobQueue>();
export function rememberQueue(db: Executor, jobs: JobQueue): void {
  queues.set(db, jobs);
}
export function queueFor(db: Executor): JobQueue | undefined {
  return queues.get(db);
}
