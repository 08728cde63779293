import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import { notFound } from '../../platform/http/app-error.ts';
import { identityNotices } from '../identity/tables.ts';

export interface NoticeInput {
  tenantId: string;
  personId: string;
  /** What it is about, e.g. 'process_review_due', 'process_version_approved'. */
  kind: string;
  message: string;
  link?: string | null;
}

/** Leaves notices for people; runs in the caller's transaction (so it is audited with the change). */
export async function notify(tx: Executor, notices: NoticeInput[]): Promise<void> {
  if (notices.length === 0) return;
  await tx.insert(identityNotices).values(notices.map((n) => ({ tenantId: n.tenantId, personId: n.personId, kind: n.kind, message: n.message, link: n.link ?? null })));
}

/** My newest notices and how many are unread. A user who is not a person has none. */
export async function myNotices(tx: Executor, personId: string | null, limit = 30) {
  if (!personId) return { unread: 0, items: [] };
  const [unread] = await tx
    .select({ n: count() })
    .from(identityNotices)
    .where(and(eq(identityNotices.personId, personId), isNull(identityNotices.readAt)));
  const rows = await tx
    .select()
    .from(identityNotices)
    .where(eq(identityNotices.personId, personId))
    .orderBy(desc(identityNotices.createdAt))
    .limit(limit);
  return {
    unread: unread?.n ?? 0,
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      message: row.message,
      link: row.link,
      createdAt: row.createdAt.toISOString(),
      read: row.readAt !== null,
    })),
  };
}

/** Marks one of my notices as read; someone else's notice is not found. */
export async function markRead(tx: Executor, personId: string | null, id: string, now = new Date()) {
  const [row] = personId
    ? await tx
        .update(identityNotices)
        .set({ readAt: now, updatedAt: now })
        .where(and(eq(identityNotices.id, id), eq(identityNotices.personId, personId)))
        .returning({ id: identityNotices.id })
    : [];
  if (!row) throw notFound('varselet');
}

export async function markAllRead(tx: Executor, personId: string | null, now = new Date()) {
  if (!personId) return;
  await tx
    .update(identityNotices)
    .set({ readAt: now, updatedAt: now })
    .where(and(eq(identityNotices.personId, personId), isNull(identityNotices.readAt)));
}
