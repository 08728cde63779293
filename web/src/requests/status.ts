import type { AccessRequest } from './queries';

export type StatusKey =
  | 'pending'
  | 'rejected'
  | 'cancelled'
  | 'scheduled'
  | 'in_progress'
  | 'waiting_for_administrator'
  | 'failed'
  | 'held'
  | 'provisioned';

export type StatusColor = 'info' | 'warning' | 'danger' | 'success' | 'neutral';

export interface RequestStatus {
  key: StatusKey;
  color: StatusColor;
  /** For a waiting request: who it waits for (approvers, with their deputies). */
  waitingFor: string[];
}

const colors: Record<StatusKey, StatusColor> = {
  pending: 'info',
  rejected: 'danger',
  cancelled: 'neutral',
  scheduled: 'info',
  in_progress: 'info',
  waiting_for_administrator: 'warning',
  failed: 'danger',
  held: 'warning',
  provisioned: 'success',
};

/** One status for the requester: pending at whom → approved → provisioned (or why not). Pure. */
export function requestStatus(request: AccessRequest, nobody: string): RequestStatus {
  let key: StatusKey;
  if (request.state === 'pending_manager' || request.state === 'pending_owner') key = 'pending';
  else if (request.state === 'approved') key = request.fulfilment?.state ?? 'in_progress';
  else key = request.state;
  const waitingFor =
    key === 'pending'
      ? request.steps
          .filter((step) => step.open)
          .map((step) => [step.approver?.name ?? nobody, ...step.deputies.map((deputy) => deputy.name)].join(' / '))
      : [];
  return { key, color: colors[key], waitingFor };
}
