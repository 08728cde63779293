import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clock } from '../../platform/clock.ts';
import { scheduleDailyPerTenant } from '../../platform/jobs/daily-per-tenant.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { asCaller, authorize, requireAuth } from '../auth/request-context.ts';
import { can } from '../auth/permissions.ts';
import { persons } from '../org/tables.ts';
import { eq } from 'drizzle-orm';
import { recomputeAfterCommit } from './downstream.ts';
import { claimHrRun, discardHrRun, getHrRun, hrApplyJob, listHrRuns, previewHrFile, setRunJob } from './hr-import.ts';
import {
  assignMissingIdentities,
  cancelChange,
  dailyLifecycleJob,
  extendGuest,
  listChanges,
  listGuests,
  listNotices,
  registerGuest,
  renamePerson,
  runDueChanges,
  scheduleChange,
} from './lifecycle.ts';
import { getSettings } from './queries.ts';
import { checkTemplate } from './rules/names.ts';
import * as schemas from './schemas.ts';
import { guestSponsorships, identitySettings } from './tables.ts';

const tags = ['Identitet og livsløp'];

/** A signed-in user's own person, for "mine" views; a user without one sees nothing of theirs. */
function ownPerson(personId: string | null): string {
  if (!personId) throw new AppError('forbidden', 'Brukeren din er ikke koblet til en person i organisasjonen.');
  return personId;
}

