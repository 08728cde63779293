import type { VersionState } from '../tables.ts';

/**
 * The life of a process version [prosessversjon]. Pure: no I/O.
 * draft → in_review (reviewers comment) → approved → published → retired; in_review can go back to
 * draft; publishing a version supersedes the one published before it.
 */
export type GovernanceAction = 'submit' | 'return' | 'approve' | 'publish' | 'retire';

const transitions: Record<GovernanceAction, { from: VersionState; to: VersionState }> = {
  submit: { from: 'draft', to: 'in_review' },
  return: { from: 'in_review', to: 'draft' },
  approve: { from: 'in_review', to: 'approved' },
  publish: { from: 'approved', to: 'published' },
  retire: { from: 'published', to: 'retired' },
};

const stateNames: Record<VersionState, string> = {
  draft: 'utkast',
  in_review: 'til godkjenning',
  approved: 'godkjent',
  published: 'publisert',
  retired: 'utgått',
  superseded: 'erstattet',
};

const actionNames: Record<GovernanceAction, string> = {
  submit: 'sendes til godkjenning',
  return: 'sendes tilbake til utkast',
  approve: 'godkjennes',
  publish: 'publiseres',
  retire: 'settes som utgått',
};

/** The state after `action`, or a Norwegian explanation of why the action is not possible now. */
export function nextState(current: VersionState, action: GovernanceAction): { ok: true; state: VersionState } | { ok: false; reason: string } {
  const transition = transitions[action];
  if (transition.from !== current) {
    return { ok: false, reason: `En versjon som er ${stateNames[current]}, kan ikke ${actionNames[action]}. Den må være ${stateNames[transition.from]}.` };
  }
  return { ok: true, state: transition.to };
}

/** Only a draft is edited; everything after it is a record of what was approved. */
export const isEditable = (state: VersionState) => state === 'draft';

/** A version that is still being worked on; a process has at most one. */
export const isOpen = (state: VersionState) => state === 'draft' || state === 'in_review' || state === 'approved';

/** Four eyes: who made or sent a version does not approve it. */
export function approvalProblem(approverId: string, authorIds: (string | null)[]): string | null {
  return authorIds.includes(approverId) ? 'Du kan ikke godkjenne en versjon du selv har laget eller sendt til godkjenning. En annen må godkjenne den.' : null;
}

/** A published process is reviewed at least every 12 months. */
export function reviewIsDue(lastReviewedAt: Date | null, now: Date): boolean {
  if (!lastReviewedAt) return true;
  const due = new Date(lastReviewedAt);
  due.setUTCFullYear(due.getUTCFullYear() + 1);
  return due.getTime() <= now.getTime();
}
