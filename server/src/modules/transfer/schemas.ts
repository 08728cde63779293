import { z } from 'zod';
import { importKinds } from './pipeline.ts';

export const kindParams = z.object({ kind: z.enum(importKinds) });

export const formatQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });

export const importPreview = z.object({
  kind: z.enum(importKinds),
  rows: z.number().int(),
  summary: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int() }),
  changes: z.array(z.object({ line: z.number().int(), action: z.enum(['create', 'update', 'unchanged']), label: z.string() })),
  notice: z.string(),
});

export const jobAccepted = z.object({ jobId: z.uuid() });

export const jobParams = z.object({ id: z.uuid({ message: 'Ugyldig id' }) });

export const jobStatus = z.object({
  id: z.uuid(),
  kind: z.string(),
  state: z.enum(['queued', 'running', 'completed', 'failed']),
  progressDone: z.number().int(),
  progressTotal: z.number().int().nullable(),
  result: z.unknown().nullable(),
  error: z.string().nullable(),
});
