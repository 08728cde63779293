import type { Decision, RequestState, StepKind } from '../tables.ts';
import { managersDeputisedBy, type DeputyPeriod } from './deputies.ts';

/**
 * How decisions on approval steps move a request. Pure.
 *
 * Steps are decided in order of position (the manager first, then the system owners together).
 * A rejection ends the request; it is approved when every step is.
 */

export interface StepState {
  id: string;
  position: number;
  kind: StepKind;
  approverPersonId: string | null;
  decision: Decision | null;
}

/** The steps that can be decided now: the undecided ones at the first undecided position. */
export function openSteps<T extends StepState>(steps: readonly T[]): T[] {
  if (steps.some((s) => s.decision === 'rejected')) return [];
  const undecided = steps.filter((s) => s.decision === null);
  if (undecided.length === 0) return [];
  const first = Math.min(...undecided.map((s) => s.position));
  return undecided.filter((s) => s.position === first);
}

/** The state a request is in once its steps stand as given (a cancelled request stays cancelled). */
export function requestStateOf(steps: readonly StepState[]): Exclude<RequestState, 'cancelled'> {
  if (steps.some((s) => s.decision === 'rejected')) return 'rejected';
  const open = openSteps(steps);
  if (open.length === 0) return 'approved';
  return open.some((s) => s.kind === 'manager') ? 'pending_manager' : 'pending_owner';
}

export interface Decider {
  personId: string;
  /** An administrator may decide a step nobody could be found for. */
  isAdmin: boolean;
}

export type DecisionRefusal = 'not_open' | 'not_approver' | 'own_request' | 'request_closed';

export interface DecisionContext {
  requestState: RequestState;
  requesterPersonId: string;
  forPersonId: string;
  deputies: readonly DeputyPeriod[];
  today: string;
}

/**
 * Whether `decider` may decide `step` now, and in whose place. Nobody decides on a request they
 * made or that is for themselves, not even as a deputy or administrator.
 */
export function mayDecide(
  step: StepState,
  steps: readonly StepState[],
  decider: Decider,
  context: DecisionContext,
): { ok: true; asDeputyFor: string | null } | { ok: false; refusal: DecisionRefusal } {
  if (context.requestState !== 'pending_manager' && context.requestState !== 'pending_owner') return { ok: false, refusal: 'request_closed' };
  if (!openSteps(steps).some((s) => s.id === step.id)) return { ok: false, refusal: 'not_open' };
  if (decider.personId === context.requesterPersonId || decider.personId === context.forPersonId) return { ok: false, refusal: 'own_request' };
  if (step.approverPersonId === decider.personId) return { ok: true, asDeputyFor: null };
  if (step.approverPersonId !== null && managersDeputisedBy(decider.personId, context.deputies, context.today).includes(step.approverPersonId)) {
    return { ok: true, asDeputyFor: step.approverPersonId };
  }
  if (step.approverPersonId === null && decider.isAdmin) return { ok: true, asDeputyFor: null };
  return { ok: false, refusal: 'not_approver' };
}
