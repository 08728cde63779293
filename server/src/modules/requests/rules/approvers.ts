import type { StepKind } from '../tables.ts';

/**
 * Who must approve an access request, in order. Pure.
 *
 * 1. The manager of the person the access is for.
 * 2. When the business role is sensitive (any of its system roles is), the owner of each sensitive
 *    system — one step per owner, decided in parallel after the manager.
 *
 * Nobody approves a request they made or that is for themselves: such a step goes to the natural
 * approver's own manager (and further up while that is still the requester).
 */

export interface SensitiveSystem {
  systemName: string;
  ownerPersonId: string | null;
}

export type Escalation = '' | 'own_request' | 'no_manager' | 'no_owner';

export interface PlannedStep {
  position: number;
  kind: StepKind;
  /** Null when nobody could be found; an administrator decides such a step. */
  approverPersonId: string | null;
  systemNames: string;
  escalation: Escalation;
}

export interface ApprovalInput {
  requesterPersonId: string;
  forPersonId: string;
  managerOf: (personId: string) => string | null;
  sensitiveSystems: readonly SensitiveSystem[];
}

/** The first person from `start` upwards who is neither the requester nor the person the access is for. */
function independentApprover(start: string | null, input: ApprovalInput): { person: string | null; escalated: boolean } {
  const interested = new Set([input.requesterPersonId, input.forPersonId]);
  const seen = new Set<string>();
  let current = start;
  let escalated = false;
  while (current !== null && interested.has(current)) {
    if (seen.has(current)) return { person: null, escalated: true };
    seen.add(current);
    current = input.managerOf(current);
    escalated = true;
  }
  return { person: current, escalated };
}

export function planApprovalSteps(input: ApprovalInput): PlannedStep[] {
  const steps: PlannedStep[] = [];
  const manager = input.managerOf(input.forPersonId);
  const managerStep = independentApprover(manager, input);
  steps.push({
    position: 0,
    kind: 'manager',
    approverPersonId: managerStep.person,
    systemNames: '',
    escalation: managerStep.person === null ? 'no_manager' : managerStep.escalated ? 'own_request' : '',
  });

  const byOwner = new Map<string | null, string[]>();
  for (const system of input.sensitiveSystems) {
    const names = byOwner.get(system.ownerPersonId) ?? [];
    if (!names.includes(system.systemName)) names.push(system.systemName);
    byOwner.set(system.ownerPersonId, names);
  }
  const ownerSteps: PlannedStep[] = [];
  for (const [owner, names] of byOwner) {
    const approver = owner === null ? { person: null, escalated: false } : independentApprover(owner, input);
    ownerSteps.push({
      position: 1,
      kind: 'system_owner',
      approverPersonId: approver.person,
      systemNames: [...names].sort((a, b) => a.localeCompare(b, 'nb')).join(', '),
      escalation: owner === null || approver.person === null ? 'no_owner' : approver.escalated ? 'own_request' : '',
    });
  }
  ownerSteps.sort((a, b) => a.systemNames.localeCompare(b.systemNames, 'nb'));
  return [...steps, ...ownerSteps];
}
