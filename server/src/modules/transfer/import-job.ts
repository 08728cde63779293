/** The background half of an import: applies a stored upload in one transaction, with progress. */
import { Readable } from 'node:stream';
import { z } from 'zod';
import { inTenant } from '../../platform/database/tenant-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { JobDefinition } from '../../platform/jobs/job-queue.ts';
import { importKinds, runImport } from './pipeline.ts';
import { deleteImportFile, readImportFile } from './queries.ts';

const payload = z.object({
  kind: z.enum(importKinds),
  fileId: z.uuid(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
});

export const importJob: JobDefinition<z.infer<typeof payload>> = {
  name: 'transfer-import',
  payload,
  async handle({ kind, fileId, fileName, format }, context) {
    const { db } = context.database;
    const stored = await inTenant(db, context.actor, (tx) => readImportFile(tx, fileId));
    if (!stored) throw new Error('Importfilen finnes ikke lenger; last den opp på nytt.');
    const content = Buffer.from(stored.content);
    try {
      const preview = await runImport(
        db,
        context.actor,
        { kind, fileName, format, open: () => Readable.from([content]) },
        {
          apply: true,
          progress: (done, total) => context.reportProgress(done, total || undefined),
          // On PGlite the progress update would wait for the import's own transaction.
          progressInTransaction: context.database.kind !== 'pglite',
          // The file goes in the same transaction as the rows: applied exactly once.
          afterApply: (tx) => deleteImportFile(tx, fileId),
        },
      );
      await context.reportProgress(preview.rows, preview.rows);
      return { kind, fileName, rows: preview.rows, summary: preview.summary };
    } catch (error) {
      // The file was checked at upload; if the data changed since, say what is wrong now.
      if (error instanceof AppError && error.code === 'import_rejected') {
        const first = error.problems.slice(0, 5).map((p) => `linje ${p.line}, ${p.field}: ${p.message}`);
        throw new Error(`${error.detail} ${first.join('; ')}`);
      }
      throw error;
    }
  },
};
