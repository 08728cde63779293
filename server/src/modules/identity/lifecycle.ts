/**
 * Future changes [fremtidige endringer], guests and consultants with sponsors, and renames:
 * the lifecycle work that is not the HR file. `runDueChanges` is what the daily job runs.
 */
import { aliasedTable, and, asc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { addDays, clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/database/connection.ts';
import { inTenant, type Actor } from '../../platform/database/tenant-scope.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import type { JobDefinition } from '../../platform/jobs/job-queue.ts';
import { employments, orgUnits, persons, positions } from '../org/tables.ts';
import { accountUpdatesInTransaction, recomputeNow } from './downstream.ts';
import { getSettings, moveEmployment, openEmployment, rowsOf, takenNames, templatesOf } from './queries.ts';
import { identityFor } from './rules/names.ts';
import { guestSponsorships, identityNotices, scheduledChanges, type scheduledChangeKinds } from './tables.ts';

export type ScheduledChangeKind = (typeof scheduledChangeKinds)[number];

export interface ScheduleInput {
  personId: string;
  kind: ScheduledChangeKind;
  effectiveDate: string;
  newOrgUnitId?: string | null;
  newPositionId?: string | null;
  newManagerPersonId?: string | null;
  note?: string;
}

const invalid = (field: string, message: string) => new AppError('validation_failed', message, [{ field, message }]);

/** Registers a change ahead of time. It is carried out by `runDueChanges` on its date. */
export async function scheduleChange(tx: Executor, actor: Actor, input: ScheduleInput) {
  const today = clock.today();
  if (input.effectiveDate < today) throw invalid('effectiveDate', 'Datoen kan ikke være tilbake i tid');
  const [person] = await tx.select({ id: persons.id }).from(persons).where(eq(persons.id, input.personId));
  if (!person) throw notFound('personen');
  if (!(await openEmployment(tx, input.personId, input.effectiveDate))) {
    throw invalid('effectiveDate', 'Personen har ikke noe arbeidsforhold som gjelder på denne datoen');
  }
  if (input.kind === 'transfer') {
    if (!input.newOrgUnitId) throw invalid('newOrgUnitId', 'Velg enheten personen skal flyttes til');
    const [unit] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, input.newOrgUnitId));
    if (!unit) throw invalid('newOrgUnitId', 'Fant ikke enheten');
  }
  if (input.kind === 'position') {
    if (!input.newPositionId) throw invalid('newPositionId', 'Velg den nye stillingen');
    const [position] = await tx.select({ id: positions.id }).from(positions).where(eq(positions.id, input.newPositionId));
    if (!position) throw invalid('newPositionId', 'Fant ikke stillingen');
  }
  if (input.kind === 'manager') {
    if (!input.newManagerPersonId) throw invalid('newManagerPersonId', 'Velg den nye lederen');
    if (input.newManagerPersonId === input.personId) throw invalid('newManagerPersonId', 'En person kan ikke være sin egen leder');
  }
  const [created] = await tx
    .insert(scheduledChanges)
    .values({
      tenantId: actor.tenantId,
      personId: input.personId,
      kind: input.kind,
      effectiveDate: input.effectiveDate,
      newOrgUnitId: input.kind === 'transfer' ? input.newOrgUnitId! : null,
      newPositionId: input.kind === 'position' || input.kind === 'transfer' ? (input.newPositionId ?? null) : null,
      newManagerPersonId: input.kind === 'manager' || input.kind === 'transfer' ? (input.newManagerPersonId ?? null) : null,
      endDate: input.kind === 'end' ? input.effectiveDate : null,
      note: input.note ?? '',
      createdBy: actor.actorName,
    })
    .returning();
  return created!;
}

export async function cancelChange(tx: Executor, id: string) {
  const [change] = await tx.select().from(scheduledChanges).where(eq(scheduledChanges.id, id));
  if (!change) throw notFound('endringen');
  if (change.state !== 'pending') throw new AppError('conflict', 'Endringen er allerede gjennomført eller avlyst.');
  await tx.update(scheduledChanges).set({ state: 'cancelled', updatedAt: new Date() }).where(eq(scheduledChanges.id, id));
}

