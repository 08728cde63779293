/**
 * The demo's lifecycle data: username/e-mail templates, a username for every person, a few
 * future changes (some for the demo manager's people, so "Kommende endringer" has content), and
 * two of the guests/consultants with sponsors — one ending soon enough for the sponsor to be reminded.
 */
import { sql } from 'drizzle-orm';
import { addDays, clock } from '../platform/clock.ts';
import type { Executor } from '../platform/database/connection.ts';
import { employments } from '../modules/org/tables.ts';
import { guestSponsorships, identityNotices, identitySettings, scheduledChanges } from '../modules/identity/tables.ts';
import { identityFor } from '../modules/identity/rules/names.ts';
import type { DemoExtension } from './demo-extensions.ts';
import { Random } from './random.ts';

const guestTemplates = [
  { purpose: 'Innføring av nytt sak- og arkivsystem', days: 10 },
  { purpose: 'Hospitering fra nabokommunen', days: 75 },
];

export const identityDemo: DemoExtension = async (tx: Executor, municipality) => {
  const random = new Random(`${municipality.tenant.slug}:identity`);
  const tenantId = municipality.tenant.id;
  const today = clock.today();
  const domain = municipality.persons[0]?.email.split('@')[1] ?? `${municipality.tenant.slug}.kommune.no`;
  const templates = { usernameTemplate: '{given3}{family3}', emailTemplate: '{given}.{family}@{domain}', emailDomain: domain, reservedWords: ['servicedesk', 'ikt', 'postmottak'] };
  await tx.insert(identitySettings).values({ tenantId, ...templates, guestReminderDays: 14 });

  // A username for everyone, unique, in one statement.
  const taken = { usernames: new Set<string>(), emails: new Set(municipality.persons.map((person) => person.email.toLowerCase())) };
  const ids: string[] = [];
  const names: string[] = [];
  for (const person of municipality.persons) {
    const { username } = identityFor(person, templates, taken, { email: person.email });
    taken.usernames.add(username);
    ids.push(person.id);
    names.push(username);
  }
  await tx.execute(sql`update persons set username = u.username
    from unnest(${sql.param(ids)}::uuid[], ${sql.param(names)}::text[]) as u(id, username) where persons.id = u.id`);

  // The demo manager's people: by employment manager, else by the unit they lead.
  const manager = municipality.users.find((user) => user.roles.includes('manager'));
  const ledUnits = new Set(municipality.units.filter((unit) => unit.managerPersonId === manager?.personId).map((unit) => unit.id));
  const current = municipality.employments.filter((e) => e.startDate <= today && (e.endDate === null || e.endDate >= today) && e.isPrimary);
  const theirs = current.filter((e) => e.personId !== manager?.personId && (e.managerPersonId === manager?.personId || (e.managerPersonId === null && ledUnits.has(e.orgUnitId))));
  const others = current.filter((e) => !theirs.includes(e));
  const units = municipality.units.filter((unit) => unit.kind !== 'municipality');
  const creator = 'Demo: HR-avdelingen';
  const changes: (typeof scheduledChanges.$inferInsert)[] = [];
  const [first, second] = theirs;
  if (first) changes.push({ tenantId, personId: first.personId, kind: 'transfer', effectiveDate: addDays(today, 21), newOrgUnitId: random.pick(units).id, note: 'Ønsket overføring etter omorganisering', createdBy: creator });
  if (second) changes.push({ tenantId, personId: second.personId, kind: 'end', effectiveDate: addDays(today, 45), endDate: addDays(today, 45), note: 'Har sagt opp stillingen', createdBy: creator });
  for (let index = 0; index < 3 && others.length > 0; index += 1) {
    const employment = random.pick(others);
    changes.push(
      index === 1
        ? { tenantId, personId: employment.personId, kind: 'position', effectiveDate: addDays(today, random.int(7, 60)), newPositionId: random.pick(municipality.positions).id, createdBy: creator }
        : { tenantId, personId: employment.personId, kind: 'transfer', effectiveDate: addDays(today, random.int(7, 60)), newOrgUnitId: random.pick(units).id, createdBy: creator },
    );
  }
  if (changes.length) await tx.insert(scheduledChanges).values(changes);

  // Two of the generated guests/consultants get a sponsor (the demo manager) and an end date; one
  // ends soon enough for the sponsor to have been reminded.
  const sponsorId = manager?.personId ?? municipality.units[0]!.managerPersonId;
  const outsiders = [
    municipality.persons.find((person) => person.kind === 'consultant'),
    municipality.persons.find((person) => person.kind === 'guest'),
  ].filter((person) => person !== undefined && person.id !== sponsorId);
  for (const [index, outsider] of outsiders.entries()) {
    const template = guestTemplates[index]!;
    const endDate = addDays(today, template.days);
    await tx
      .update(employments)
      .set({ endDate, managerPersonId: sponsorId })
      .where(sql`${employments.personId} = ${outsider!.id} and (${employments.endDate} is null or ${employments.endDate} >= ${today}::date)`);
    const reminded = template.days <= 14;
    await tx.insert(guestSponsorships).values({ tenantId, personId: outsider!.id, sponsorPersonId: sponsorId, endDate, purpose: template.purpose, remindedAt: reminded ? clock.now() : null });
    if (reminded) {
      await tx.insert(identityNotices).values({
        tenantId,
        personId: sponsorId,
        kind: 'guest_ending',
        subjectPersonId: outsider!.id,
        message: `Tilgangen til ${outsider!.givenName} ${outsider!.familyName}, som du er sponsor for, avsluttes ${endDate}. Forleng sluttdatoen om vedkommende fortsatt trenger tilgang.`,
      });
    }
  }
};
