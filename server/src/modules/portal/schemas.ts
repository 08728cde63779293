import { z } from 'zod';

export const idParams = z.object({ id: z.uuid() });
const named = z.object({ id: z.uuid(), name: z.string() });

export const processCard = z.object({
  id: z.uuid(),
  name: z.string(),
  purpose: z.string(),
  version: z.number().int(),
  ownerName: z.string().nullable(),
  reason: z.enum(['role', 'unit']).optional(),
});
export const processListQuery = z.object({
  q: z.string().max(200).optional(),
  /** Code value ids; a process must carry all of them. */
  code: z.union([z.uuid(), z.array(z.uuid())]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const processList = z.object({ items: z.array(processCard) });
export const myProcesses = z.object({ items: z.array(processCard), businessRoles: z.array(named) });

export const processPage = z.object({
  id: z.uuid(),
  name: z.string(),
  purpose: z.string(),
  version: z.number().int(),
  publishedAt: z.string().nullable(),
  owner: z.object({ id: z.uuid(), name: z.string(), email: z.string().nullable() }).nullable(),
  bpmnXml: z.string(),
  steps: z.array(
    z.object({
      elementId: z.string(),
      name: z.string(),
      type: z.string(),
      lane: z.string().nullable(),
      businessRole: named.nullable(),
      system: named.nullable(),
      systemRole: named.nullable(),
      manual: z.boolean(),
    }),
  ),
  businessRoles: z.array(z.object({ id: z.uuid(), name: z.string(), requestable: z.boolean() })),
  systems: z.array(z.object({ id: z.uuid(), name: z.string(), systemRoles: z.array(named), requestableBusinessRoles: z.array(named) })),
  documents: z.array(z.object({ id: z.uuid(), name: z.string(), path: z.string(), currentVersion: z.number().int() })),
  classifications: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), list: z.string(), listKey: z.string() })),
  automation: z
    .object({ occurrencesPerYear: z.number(), minutesEach: z.number(), automationDegree: z.number(), hoursPerYear: z.number(), assessment: z.string() })
    .nullable(),
});

export const searchQuery = z.object({
  q: z.string().max(200),
  kind: z.union([z.enum(['process', 'document', 'system']), z.array(z.enum(['process', 'document', 'system']))]).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const searchResult = z.object({
  items: z.array(z.object({ kind: z.enum(['process', 'document', 'system']), id: z.uuid(), title: z.string(), snippet: z.string(), rank: z.number() })),
});

export const automationInput = z.object({
  occurrencesPerYear: z.number().int().min(0).max(10_000_000),
  minutesEach: z.number().min(0).max(100_000),
  automationDegree: z.number().int().min(0).max(100),
  assessment: z.string().max(4000).default(''),
});
export const automationRanking = z.object({
  items: z.array(
    z.object({
      processId: z.uuid(),
      name: z.string(),
      occurrencesPerYear: z.number(),
      minutesEach: z.number(),
      automationDegree: z.number(),
      assessment: z.string(),
      hoursPerYear: z.number(),
    }),
  ),
  totalHoursPerYear: z.number(),
});

const systemRoleRef = z.object({ id: z.string(), name: z.string(), systemId: z.string().nullable(), systemName: z.string() });
export const roleGap = z.object({
  businessRole: named,
  processes: z.array(named),
  missing: z.array(z.object({ systemRole: systemRoleRef, processes: z.array(named), steps: z.array(z.string()) })),
  unused: z.array(systemRoleRef),
});

const reportLine = z.object({
  path: z.string(),
  kind: z.enum(['bpmn', 'document', 'other']),
  outcome: z.enum(['imported', 'new_version', 'unchanged', 'refused']),
  reason: z.string().optional(),
  processId: z.string().optional(),
  documentId: z.string().optional(),
  version: z.number().optional(),
  linkedTo: z.array(z.string()).optional(),
});
export const bundleReport = z.object({
  id: z.uuid(),
  fileName: z.string(),
  counts: z.object({ imported: z.number(), refused: z.number() }),
  lines: z.array(reportLine),
  importedBy: z.string().optional(),
  createdAt: z.string().optional(),
});