/** Pending and done changes with names, for a person, for a manager's people, or for everyone. */
export async function listChanges(tx: Executor, filter: { personId?: string; managerPersonId?: string; state?: 'pending' | 'done' | 'cancelled' }) {
  const today = clock.today();
  const managerFilter = filter.managerPersonId
    ? sql`and sc.person_id in (
        select e.person_id from employments e join org_units u on u.id = e.org_unit_id
        where (e.end_date is null or e.end_date >= ${today}::date)
          and (e.manager_person_id = ${filter.managerPersonId} or (e.manager_person_id is null and u.manager_person_id = ${filter.managerPersonId}))
          and e.person_id <> ${filter.managerPersonId})`
    : sql``;
  return rowsOf<{
    id: string; personId: string; personName: string; kind: ScheduledChangeKind; effectiveDate: string; state: string;
    newUnitName: string | null; newPositionTitle: string | null; newManagerName: string | null; endDate: string | null; note: string; createdBy: string;
  }>(
    tx,
    sql`select sc.id, sc.person_id as "personId", p.given_name || ' ' || p.family_name as "personName", sc.kind,
          sc.effective_date::text as "effectiveDate", sc.state, u.name as "newUnitName", pos.title as "newPositionTitle",
          m.given_name || ' ' || m.family_name as "newManagerName", sc.end_date::text as "endDate", sc.note, sc.created_by as "createdBy"
        from scheduled_changes sc
        join persons p on p.id = sc.person_id
        left join org_units u on u.id = sc.new_org_unit_id
        left join positions pos on pos.id = sc.new_position_id
        left join persons m on m.id = sc.new_manager_person_id
        where true
          ${filter.personId ? sql`and sc.person_id = ${filter.personId}` : sql``}
          ${filter.state ? sql`and sc.state = ${filter.state}` : sql``}
          ${managerFilter}
        order by sc.effective_date, p.family_name, p.given_name
        limit 500`,
  );
}

export interface DueRun {
  today: string;
  changesDone: number;
  changesSkipped: number;
  guestsEnded: number;
  remindersSent: number;
  personIds: string[];
}

/**
 * Carries out every pending change due on or before `today`, ends guests whose end date has
 * passed and reminds sponsors of guests who end soon — in one transaction. Returns the people
 * whose access must be recomputed (after commit).
 */
export async function runDueChanges(db: Executor, actor: Actor, today: string = clock.today()): Promise<DueRun> {
  return inTenant(db, actor, async (tx) => {
    const result: DueRun = { today, changesDone: 0, changesSkipped: 0, guestsEnded: 0, remindersSent: 0, personIds: [] };
    const due = await tx
      .select()
      .from(scheduledChanges)
      .where(and(eq(scheduledChanges.state, 'pending'), lte(scheduledChanges.effectiveDate, today)))
      .orderBy(asc(scheduledChanges.effectiveDate), asc(scheduledChanges.createdAt))
      .for('update', { skipLocked: true });
    for (const change of due) {
      const employmentId = await openEmployment(tx, change.personId, change.effectiveDate);
      if (!employmentId) {
        await tx.update(scheduledChanges).set({ state: 'cancelled', note: `${change.note} (Avlyst: ingen aktive arbeidsforhold på datoen)`.trim(), updatedAt: new Date() }).where(eq(scheduledChanges.id, change.id));
        result.changesSkipped += 1;
        continue;
      }
      switch (change.kind) {
        case 'transfer':
          await moveEmployment(tx, actor.tenantId, employmentId, change.effectiveDate, {
            orgUnitId: change.newOrgUnitId!,
            ...(change.newPositionId ? { positionId: change.newPositionId } : {}),
            // In the new unit the unit's leader is the manager unless one was named.
            managerPersonId: change.newManagerPersonId ?? null,
          });
          break;
        case 'position':
          await moveEmployment(tx, actor.tenantId, employmentId, change.effectiveDate, { positionId: change.newPositionId });
          break;
        case 'manager':
          await tx.update(employments).set({ managerPersonId: change.newManagerPersonId, updatedAt: new Date() }).where(eq(employments.id, employmentId));
          break;
        case 'end':
          await tx.update(employments).set({ endDate: change.endDate ?? change.effectiveDate, updatedAt: new Date() }).where(eq(employments.id, employmentId));
          break;
      }
      await tx.update(scheduledChanges).set({ state: 'done', doneAt: clock.now(), updatedAt: new Date() }).where(eq(scheduledChanges.id, change.id));
      result.changesDone += 1;
      result.personIds.push(change.personId);
    }

    // Guests and consultants past their end date: no employment outlives the sponsorship.
    const ended = await tx.select().from(guestSponsorships).where(and(isNull(guestSponsorships.endedAt), sql`${guestSponsorships.endDate} < ${today}::date`));
    for (const guest of ended) {
      await tx
        .update(employments)
        .set({ endDate: guest.endDate, updatedAt: new Date() })
        .where(and(eq(employments.personId, guest.personId), or(isNull(employments.endDate), sql`${employments.endDate} > ${guest.endDate}::date`)));
      await tx.update(guestSponsorships).set({ endedAt: clock.now(), updatedAt: new Date() }).where(eq(guestSponsorships.id, guest.id));
      result.guestsEnded += 1;
      result.personIds.push(guest.personId);
    }

    // Sponsors are reminded once, a number of days before the end (an in-app notice; no e-mail yet).
    const settings = await getSettings(tx, actor.tenantId);
    const horizon = addDays(today, settings.guestReminderDays);
    const guest = aliasedTable(persons, 'guest');
    const soon = await tx
      .select({ id: guestSponsorships.id, personId: guestSponsorships.personId, sponsorPersonId: guestSponsorships.sponsorPersonId, endDate: guestSponsorships.endDate, givenName: guest.givenName, familyName: guest.familyName })
      .from(guestSponsorships)
      .innerJoin(guest, eq(guest.id, guestSponsorships.personId))
      .where(and(isNull(guestSponsorships.remindedAt), isNull(guestSponsorships.endedAt), lte(guestSponsorships.endDate, horizon), gte(guestSponsorships.endDate, today)));
    for (const row of soon) {
      await tx.insert(identityNotices).values({
        tenantId: actor.tenantId,
        personId: row.sponsorPersonId,
        kind: 'guest_ending',
        subjectPersonId: row.personId,
        message: `Tilgangen til ${row.givenName} ${row.familyName}, som du er sponsor for, avsluttes ${row.endDate}. Forleng sluttdatoen om vedkommende fortsatt trenger tilgang.`,
      });
      await tx.update(guestSponsorships).set({ remindedAt: clock.now(), updatedAt: new Date() }).where(eq(guestSponsorships.id, row.id));
      result.remindersSent += 1;
    }
    result.personIds = [...new Set(result.personIds)];
    return result;
  });
}

