import { describe, expect, it } from 'vitest';
import { planApprovalSteps } from './approvers.ts';
import { mayDecide, openSteps, requestStateOf, type StepState } from './decisions.ts';
import { activeDeputiesOf, checkDeputyPeriod, managersDeputisedBy, type DeputyPeriod } from './deputies.ts';
import { fulfilmentOf } from './fulfilment.ts';
import { managerOf } from './manager.ts';

// kari (employee) → per (school leader) → siri (sector leader) → ola (chief executive)
const managers: Record<string, string | null> = { kari: 'per', per: 'siri', siri: 'ola', ola: null, nils: 'per' };
const managerOfPerson = (id: string) => managers[id] ?? null;

describe('managerOf', () => {
  const today = '2026-11-23';
  it('takes the employment manager before the unit leader', () => {
    expect(managerOf('kari', [{ managerPersonId: 'per', isPrimary: true, startDate: '2020-01-01', endDate: null, unitLeaders: ['siri'] }], today)).toBe('per');
  });
  it('falls back to the unit leader, and for a leader to the leader above', () => {
    expect(managerOf('kari', [{ managerPersonId: null, isPrimary: true, startDate: '2020-01-01', endDate: null, unitLeaders: ['per', 'siri'] }], today)).toBe('per');
    expect(managerOf('per', [{ managerPersonId: null, isPrimary: true, startDate: '2020-01-01', endDate: null, unitLeaders: ['per', null, 'siri'] }], today)).toBe('siri');
  });
  it('ignores ended and future employments and prefers the primary one', () => {
    const employments = [
      { managerPersonId: 'old', isPrimary: true, startDate: '2010-01-01', endDate: '2020-01-01', unitLeaders: [] },
      { managerPersonId: 'future', isPrimary: true, startDate: '2027-01-01', endDate: null, unitLeaders: [] },
      { managerPersonId: 'side', isPrimary: false, startDate: '2019-01-01', endDate: null, unitLeaders: [] },
      { managerPersonId: 'main', isPrimary: true, startDate: '2021-01-01', endDate: null, unitLeaders: [] },
    ];
    expect(managerOf('kari', employments, today)).toBe('main');
    expect(managerOf('kari', employments.slice(0, 2), today)).toBeNull();
  });
});

describe('planApprovalSteps', () => {
  it('asks only the manager for a role without sensitive systems', () => {
    const steps = planApprovalSteps({ requesterPersonId: 'kari', forPersonId: 'kari', managerOf: managerOfPerson, sensitiveSystems: [] });
    expect(steps).toEqual([{ position: 0, kind: 'manager', approverPersonId: 'per', systemNames: '', escalation: '' }]);
  });

  it('adds one step per owner of the sensitive systems, after the manager', () => {
    const steps = planApprovalSteps({
      requesterPersonId: 'kari',
      forPersonId: 'kari',
      managerOf: managerOfPerson,
      sensitiveSystems: [
        { systemName: 'Visma Flyt Skole', ownerPersonId: 'siri' },
        { systemName: 'Gerica', ownerPersonId: 'ola' },
        { systemName: 'Acos', ownerPersonId: 'siri' },
      ],
    });
    expect(steps.map((s) => [s.position, s.kind, s.approverPersonId, s.systemNames])).toEqual([
      [0, 'manager', 'per', ''],
      [1, 'system_owner', 'siri', 'Acos, Visma Flyt Skole'],
      [1, 'system_owner', 'ola', 'Gerica'],
    ]);
  });

  it('escalates to the manager above when the manager asks for one of their people', () => {
    const [step] = planApprovalSteps({ requesterPersonId: 'per', forPersonId: 'kari', managerOf: managerOfPerson, sensitiveSystems: [] });
    expect(step).toMatchObject({ approverPersonId: 'siri', escalation: 'own_request' });
  });

  it('escalates a system owner step when the owner asks for themselves', () => {
    const steps = planApprovalSteps({ requesterPersonId: 'siri', forPersonId: 'siri', managerOf: managerOfPerson, sensitiveSystems: [{ systemName: 'Acos', ownerPersonId: 'siri' }] });
    expect(steps.map((s) => [s.kind, s.approverPersonId, s.escalation])).toEqual([
      ['manager', 'ola', ''],
      ['system_owner', 'ola', 'own_request'],
    ]);
  });

  it('leaves the step to an administrator when there is nobody to ask', () => {
    const steps = planApprovalSteps({ requesterPersonId: 'ola', forPersonId: 'ola', managerOf: managerOfPerson, sensitiveSystems: [{ systemName: 'X', ownerPersonId: null }] });
    expect(steps.map((s) => [s.approverPersonId, s.escalation])).toEqual([
      [null, 'no_manager'],
      [null, 'no_owner'],
    ]);
  });

  it('never names the requester or the person the access is for as an approver', () => {
    const people = Object.keys(managers);
    for (const requester of people) {
      for (const forPerson of people) {
        const steps = planApprovalSteps({ requesterPersonId: requester, forPersonId: forPerson, managerOf: managerOfPerson, sensitiveSystems: people.map((owner) => ({ systemName: owner, ownerPersonId: owner })) });
        for (const step of steps) expect([requester, forPerson]).not.toContain(step.approverPersonId);
      }
    }
  });
});

