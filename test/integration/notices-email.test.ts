import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityNotices } from '../../server/src/modules/identity/tables.ts';
import { createMailTransport, sendPendingNoticeEmails, type MailSettings } from '../../server/src/modules/notices/email-sender.ts';
import { notify } from '../../server/src/modules/notices/queries.ts';
import { persons } from '../../server/src/modules/org/tables.ts';
import { inTenant, systemActor } from '../../server/src/platform/database/tenant-scope.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

interface Received {
  to: string[];
  subject: string;
  text: string;
}

/** A real SMTP server on a free loopback port that keeps what it receives. */
async function startSmtp(): Promise<{ url: string; received: Received[]; stop(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: mail.subject ?? '', text: mail.text ?? '' });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('notices by e-mail', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let tenantId: string;
  let settings: MailSettings;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    smtp = await startSmtp();
    settings = { url: smtp.url, from: 'Grunnmur <ikke-svar@demo.kommune.no>', publicUrl: 'https://grunnmur.demo.kommune.no' };
    t = await createTestApp();
    tenantId = await t.createTenant('demo');
    await inTenant(t.database.db, systemActor(tenantId), async (tx) => {
      const [kari, ola] = await tx
        .insert(persons)
        .values([
          { tenantId, employeeNumber: '1', givenName: 'Kari', familyName: 'Nordmann', email: 'kari.nordmann@demo.kommune.no' },
          { tenantId, employeeNumber: '2', givenName: 'Ola', familyName: 'Utenepost' },
        ])
        .returning();
      ids.kari = kari!.id;
      ids.ola = ola!.id;
      await notify(tx, [
        { tenantId, personId: kari!.id, kind: 'guest_ending', message: 'Gjesten Per Konsulent slutter om 14 dager.', link: '/identity/guests' },
        { tenantId, personId: ola!.id, kind: 'guest_ending', message: 'Gjesten Lise Konsulent slutter om 14 dager.', link: null },
      ]);
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('sends a notice to its person over SMTP, once, and stamps it', async () => {
    const transport = await createMailTransport(settings.url);
    expect(await sendPendingNoticeEmails(t.database.db, transport, settings)).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['kari.nordmann@demo.kommune.no']);
    expect(smtp.received[0]!.subject).toBe('Grunnmur: Gjesten Per Konsulent slutter om 14 dager.');
    expect(smtp.received[0]!.text).toContain('Hei Kari Nordmann,');
    expect(smtp.received[0]!.text).toContain('https://grunnmur.demo.kommune.no/identity/guests');

    // The next sweep has nothing left to send.
    expect(await sendPendingNoticeEmails(t.database.db, transport, settings)).toBe(0);
    expect(smtp.received).toHaveLength(1);
    const [stamped] = await inTenant(t.database.db, systemActor(tenantId), (tx) => tx.select().from(identityNotices).where(eq(identityNotices.personId, ids.kari!)));
    expect(stamped!.emailedAt).toBeInstanceOf(Date);
  });

  it('leaves a notice for someone without an e-mail address in the app only', async () => {
    const [notice] = await inTenant(t.database.db, systemActor(tenantId), (tx) => tx.select().from(identityNotices).where(eq(identityNotices.personId, ids.ola!)));
    expect(notice!.emailedAt).toBeNull();
  });

  it('tries again next time when the SMTP server does not answer', async () => {
    await inTenant(t.database.db, systemActor(tenantId), (tx) =>
      notify(tx, [{ tenantId, personId: ids.kari!, kind: 'process_review_due', message: 'Rutinen for byggesøknad skal gjennomgås.', link: '/processes' }]),
    );
    const broken = await createMailTransport('smtp://127.0.0.1:1');
    await expect(sendPendingNoticeEmails(t.database.db, broken, settings)).rejects.toThrow();
    expect(await sendPendingNoticeEmails(t.database.db, await createMailTransport(settings.url), settings)).toBe(1);
    expect(smtp.received.at(-1)!.text).toContain('Rutinen for byggesøknad');
  });
});
