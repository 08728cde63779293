import { describe, expect, it } from 'vitest';
import type { AccessRequest, ApprovalStep } from './queries';
import { requestStatus } from './status';

const step = (overrides: Partial<ApprovalStep>): ApprovalStep => ({
  id: 's',
  position: 0,
  kind: 'manager',
  approver: { id: 'p', name: 'Per Rektor' },
  systemNames: '',
  escalation: '',
  decision: null,
  decidedBy: null,
  comment: null,
  decidedAt: null,
  open: false,
  deputies: [],
  ...overrides,
});

const request = (overrides: Partial<AccessRequest>): AccessRequest => ({
  id: 'r',
  businessRole: { id: 'b', name: 'Kontaktlærer' },
  requester: { id: 'k', name: 'Kari' },
  forPerson: { id: 'k', name: 'Kari' },
  reason: 'Trenger det',
  wantedFrom: '2026-11-23',
  wantedTo: null,
  state: 'pending_manager',
  createdAt: '2026-11-23T10:00:00Z',
  decidedAt: null,
  steps: [],
  fulfilment: null,
  canCancel: true,
  ...overrides,
});

describe('requestStatus', () => {
  it('names whom a waiting request waits for, with their deputy', () => {
    const status = requestStatus(
      request({ steps: [step({ open: true, deputies: [{ id: 'o', name: 'Ola' }] }), step({ id: 't', position: 1, kind: 'system_owner', approver: { id: 'g', name: 'Gerd' } })] }),
      'en administrator',
    );
    expect(status).toEqual({ key: 'pending', color: 'info', waitingFor: ['Per Rektor / Ola'] });
    expect(requestStatus(request({ steps: [step({ open: true, approver: null })] }), 'en administrator').waitingFor).toEqual(['en administrator']);
  });

  it('follows an approved request into the target systems', () => {
    const approved = (state: NonNullable<AccessRequest['fulfilment']>['state']) =>
      requestStatus(request({ state: 'approved', fulfilment: { state, failures: [], waitingSystems: [] } }), '').key;
    expect(approved('in_progress')).toBe('in_progress');
    expect(approved('waiting_for_administrator')).toBe('waiting_for_administrator');
    expect(approved('provisioned')).toBe('provisioned');
    expect(requestStatus(request({ state: 'approved' }), '').key).toBe('in_progress');
  });

  it('says rejected and cancelled as they are', () => {
    expect(requestStatus(request({ state: 'rejected' }), '')).toMatchObject({ key: 'rejected', color: 'danger' });
    expect(requestStatus(request({ state: 'cancelled' }), '')).toMatchObject({ key: 'cancelled', color: 'neutral' });
  });
});
