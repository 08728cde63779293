import { z } from 'zod';

export const idParams = z.object({ id: z.uuid() });
export const documentListQuery = z.object({
  q: z.string().max(200).optional(),
  processId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const documentSummary = z.object({
  id: z.uuid(),
  path: z.string(),
  name: z.string(),
  description: z.string(),
  currentVersion: z.number().int(),
  updatedAt: z.string(),
});
export const documentPage = z.object({ total: z.number().int(), items: z.array(documentSummary) });
export const documentDetail = z.object({
  id: z.uuid(),
  path: z.string(),
  name: z.string(),
  description: z.string(),
  currentVersion: z.number().int(),
  versions: z.array(
    z.object({
      version: z.number().int(),
      name: z.string(),
      contentType: z.string(),
      sizeBytes: z.number().int(),
      uploadedBy: z.string(),
      uploadedAt: z.string(),
    }),
  ),
  processes: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export const fileQuery = z.object({ version: z.coerce.number().int().min(1).optional() });
export const storedDocument = z.object({
  documentId: z.uuid(),
  version: z.number().int(),
  outcome: z.enum(['imported', 'new_version', 'unchanged']),
});
export const linkParams = z.object({ id: z.uuid(), documentId: z.uuid() });
export const linkBody = z.object({ documentId: z.uuid() });
