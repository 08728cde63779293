import { z } from 'zod';

/** Matches the check on `persons.kind`. */
export const personKinds = ['employee', 'guest', 'consultant'] as const;

const ref = z.object({ id: z.uuid(), name: z.string() });

export const idParams = z.object({ id: z.uuid({ message: 'Ugyldig id' }) });

export const unitSummary = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  managerName: z.string().nullable(),
  /** People with a current employment in the unit itself, not in its sub-units. */
  employeeCount: z.number().int(),
  /** Units below this one, at any depth. */
  descendantCount: z.number().int(),
});

export const unitDetail = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  parent: ref.nullable(),
  manager: ref.nullable(),
  /** From the root down to this unit, the unit itself last. */
  path: z.array(ref),
  children: z.array(z.object({ id: z.uuid(), name: z.string(), code: z.string(), kind: z.string() })),
  employees: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      employeeNumber: z.string(),
      position: z.string().nullable(),
      isManager: z.boolean(),
    }),
  ),
  systems: z.array(ref),
});

export const unitInput = z.object({
  code: z.string().trim().min(1, 'Kode må fylles ut').max(50, 'Koden kan ha høyst 50 tegn'),
  name: z.string().trim().min(1, 'Navn må fylles ut').max(200, 'Navnet kan ha høyst 200 tegn'),
  kind: z.string().trim().min(1, 'Type må fylles ut').max(50).default('unit'),
  parentId: z.uuid({ message: 'Ugyldig overordnet enhet' }).nullable().default(null),
  managerPersonId: z.uuid({ message: 'Ugyldig leder' }).nullable().default(null),
});
export type UnitInput = z.infer<typeof unitInput>;

export const unitMove = z.object({ parentId: z.uuid({ message: 'Ugyldig overordnet enhet' }).nullable() });

export const personListQuery = z.object({
  search: z.string().trim().max(200).optional(),
  unitId: z.uuid({ message: 'Ugyldig enhet' }).optional(),
  /** With a unit: also people in the units below it, at any depth. */
  includeSubunits: z.stringbool().default(false),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type PersonListQuery = z.infer<typeof personListQuery>;

export const personSummary = z.object({
  id: z.uuid(),
  employeeNumber: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  kind: z.enum(personKinds),
  /** From the person's current primary employment (or another current one). */
  position: z.string().nullable(),
  unit: ref.nullable(),
});

export const personPage = z.object({
  items: z.array(personSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const employmentStatuses = ['current', 'future', 'past'] as const;

export const personDetail = z.object({
  id: z.uuid(),
  employeeNumber: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  kind: z.enum(personKinds),
  employments: z.array(
    z.object({
      id: z.uuid(),
      unit: ref,
      position: z.object({ id: z.uuid(), title: z.string() }).nullable(),
      manager: ref.nullable(),
      startDate: z.string(),
      endDate: z.string().nullable(),
      isPrimary: z.boolean(),
      status: z.enum(employmentStatuses),
    }),
  ),
  manager: ref.nullable(),
  directReports: z.array(z.object({ id: z.uuid(), name: z.string(), position: z.string().nullable() })),
  ownedSystems: z.array(ref),
  administeredSystems: z.array(ref),
});

export const personInput = z.object({
  givenName: z.string().trim().min(1, 'Fornavn må fylles ut').max(200),
  familyName: z.string().trim().min(1, 'Etternavn må fylles ut').max(200),
  email: z.email({ message: 'Ugyldig e-postadresse' }).max(320).nullable().default(null),
  kind: z.enum(personKinds),
});
export type PersonInput = z.infer<typeof personInput>;

export const positionList = z.array(z.object({ id: z.uuid(), title: z.string(), count: z.number().int() }));