/** The daily job: what is due today, then recompute (after the commit). */
export const dailyLifecycleJob: JobDefinition<Record<string, never>> = {
  name: 'identity-daily',
  payload: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  async handle(_payload, context) {
    const result = await runDueChanges(context.database.db, context.actor, clock.today());
    await recomputeNow(context.database.db, context.actor, result.personIds);
    return { ...result, personIds: result.personIds.length };
  },
};

export interface GuestInput {
  givenName: string;
  familyName: string;
  kind: 'guest' | 'consultant';
  sponsorPersonId: string;
  orgUnitId: string;
  startDate?: string;
  endDate: string;
  purpose?: string;
  employeeNumber?: string;
}

/** Registers a guest or consultant: person, employment until the end date, sponsorship. */
export async function registerGuest(tx: Executor, actor: Actor, input: GuestInput) {
  const today = clock.today();
  const startDate = input.startDate ?? today;
  if (input.endDate < startDate) throw invalid('endDate', 'Sluttdatoen kan ikke være før startdatoen');
  if (input.endDate < today) throw invalid('endDate', 'Sluttdatoen kan ikke være tilbake i tid');
  const [sponsor] = await tx.select({ id: persons.id }).from(persons).where(eq(persons.id, input.sponsorPersonId));
  if (!sponsor) throw invalid('sponsorPersonId', 'Fant ikke sponsoren');
  const [unit] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, input.orgUnitId));
  if (!unit) throw invalid('orgUnitId', 'Fant ikke enheten');
  const employeeNumber = input.employeeNumber?.trim() || `${input.kind === 'guest' ? 'G' : 'K'}-${crypto.randomUUID().slice(0, 8)}`;
  const [clash] = await tx.select({ id: persons.id }).from(persons).where(eq(persons.employeeNumber, employeeNumber));
  if (clash) throw new AppError('conflict', `Nummeret ${employeeNumber} er allerede i bruk.`, [{ field: 'employeeNumber', message: 'Nummeret er i bruk' }]);
  const settings = await getSettings(tx, actor.tenantId);
  const identity = identityFor(input, templatesOf(settings), await takenNames(tx));
  const [person] = await tx
    .insert(persons)
    .values({ tenantId: actor.tenantId, employeeNumber, givenName: input.givenName, familyName: input.familyName, kind: input.kind, username: identity.username, email: identity.email })
    .returning();
  await tx.insert(employments).values({ tenantId: actor.tenantId, personId: person!.id, orgUnitId: input.orgUnitId, managerPersonId: input.sponsorPersonId, startDate, endDate: input.endDate, isPrimary: true });
  const [sponsorship] = await tx
    .insert(guestSponsorships)
    .values({ tenantId: actor.tenantId, personId: person!.id, sponsorPersonId: input.sponsorPersonId, endDate: input.endDate, purpose: input.purpose ?? '' })
    .returning();
  return { person: person!, sponsorship: sponsorship! };
}

