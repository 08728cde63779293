import { z } from 'zod';
import { decisions, requestStates, stepKinds } from './tables.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Dato må skrives som åååå-mm-dd');
const personRef = z.object({ id: z.uuid(), name: z.string() });

export const idParams = z.object({ id: z.uuid() });

export const catalogueQuery = z.object({
  q: z.string().trim().max(200).optional(),
});

export const catalogueRole = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  /** Any of its system roles is sensitive: the system owner approves after the manager. */
  sensitive: z.boolean(),
  systems: z.array(z.object({ name: z.string(), sensitive: z.boolean() })),
  /** The signed-in person has the role today (by an assignment rule, a request or by hand). */
  held: z.boolean(),
  /** An open request of theirs for it, if any. */
  pendingRequestId: z.uuid().nullable(),
});
export const catalogue = z.object({ items: z.array(catalogueRole) });

export const requestInput = z
  .object({
    businessRoleId: z.uuid(),
    /** Someone else than oneself: only their manager (or an administrator) may ask on their behalf. */
    forPersonId: z.uuid().optional(),
    reason: z.string().trim().min(5, 'Skriv en begrunnelse på minst 5 tegn').max(2000),
    wantedFrom: day.optional(),
    wantedTo: day.nullable().optional(),
  })
  .refine((input) => !input.wantedFrom || !input.wantedTo || input.wantedTo >= input.wantedFrom, {
    message: 'Til-datoen kan ikke være før fra-datoen',
    path: ['wantedTo'],
  });
export type RequestInput = z.infer<typeof requestInput>;

export const fulfilmentStates = ['scheduled', 'in_progress', 'waiting_for_administrator', 'failed', 'held', 'provisioned'] as const;

export const approvalStep = z.object({
  id: z.uuid(),
  position: z.number().int(),
  kind: z.enum(stepKinds),
  approver: personRef.nullable(),
  systemNames: z.string(),
  escalation: z.string(),
  decision: z.enum(decisions).nullable(),
  decidedBy: personRef.nullable(),
  comment: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Waiting for a decision now (earlier steps are decided). */
  open: z.boolean(),
  /** Deputies who may decide it in the approver's place today. */
  deputies: z.array(personRef),
});

export const accessRequest = z.object({
  id: z.uuid(),
  businessRole: z.object({ id: z.uuid(), name: z.string() }),
  requester: personRef,
  forPerson: personRef,
  reason: z.string(),
  wantedFrom: z.string(),
  wantedTo: z.string().nullable(),
  state: z.enum(requestStates),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  steps: z.array(approvalStep),
  /** For an approved request: how far the access has come in the target systems. */
  fulfilment: z
    .object({
      state: z.enum(fulfilmentStates),
      failures: z.array(z.object({ systemName: z.string(), error: z.string() })),
      waitingSystems: z.array(z.string()),
    })
    .nullable(),
  canCancel: z.boolean(),
});
export type AccessRequestView = z.infer<typeof accessRequest>;

export const requestList = z.object({ items: z.array(accessRequest) });

export const inboxItem = z.object({
  stepId: z.uuid(),
  kind: z.enum(stepKinds),
  systemNames: z.string(),
  /** Set when the signed-in person decides as deputy for this approver. */
  asDeputyFor: personRef.nullable(),
  request: accessRequest,
});
export const inbox = z.object({ items: z.array(inboxItem) });
export const inboxCount = z.object({ count: z.number().int() });

export const decisionInput = z
  .object({
    decision: z.enum(decisions),
    comment: z.string().trim().max(2000).default(''),
    /** Which open step to decide, when the caller may decide more than one. */
    stepId: z.uuid().optional(),
  })
  .refine((input) => input.decision === 'approved' || input.comment.length > 0, {
    message: 'Skriv hvorfor forespørselen avslås',
    path: ['comment'],
  });
export type DecisionInput = z.infer<typeof decisionInput>;

export const deputyQuery = z.object({
  /** `all`: every arrangement in the municipality (administrators). */
  scope: z.enum(['mine', 'all']).default('mine'),
});

export const deputyInput = z.object({
  /** Whose deputy; oneself unless an administrator names one for someone else. */
  managerPersonId: z.uuid().optional(),
  deputyPersonId: z.uuid(),
  validFrom: day,
  validTo: day,
  reason: z.string().trim().max(500).default(''),
});
export type DeputyInput = z.infer<typeof deputyInput>;

export const deputy = z.object({
  id: z.uuid(),
  manager: personRef,
  deputy: personRef,
  validFrom: z.string(),
  validTo: z.string(),
  reason: z.string(),
  active: z.boolean(),
  canEdit: z.boolean(),
});
export const deputyList = z.object({ items: z.array(deputy) });