describe('request state', () => {
  const step = (id: string, position: number, kind: 'manager' | 'system_owner', decision: 'approved' | 'rejected' | null, approver: string | null = 'per'): StepState => ({ id, position, kind, approverPersonId: approver, decision });

  it('waits for the manager, then the owners together, then is approved', () => {
    const steps = [step('m', 0, 'manager', null), step('o1', 1, 'system_owner', null, 'siri'), step('o2', 1, 'system_owner', null, 'ola')];
    expect(requestStateOf(steps)).toBe('pending_manager');
    expect(openSteps(steps).map((s) => s.id)).toEqual(['m']);
    steps[0]!.decision = 'approved';
    expect(requestStateOf(steps)).toBe('pending_owner');
    expect(openSteps(steps).map((s) => s.id)).toEqual(['o1', 'o2']);
    steps[1]!.decision = 'approved';
    expect(requestStateOf(steps)).toBe('pending_owner');
    steps[2]!.decision = 'approved';
    expect(requestStateOf(steps)).toBe('approved');
  });

  it('ends at the first rejection', () => {
    const steps = [step('m', 0, 'manager', 'rejected'), step('o', 1, 'system_owner', null)];
    expect(requestStateOf(steps)).toBe('rejected');
    expect(openSteps(steps)).toEqual([]);
  });
});

describe('mayDecide', () => {
  const deputies: DeputyPeriod[] = [{ managerPersonId: 'per', deputyPersonId: 'nils', validFrom: '2026-11-01', validTo: '2026-11-30' }];
  const context = { requestState: 'pending_manager' as const, requesterPersonId: 'kari', forPersonId: 'kari', deputies, today: '2026-11-23' };
  const managerStep: StepState = { id: 'm', position: 0, kind: 'manager', approverPersonId: 'per', decision: null };
  const ownerStep: StepState = { id: 'o', position: 1, kind: 'system_owner', approverPersonId: 'siri', decision: null };
  const steps = [managerStep, ownerStep];

  it('lets the approver and, during the period, their deputy decide', () => {
    expect(mayDecide(managerStep, steps, { personId: 'per', isAdmin: false }, context)).toEqual({ ok: true, asDeputyFor: null });
    expect(mayDecide(managerStep, steps, { personId: 'nils', isAdmin: false }, context)).toEqual({ ok: true, asDeputyFor: 'per' });
    expect(mayDecide(managerStep, steps, { personId: 'nils', isAdmin: false }, { ...context, today: '2026-12-01' })).toEqual({ ok: false, refusal: 'not_approver' });
  });

  it('refuses others, later steps, closed requests and anyone deciding on their own request', () => {
    expect(mayDecide(managerStep, steps, { personId: 'siri', isAdmin: false }, context)).toEqual({ ok: false, refusal: 'not_approver' });
    expect(mayDecide(managerStep, steps, { personId: 'ola', isAdmin: true }, context)).toEqual({ ok: false, refusal: 'not_approver' });
    expect(mayDecide(ownerStep, steps, { personId: 'siri', isAdmin: false }, context)).toEqual({ ok: false, refusal: 'not_open' });
    expect(mayDecide(managerStep, steps, { personId: 'per', isAdmin: false }, { ...context, requestState: 'cancelled' })).toEqual({ ok: false, refusal: 'request_closed' });
    expect(mayDecide(managerStep, steps, { personId: 'nils', isAdmin: false }, { ...context, requesterPersonId: 'nils' })).toEqual({ ok: false, refusal: 'own_request' });
  });

  it('lets an administrator decide a step nobody could be found for', () => {
    const orphan: StepState = { ...managerStep, approverPersonId: null };
    expect(mayDecide(orphan, [orphan], { personId: 'ola', isAdmin: true }, context)).toEqual({ ok: true, asDeputyFor: null });
    expect(mayDecide(orphan, [orphan], { personId: 'siri', isAdmin: false }, context)).toEqual({ ok: false, refusal: 'not_approver' });
  });
});