/** A new end date for a guest (before or after the old one); the employment follows. */
export async function extendGuest(tx: Executor, personId: string, endDate: string) {
  if (endDate < clock.today()) throw invalid('endDate', 'Sluttdatoen kan ikke være tilbake i tid');
  const [sponsorship] = await tx.select().from(guestSponsorships).where(eq(guestSponsorships.personId, personId));
  if (!sponsorship) throw notFound('gjesten');
  await tx.update(guestSponsorships).set({ endDate, remindedAt: null, endedAt: null, updatedAt: new Date() }).where(eq(guestSponsorships.id, sponsorship.id));
  await tx.update(employments).set({ endDate, updatedAt: new Date() }).where(and(eq(employments.personId, personId), eq(employments.endDate, sponsorship.endDate)));
}

export async function listGuests(tx: Executor, filter: { sponsorPersonId?: string } = {}) {
  return rowsOf<{ personId: string; name: string; kind: string; username: string | null; email: string | null; sponsorPersonId: string; sponsorName: string; endDate: string; purpose: string; remindedAt: string | null; endedAt: string | null; unitName: string | null }>(
    tx,
    sql`select g.person_id as "personId", p.given_name || ' ' || p.family_name as name, p.kind, p.username, p.email,
          g.sponsor_person_id as "sponsorPersonId", s.given_name || ' ' || s.family_name as "sponsorName",
          g.end_date::text as "endDate", g.purpose, to_char(g.reminded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "remindedAt",
          to_char(g.ended_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "endedAt",
          (select u.name from employments e join org_units u on u.id = e.org_unit_id where e.person_id = g.person_id order by e.start_date desc limit 1) as "unitName"
        from guest_sponsorships g join persons p on p.id = g.person_id join persons s on s.id = g.sponsor_person_id
        where true ${filter.sponsorPersonId ? sql`and g.sponsor_person_id = ${filter.sponsorPersonId}` : sql``}
        order by g.end_date, p.family_name limit 500`,
  );
}

export async function listNotices(tx: Executor, personId: string) {
  return tx.select().from(identityNotices).where(eq(identityNotices.personId, personId)).orderBy(sql`${identityNotices.createdAt} desc`).limit(100);
}

/**
 * A new name [nytt om navn]: the username and e-mail follow the tenant's templates (the audit log
 * keeps the old ones), and provisioning is told to rename the accounts.
 */
export async function renamePerson(tx: Executor, actor: Actor, personId: string, name: { givenName: string; familyName: string }) {
  const [person] = await tx.select().from(persons).where(eq(persons.id, personId));
  if (!person) throw notFound('personen');
  const settings = await getSettings(tx, actor.tenantId);
  const identity = identityFor(name, templatesOf(settings), await takenNames(tx), { username: person.username, email: person.email });
  const [updated] = await tx
    .update(persons)
    .set({ givenName: name.givenName, familyName: name.familyName, username: identity.username, email: identity.email, updatedAt: new Date() })
    .where(eq(persons.id, personId))
    .returning();
  await accountUpdatesInTransaction(tx, [personId]);
  return { before: { username: person.username, email: person.email }, after: { username: updated!.username, email: updated!.email } };
}

/** Gives every person without a username one (and an e-mail when they have none). */
export async function assignMissingIdentities(tx: Executor, actor: Actor): Promise<number> {
  const settings = await getSettings(tx, actor.tenantId);
  const templates = templatesOf(settings);
  const taken = await takenNames(tx);
  const missing = await tx.select().from(persons).where(isNull(persons.username));
  for (const person of missing) {
    const identity = identityFor(person, templates, taken, { email: person.email });
    taken.usernames.add(identity.username);
    taken.emails.add(identity.email);
    await tx.update(persons).set({ username: identity.username, email: person.email ?? identity.email, updatedAt: new Date() }).where(eq(persons.id, person.id));
  }
  return missing.length;
}

