/**
 * What happened to an approved request's access in the target systems [tildeling], from the
 * provisioning operations for the person on the role's system roles since the approval. Pure.
 */

export type FulfilmentState = 'scheduled' | 'in_progress' | 'waiting_for_administrator' | 'failed' | 'held' | 'provisioned';

export interface OperationView {
  systemName: string;
  state: 'queued' | 'running' | 'done' | 'failed' | 'manual_pending' | 'held' | 'discarded';
  lastError: string | null;
}

export interface FulfilmentInput {
  /** The assignment starts later: nothing is due yet. */
  startsLater: boolean;
  /** How many system roles the business role gives. */
  systemRoleCount: number;
  /** How many of them the engine wants the person to have now ('active'), and how many it holds back. */
  desiredActive: number;
  desiredHeld: number;
  operations: readonly OperationView[];
}

export interface Fulfilment {
  state: FulfilmentState;
  failures: { systemName: string; error: string }[];
  waitingSystems: string[];
}

export function fulfilmentOf(input: FulfilmentInput): Fulfilment {
  const failures = input.operations
    .filter((op) => op.state === 'failed')
    .map((op) => ({ systemName: op.systemName, error: op.lastError ?? '' }));
  const waitingSystems = [...new Set(input.operations.filter((op) => op.state === 'manual_pending').map((op) => op.systemName))].sort();
  const base = { failures, waitingSystems };
  if (input.startsLater) return { state: 'scheduled', ...base };
  if (failures.length > 0) return { state: 'failed', ...base };
  if (waitingSystems.length > 0) return { state: 'waiting_for_administrator', ...base };
  if (input.operations.some((op) => op.state === 'queued' || op.state === 'running')) return { state: 'in_progress', ...base };
  if (input.desiredHeld > 0 || input.operations.some((op) => op.state === 'held')) return { state: 'held', ...base };
  // Every system role wanted and no work left: done (also when the person had it already, so no work was needed).
  if (input.desiredActive >= input.systemRoleCount) return { state: 'provisioned', ...base };
  return { state: 'in_progress', ...base };
}
