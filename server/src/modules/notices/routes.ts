import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { asCaller } from '../auth/request-context.ts';
import { scheduleNoticeEmails } from './email-sender.ts';
import { markAllRead, markRead, myNotices } from './queries.ts';

const tags = ['Varsler'];
const notice = z.object({ id: z.uuid(), kind: z.string(), message: z.string(), link: z.string().nullable(), createdAt: z.string(), read: z.boolean() });
const noticeList = z.object({ unread: z.number().int(), items: z.array(notice) });
const idParams = z.object({ id: z.uuid({ message: 'Ugyldig id' }) });

/**
 * My notices [varsler] — the bell in the header: yearly process reviews, versions sent to review,
 * approved, returned or published, guests whose access ends. Every signed-in person has their own.
 */
export const noticeRoutes: FastifyPluginAsyncZod = async (app) => {
  scheduleNoticeEmails(app, app.config.mail && { ...app.config.mail, publicUrl: app.config.publicUrl });
  app.get(
    '/notices',
    { schema: { tags, summary: 'My newest notices and how many are unread', response: { 200: noticeList } } },
    (request) => asCaller(request, 'org:read', (tx, auth) => myNotices(tx, auth.user.personId)),
  );

  app.post(
    '/notices/:id/read',
    { schema: { tags, summary: 'Mark one of my notices as read', params: idParams, response: { 200: noticeList } } },
    (request) =>
      asCaller(request, 'org:read', async (tx, auth) => {
        await markRead(tx, auth.user.personId, request.params.id);
        return myNotices(tx, auth.user.personId);
      }),
  );

  app.post(
    '/notices/read-all',
    { schema: { tags, summary: 'Mark all my notices as read', response: { 200: noticeList } } },
    (request) =>
      asCaller(request, 'org:read', async (tx, auth) => {
        await markAllRead(tx, auth.user.personId);
        return myNotices(tx, auth.user.personId);
      }),
  );
};