describe('deputies', () => {
  const periods: DeputyPeriod[] = [
    { managerPersonId: 'per', deputyPersonId: 'nils', validFrom: '2026-11-01', validTo: '2026-11-30' },
    { managerPersonId: 'siri', deputyPersonId: 'nils', validFrom: '2026-12-01', validTo: '2026-12-24' },
  ];
  it('act only inside their period, both ends included', () => {
    expect(managersDeputisedBy('nils', periods, '2026-11-01')).toEqual(['per']);
    expect(managersDeputisedBy('nils', periods, '2026-11-30')).toEqual(['per']);
    expect(managersDeputisedBy('nils', periods, '2026-12-01')).toEqual(['siri']);
    expect(managersDeputisedBy('nils', periods, '2026-10-31')).toEqual([]);
    expect(activeDeputiesOf('per', periods, '2026-11-15')).toEqual(['nils']);
  });
  it('must be someone else, for a period that runs forwards and lasts at most a year', () => {
    expect(checkDeputyPeriod({ managerPersonId: 'per', deputyPersonId: 'per', validFrom: '2026-11-01', validTo: '2026-11-02' })).toBe('self');
    expect(checkDeputyPeriod({ managerPersonId: 'per', deputyPersonId: 'nils', validFrom: '2026-11-02', validTo: '2026-11-01' })).toBe('period_reversed');
    expect(checkDeputyPeriod({ managerPersonId: 'per', deputyPersonId: 'nils', validFrom: '2026-01-01', validTo: '2027-06-01' })).toBe('period_too_long');
    expect(checkDeputyPeriod(periods[0]!)).toBeNull();
  });
});

describe('fulfilmentOf', () => {
  const base = { startsLater: false, systemRoleCount: 2, desiredActive: 2, desiredHeld: 0 };
  it('is provisioned when all work is done', () => {
    expect(fulfilmentOf({ ...base, operations: [{ systemName: 'A', state: 'done', lastError: null }, { systemName: 'B', state: 'done', lastError: null }] }).state).toBe('provisioned');
  });
  it('waits for the system administrator while a manual task is open', () => {
    const result = fulfilmentOf({ ...base, operations: [{ systemName: 'A', state: 'done', lastError: null }, { systemName: 'B', state: 'manual_pending', lastError: null }] });
    expect(result).toMatchObject({ state: 'waiting_for_administrator', waitingSystems: ['B'] });
  });
  it('reports failures with their reason', () => {
    const result = fulfilmentOf({ ...base, operations: [{ systemName: 'A', state: 'failed', lastError: 'LDAP: no such group' }] });
    expect(result).toMatchObject({ state: 'failed', failures: [{ systemName: 'A', error: 'LDAP: no such group' }] });
  });
  it('is in progress until the engine wants every system role, and scheduled before the start date', () => {
    expect(fulfilmentOf({ ...base, desiredActive: 0, operations: [] }).state).toBe('in_progress');
    expect(fulfilmentOf({ ...base, operations: [{ systemName: 'A', state: 'queued', lastError: null }] }).state).toBe('in_progress');
    expect(fulfilmentOf({ ...base, startsLater: true, operations: [] }).state).toBe('scheduled');
    expect(fulfilmentOf({ ...base, desiredActive: 1, desiredHeld: 1, operations: [] }).state).toBe('held');
  });
});
