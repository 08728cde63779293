import { z } from 'zod';
import { scheduledChangeKinds, scheduledChangeStates } from './tables.ts';

const day = (message = 'Ugyldig dato (bruk ÅÅÅÅ-MM-DD)') => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, message);
const id = (message = 'Ugyldig id') => z.uuid({ message });

export const idParams = z.object({ id: id() });

const placement = z.object({ unitCode: z.string(), position: z.string().nullable(), manager: z.string().nullable() });

export const hrPreview = z.object({
  runId: z.uuid(),
  fileName: z.string(),
  asOf: z.string(),
  state: z.string(),
  counts: z.record(z.string(), z.number()),
  warning: z.string().nullable(),
  joiners: z.array(placement.extend({ line: z.number(), employeeNumber: z.string(), givenName: z.string(), familyName: z.string(), startDate: z.string(), endDate: z.string().nullable(), personId: z.string().nullable() })),
  movers: z.array(z.object({ line: z.number(), personId: z.string(), employmentId: z.string(), employeeNumber: z.string(), name: z.string(), from: placement, to: placement, employmentStartDate: z.string() })),
  nameChanges: z.array(z.object({ line: z.number(), personId: z.string(), employeeNumber: z.string(), from: z.object({ givenName: z.string(), familyName: z.string() }), to: z.object({ givenName: z.string(), familyName: z.string() }) })),
  leavers: z.array(z.object({ line: z.number().nullable(), personId: z.string(), employmentId: z.string(), employeeNumber: z.string(), name: z.string(), endDate: z.string(), reason: z.enum(['absent', 'end_date']) })),
});

export const hrRunList = z.array(
  z.object({ id: z.uuid(), fileName: z.string(), state: z.string(), asOf: z.string(), counts: z.record(z.string(), z.number()), warning: z.string().nullable(), createdBy: z.string(), createdAt: z.date(), appliedAt: z.date().nullable(), jobId: z.string().nullable() }),
);

export const jobAccepted = z.object({ jobId: z.uuid() });

export const scheduleInput = z
  .object({
    personId: id('Velg en person'),
    kind: z.enum(scheduledChangeKinds, { message: 'Velg hva slags endring' }),
    effectiveDate: day(),
    newOrgUnitId: id('Ugyldig enhet').nullable().optional(),
    newPositionId: id('Ugyldig stilling').nullable().optional(),
    newManagerPersonId: id('Ugyldig leder').nullable().optional(),
    note: z.string().max(1000).optional(),
  })
  .strict();

export const scheduledChange = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  kind: z.enum(scheduledChangeKinds),
  effectiveDate: z.string(),
  state: z.string(),
  newUnitName: z.string().nullable(),
  newPositionTitle: z.string().nullable(),
  newManagerName: z.string().nullable(),
  endDate: z.string().nullable(),
  note: z.string(),
  createdBy: z.string(),
});

export const changesQuery = z.object({
  personId: id().optional(),
  scope: z.enum(['mine', 'all']).default('all'),
  state: z.enum(scheduledChangeStates).optional(),
});

export const dueRun = z.object({
  today: z.string(),
  changesDone: z.number(),
  changesSkipped: z.number(),
  guestsEnded: z.number(),
  remindersSent: z.number(),
  personIds: z.array(z.string()),
});

export const settings = z.object({
  usernameTemplate: z.string().trim().min(1, 'Må fylles ut').max(100),
  emailTemplate: z.string().trim().min(1, 'Må fylles ut').max(200),
  emailDomain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'Ugyldig domene, for eksempel kommune.no'),
  reservedWords: z.array(z.string().trim().toLowerCase().min(1).max(64)).max(500),
  guestReminderDays: z.number().int().min(1, 'Minst 1 dag').max(180, 'Høyst 180 dager'),
});

export const renameInput = z.object({
  givenName: z.string().trim().min(1, 'Fornavn må fylles ut').max(200),
  familyName: z.string().trim().min(1, 'Etternavn må fylles ut').max(200),
});

export const renameResult = z.object({
  before: z.object({ username: z.string().nullable(), email: z.string().nullable() }),
  after: z.object({ username: z.string().nullable(), email: z.string().nullable() }),
});

export const guestInput = z.object({
  givenName: z.string().trim().min(1, 'Fornavn må fylles ut').max(200),
  familyName: z.string().trim().min(1, 'Etternavn må fylles ut').max(200),
  kind: z.enum(['guest', 'consultant'], { message: 'Velg gjest eller konsulent' }),
  sponsorPersonId: id('Velg en sponsor'),
  orgUnitId: id('Velg en enhet'),
  startDate: day().optional(),
  // Mandatory: a guest without an end date would keep access for ever.
  endDate: day('Sluttdato må fylles ut (ÅÅÅÅ-MM-DD): gjester og konsulenter har alltid en sluttdato'),
  purpose: z.string().trim().max(1000).optional(),
  employeeNumber: z.string().trim().max(50).optional(),
});

export const guest = z.object({
  personId: z.uuid(),
  name: z.string(),
  kind: z.string(),
  username: z.string().nullable(),
  email: z.string().nullable(),
  sponsorPersonId: z.uuid(),
  sponsorName: z.string(),
  endDate: z.string(),
  purpose: z.string(),
  remindedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  unitName: z.string().nullable(),
});

export const guestsQuery = z.object({ scope: z.enum(['mine', 'all']).default('all') });

export const endDateInput = z.object({ endDate: day('Sluttdato må fylles ut (ÅÅÅÅ-MM-DD)') });

export const notice = z.object({ id: z.uuid(), kind: z.string(), subjectPersonId: z.string().nullable(), message: z.string(), createdAt: z.date(), readAt: z.date().nullable() });

export const personIdentity = z.object({ username: z.string().nullable(), email: z.string().nullable(), kind: z.string(), guest: guest.nullable() });
