import { z } from 'zod';
import { elementLinkKinds, processLevels, ruleLevels, versionStates } from './tables.ts';

export const idParams = z.object({ id: z.uuid({ message: 'Ugyldig id' }) });

const personRef = z.object({ id: z.uuid(), name: z.string() }).nullable();
const versionRef = z.object({ id: z.uuid(), version: z.number().int(), state: z.enum(versionStates) }).nullable();

export const processSummary = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  level: z.enum(processLevels),
  name: z.string(),
  purpose: z.string(),
  owner: personRef,
  published: z.object({ id: z.uuid(), version: z.number().int(), publishedAt: z.string().nullable(), lastReviewedAt: z.string().nullable() }).nullable(),
  latest: versionRef,
  reviewDue: z.boolean(),
});
export const processList = z.object({ items: z.array(processSummary) });

export const processInput = z.object({
  parentId: z.uuid().nullable().default(null),
  level: z.enum(processLevels),
  name: z.string().trim().min(1, 'Navn må fylles ut').max(200),
  purpose: z.string().max(5000).default(''),
  ownerPersonId: z.uuid().nullable().default(null),
});
export type ProcessInput = z.infer<typeof processInput>;

export const versionSummary = z.object({
  id: z.uuid(),
  version: z.number().int(),
  state: z.enum(versionStates),
  changeNote: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
});

export const processDetail = processSummary.extend({
  ancestors: z.array(z.object({ id: z.uuid(), name: z.string(), level: z.enum(processLevels) })),
  children: z.array(z.object({ id: z.uuid(), name: z.string(), level: z.enum(processLevels), published: z.boolean() })),
  versions: z.array(versionSummary),
  /** Processes whose diagrams call this one. */
  calledBy: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** Services [tjenester] delivered through this process (the map's links). */
  services: z.array(z.object({ id: z.uuid(), name: z.string() })),
  documents: z.array(z.object({ id: z.uuid(), name: z.string(), path: z.string(), currentVersion: z.number().int() })),
  /** Systems the tasks of the published (else the newest) version use. */
  systems: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

export const processServicesInput = z.object({ serviceIds: z.array(z.uuid({ message: 'Ugyldig id' })).max(200) });

export const elementLinkInput = z.object({
  elementId: z.string().min(1).max(200),
  kind: z.enum(elementLinkKinds),
  targetId: z.uuid().nullable().default(null),
  systemRoleId: z.uuid().nullable().default(null),
});
export type ElementLinkInput = z.infer<typeof elementLinkInput>;

export const elementLink = elementLinkInput.extend({
  label: z.string().nullable(),
  systemRoleLabel: z.string().nullable(),
});

export const lintFinding = z.object({
  rule: z.string(),
  level: z.enum(['warn', 'error']),
  elementId: z.string().nullable(),
  message: z.string(),
});

export const reviewComment = z.object({
  id: z.uuid(),
  author: z.string().nullable(),
  elementId: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});

export const versionDetail = versionSummary.extend({
  processId: z.uuid(),
  processName: z.string(),
  xml: z.string(),
  submittedAt: z.string().nullable(),
  lastReviewedAt: z.string().nullable(),
  links: z.array(elementLink),
  comments: z.array(reviewComment),
});

export const versionSave = z.object({
  xml: z.string().min(1).max(10 * 1024 * 1024),
  links: z.array(elementLinkInput).max(5000),
  changeNote: z.string().max(2000).optional(),
});

export const commentInput = z.object({
  body: z.string().trim().min(1, 'Skriv en kommentar').max(5000),
  elementId: z.string().max(200).nullable().default(null),
});

export const returnInput = z.object({ comment: z.string().trim().max(5000).default('') });

export const importInput = z.object({
  xml: z.string().min(1, 'Filen er tom').max(10 * 1024 * 1024),
  name: z.string().trim().max(200).optional(),
  parentId: z.uuid().nullable().optional(),
  processId: z.uuid().optional(),
});
export const importResult = z.object({ processId: z.uuid(), versionId: z.uuid() });

const diffElement = z.object({ id: z.string(), type: z.string(), name: z.string().nullable() });
export const versionDiff = z.object({
  from: z.object({ id: z.uuid(), version: z.number().int() }),
  to: z.object({ id: z.uuid(), version: z.number().int() }),
  added: z.array(diffElement),
  removed: z.array(diffElement),
  renamed: z.array(diffElement.extend({ from: z.string().nullable() })),
  relinked: z.array(diffElement.extend({ from: z.array(z.string()), to: z.array(z.string()) })),
  flowsAdded: z.number().int(),
  flowsRemoved: z.number().int(),
});
export const diffQuery = z.object({ against: z.uuid().optional() });

export const modellingRule = z.object({
  name: z.string(),
  source: z.enum(['bpmnlint', 'grunnmur']),
  description: z.object({ nb: z.string(), en: z.string() }),
  defaultLevel: z.enum(ruleLevels),
  level: z.enum(ruleLevels),
});
export const modellingRules = z.object({ items: z.array(modellingRule) });
export const modellingRulesUpdate = z.object({ levels: z.record(z.string(), z.enum(ruleLevels)) });

export const reminder = z.object({
  id: z.uuid(),
  processId: z.uuid(),
  processName: z.string(),
  message: z.string(),
  createdAt: z.string(),
});
export const reminderList = z.object({ items: z.array(reminder) });
