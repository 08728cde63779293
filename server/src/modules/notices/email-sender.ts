/**
 * Notices [varsler] by e-mail, when the installation has an SMTP server (GRUNNMUR_SMTP_URL). The
 * notice table is the outbox: a sweep sends each recent, unread, not yet e-mailed notice to its
 * person's address and stamps it, so a notice is e-mailed once even with several server instances
 * (rows are locked while sent) and a failed send is tried again by the next sweep.
 */
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Executor } from '../../platform/database/connection.ts';
import { inTenant, systemActor } from '../../platform/database/tenant-scope.ts';
import { identityNotices } from '../identity/tables.ts';
import { tenants } from '../tenants/tables.ts';
import { noticeEmail } from './email-message.ts';

export interface MailSettings {
  /** smtp://user:password@host:port or smtps://… */
  url: string;
  from: string;
  /** Where the web app is, for the links in the e-mails. */
  publicUrl: string;
}

export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

/** nodemailer, loaded only when mail is configured so the server's start does not pay for it. */
export async function createMailTransport(url: string): Promise<MailTransport> {
  const nodemailer = await import('nodemailer');
  return nodemailer.createTransport(url);
}

interface PendingNotice {
  id: string;
  message: string;
  link: string | null;
  email: string;
  person_name: string;
}

/** Sends what is pending in every municipality; returns how many e-mails went out. */
export async function sendPendingNoticeEmails(db: Executor, transport: MailTransport, settings: MailSettings): Promise<number> {
  let sent = 0;
  for (const tenant of await db.select({ id: tenants.id, name: tenants.name }).from(tenants)) {
    sent += await inTenant(db, systemActor(tenant.id, 'E-postvarsler'), async (tx) => {
      const pending = (
        (await tx.execute(sql`select n.id, n.message, n.link, p.email, p.given_name || ' ' || p.family_name as person_name
          from identity_notices n join persons p on p.id = n.person_id
          where n.emailed_at is null and n.read_at is null and n.created_at > now() - interval '2 days' and p.email is not null
          order by n.created_at limit 100
          for update of n skip locked`)) as unknown as { rows: PendingNotice[] }
      ).rows;
      for (const notice of pending) {
        const content = noticeEmail({ message: notice.message, link: notice.link, personName: notice.person_name, tenantName: tenant.name }, settings.publicUrl);
        await transport.sendMail({ from: settings.from, to: notice.email, ...content });
        await tx.update(identityNotices).set({ emailedAt: new Date() }).where(eq(identityNotices.id, notice.id));
      }
      return pending.length;
    });
  }
  return sent;
}

/** Every minute while the server listens, when mail is configured. */
export function scheduleNoticeEmails(app: FastifyInstance, settings: MailSettings | undefined): void {
  if (!settings) return;
  let timer: NodeJS.Timeout | undefined;
  let transport: Promise<MailTransport> | undefined;
  const sweep = async () => {
    transport ??= createMailTransport(settings.url);
    const sent = await sendPendingNoticeEmails(app.db, await transport, settings);
    if (sent > 0) app.log.info({ sent }, 'notices sent by e-mail');
  };
  app.addHook('onListen', async () => {
    timer = setInterval(() => void sweep().catch((error: unknown) => app.log.error({ err: error }, 'notices could not be e-mailed')), 60_000).unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}