/** Identity lifecycle [livsløp]: the HR file, future changes, usernames, guests and consultants. */
export const identityRoutes: FastifyPluginAsyncZod = async (app) => {
  scheduleDailyPerTenant(app, {
    job: dailyLifecycleJob,
    actorName: 'Livsløp (daglig kjøring)',
    firstCheckAfterMs: 60 * 1000,
    switchedOffBy: 'GRUNNMUR_LIFECYCLE_DAILY',
  });

  // — The HR file —
  app.post(
    '/identity/hr/preview',
    {
      schema: {
        tags,
        summary: 'Check the full HR file and show joiners, movers, leavers and name changes (multipart, field `file`)',
        consumes: ['multipart/form-data'],
        response: { 200: schemas.hrPreview },
      },
    },
    async (request) => {
      const auth = authorize(request, 'identity:manage');
      const part = await request.file();
      if (!part) throw new AppError('validation_failed', 'Legg ved HR-filen (CSV eller XLSX) i feltet «file».');
      const extension = part.filename.includes('.') ? part.filename.toLowerCase().split('.').pop() : undefined;
      if (extension && !['csv', 'xlsx', 'txt'].includes(extension)) {
        throw new AppError('validation_failed', `Filtypen .${extension} kan ikke leses. Bruk CSV eller XLSX (Excel-arbeidsbok).`);
      }
      return previewHrFile(app.db, auth.actor, await part.toBuffer(), part.filename || 'hr.csv');
    },
  );

  app.get('/identity/hr/runs', { schema: { tags, summary: 'The latest HR file runs', response: { 200: schemas.hrRunList } } }, async (request) => {
    const auth = authorize(request, 'identity:manage');
    return listHrRuns(app.db, auth.actor);
  });

  app.get('/identity/hr/runs/:id', { schema: { tags, summary: 'One HR run with its difference', params: schemas.idParams, response: { 200: schemas.hrPreview } } }, async (request) => {
    const auth = authorize(request, 'identity:manage');
    return getHrRun(app.db, auth.actor, request.params.id);
  });

  app.post(
    '/identity/hr/runs/:id/apply',
    { schema: { tags, summary: 'Apply a previewed HR run in the background; poll GET /api/jobs/{id}', params: schemas.idParams, response: { 202: schemas.jobAccepted } } },
    async (request, reply) => {
      const auth = authorize(request, 'identity:manage');
      await claimHrRun(app.db, auth.actor, request.params.id);
      // Sent after the claim's transaction: on PGlite a send from inside it would wait for itself.
      const jobId = await app.jobs.send(hrApplyJob, auth.actor, { runId: request.params.id });
      await setRunJob(app.db, auth.actor, request.params.id, jobId);
      return reply.status(202).send({ jobId });
    },
  );

  app.post('/identity/hr/runs/:id/discard', { schema: { tags, summary: 'Discard a previewed HR run', params: schemas.idParams, response: { 204: z.null() } } }, async (request, reply) => {
    const auth = authorize(request, 'identity:manage');
    await discardHrRun(app.db, auth.actor, request.params.id);
    return reply.status(204).send(null);
  });

  // — Future changes —
  app.get(
    '/identity/scheduled-changes',
    { schema: { tags, summary: 'Future changes: for a person, for my people (scope=mine) or all', querystring: schemas.changesQuery, response: { 200: z.array(schemas.scheduledChange) } } },
    (request) =>
      asCaller(request, 'org:read', (tx, auth) => {
        const { personId, scope, state } = request.query;
        if (scope === 'mine') return listChanges(tx, { managerPersonId: ownPerson(auth.user.personId), state, personId });
        // Everyone may see a person's own coming changes on the person page; the full list is for those who schedule.
        if (!personId && !can(auth.user.roles, 'identity:schedule')) throw new AppError('forbidden');
        return listChanges(tx, { personId, state });
      }),
  );

  app.post(
    '/identity/scheduled-changes',
    { schema: { tags, summary: 'Register a transfer, new position, new manager or end date ahead of time', body: schemas.scheduleInput, response: { 201: z.object({ id: z.uuid() }) } } },
    async (request, reply) => {
      const created = await asCaller(request, 'identity:schedule', (tx, auth) => scheduleChange(tx, auth.actor, request.body));
      return reply.status(201).send({ id: created.id });
    },
  );

  app.post('/identity/scheduled-changes/:id/cancel', { schema: { tags, summary: 'Cancel a pending change', params: schemas.idParams, response: { 204: z.null() } } }, async (request, reply) => {
    await asCaller(request, 'identity:schedule', (tx) => cancelChange(tx, request.params.id));
    return reply.status(204).send(null);
  });

  app.post(
    '/identity/scheduled-changes/run',
    { schema: { tags, summary: 'Carry out what is due today now (the daily job does this by itself)', response: { 200: schemas.dueRun } } },
    async (request) => {
      const auth = authorize(request, 'identity:manage');
      const result = await runDueChanges(app.db, auth.actor, clock.today());
      await recomputeAfterCommit(app.jobs, auth.actor, result.personIds);
      return result;
    },
  );

  // — Usernames and e-mail —
  app.get('/identity/settings', { schema: { tags, summary: 'Username and e-mail templates, reserved words', response: { 200: schemas.settings } } }, (request) =>
    asCaller(request, 'identity:manage', async (tx, auth) => {
      const stored = await getSettings(tx, auth.tenant.id);
      return { usernameTemplate: stored.usernameTemplate, emailTemplate: stored.emailTemplate, emailDomain: stored.emailDomain, reservedWords: stored.reservedWords, guestReminderDays: stored.guestReminderDays };
    }),
  );

  app.put('/identity/settings', { schema: { tags, summary: 'Change the templates and reserved words', body: schemas.settings, response: { 200: schemas.settings } } }, (request) =>
    asCaller(request, 'identity:manage', async (tx, auth) => {
      const body = request.body;
      const problems = [
        ...checkTemplate(body.usernameTemplate, 'username').map((message) => ({ field: 'usernameTemplate', message })),
        ...checkTemplate(body.emailTemplate, 'email').map((message) => ({ field: 'emailTemplate', message })),
      ];
      if (problems.length) throw new AppError('validation_failed', 'Malen kan ikke brukes.', problems);
      await tx
        .insert(identitySettings)
        .values({ tenantId: auth.tenant.id, ...body })
        .onConflictDoUpdate({ target: identitySettings.tenantId, set: { ...body, updatedAt: new Date() } });
      return body;
    }),
  );

  app.post('/identity/assign-usernames', { schema: { tags, summary: 'Give everyone without a username one', response: { 200: z.object({ assigned: z.number() }) } } }, (request) =>
    asCaller(request, 'identity:manage', async (tx, auth) => ({ assigned: await assignMissingIdentities(tx, auth.actor) })),
  );

  app.post(
    '/identity/persons/:id/name',
    { schema: { tags, summary: 'A new name [nytt om navn]: username and e-mail follow, accounts are renamed', params: schemas.idParams, body: schemas.renameInput, response: { 200: schemas.renameResult } } },
    async (request) => {
      const result = await asCaller(request, 'org:write', (tx, auth) => renamePerson(tx, auth.actor, request.params.id, request.body));
      await recomputeAfterCommit(app.jobs, requireAuth(request).actor, [request.params.id]);
      return result;
    },
  );

  app.get('/identity/persons/:id', { schema: { tags, summary: "A person's username, e-mail and sponsorship", params: schemas.idParams, response: { 200: schemas.personIdentity } } }, (request) =>
    asCaller(request, 'org:read', async (tx) => {
      const [person] = await tx.select({ username: persons.username, email: persons.email, kind: persons.kind }).from(persons).where(eq(persons.id, request.params.id));
      if (!person) throw new AppError('not_found', 'Fant ikke personen.');
      const [sponsored] = await tx.select({ id: guestSponsorships.id }).from(guestSponsorships).where(eq(guestSponsorships.personId, request.params.id));
      const guest = sponsored ? ((await listGuests(tx)).find((row) => row.personId === request.params.id) ?? null) : null;
      return { ...person, guest };
    }),
  );

  // — Guests and consultants —
  app.get('/identity/guests', { schema: { tags, summary: 'Guests and consultants with sponsor and end date', querystring: schemas.guestsQuery, response: { 200: z.array(schemas.guest) } } }, (request) =>
    asCaller(request, 'org:read', (tx, auth) => {
      if (request.query.scope === 'mine') return listGuests(tx, { sponsorPersonId: ownPerson(auth.user.personId) });
      if (!can(auth.user.roles, 'identity:schedule')) throw new AppError('forbidden');
      return listGuests(tx);
    }),
  );

  app.post(
    '/identity/guests',
    { schema: { tags, summary: 'Register a guest or consultant with a sponsor and a mandatory end date', body: schemas.guestInput, response: { 201: z.object({ personId: z.uuid(), username: z.string().nullable(), email: z.string().nullable() }) } } },
    async (request, reply) => {
      const created = await asCaller(request, 'identity:schedule', (tx, auth) => registerGuest(tx, auth.actor, request.body));
      await recomputeAfterCommit(app.jobs, requireAuth(request).actor, [created.person.id]);
      return reply.status(201).send({ personId: created.person.id, username: created.person.username, email: created.person.email });
    },
  );

  app.post('/identity/guests/:id/end-date', { schema: { tags, summary: "Move a guest's end date", params: schemas.idParams, body: schemas.endDateInput, response: { 204: z.null() } } }, async (request, reply) => {
    await asCaller(request, 'identity:schedule', (tx) => extendGuest(tx, request.params.id, request.body.endDate));
    await recomputeAfterCommit(app.jobs, requireAuth(request).actor, [request.params.id]);
    return reply.status(204).send(null);
  });

  app.get('/identity/notices', { schema: { tags, summary: 'My notices (a sponsor is reminded before a guest ends)', response: { 200: z.array(schemas.notice) } } }, (request) =>
    asCaller(request, 'org:read', async (tx, auth) => {
      if (!auth.user.personId) return [];
      return listNotices(tx, auth.user.personId);
    }),
  );
};

