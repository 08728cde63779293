import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantOwned, timestamps } from '../../platform/database/columns.ts';
import { orgUnits, persons, positions } from '../org/tables.ts';

export const scheduledChangeKinds = ['transfer', 'position', 'end', 'manager'] as const;
export const scheduledChangeStates = ['pending', 'done', 'cancelled'] as const;

/**
 * A future change [fremtidig endring] to a person's employment, registered ahead of time and
 * carried out by the daily job on its effective date.
 */
export const scheduledChanges = pgTable(
  'scheduled_changes',
  {
    ...tenantOwned,
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: scheduledChangeKinds }).notNull(),
    effectiveDate: date('effective_date').notNull(),
    newOrgUnitId: uuid('new_org_unit_id').references(() => orgUnits.id, { onDelete: 'cascade' }),
    newPositionId: uuid('new_position_id').references(() => positions.id, { onDelete: 'cascade' }),
    newManagerPersonId: uuid('new_manager_person_id').references(() => persons.id, { onDelete: 'cascade' }),
    /** For kind 'end': the last day of the employment. */
    endDate: date('end_date'),
    note: text('note').notNull().default(''),
    state: text('state', { enum: scheduledChangeStates }).notNull().default('pending'),
    createdBy: text('created_by').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    index('scheduled_changes_due_idx').on(table.tenantId, table.state, table.effectiveDate),
    index('scheduled_changes_person_idx').on(table.tenantId, table.personId),
  ],
);

/** Per tenant: how usernames and e-mail addresses are made, and which words they must avoid. */
export const identitySettings = pgTable(
  'identity_settings',
  {
    ...tenantOwned,
    usernameTemplate: text('username_template').notNull().default('{given3}{family3}'),
    emailTemplate: text('email_template').notNull().default('{given}.{family}@{domain}'),
    emailDomain: text('email_domain').notNull().default('kommune.no'),
    reservedWords: jsonb('reserved_words').$type<string[]>().notNull().default([]),
    /** How many days before a guest's end date the sponsor is reminded. */
    guestReminderDays: integer('guest_reminder_days').notNull().default(14),
    ...timestamps,
  },
  (table) => [uniqueIndex('identity_settings_tenant_idx').on(table.tenantId)],
);

/** A guest or consultant's sponsor [sponsor] and mandatory end date. */
export const guestSponsorships = pgTable(
  'guest_sponsorships',
  {
    ...tenantOwned,
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    sponsorPersonId: uuid('sponsor_person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'restrict' }),
    endDate: date('end_date').notNull(),
    purpose: text('purpose').notNull().default(''),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('guest_sponsorships_person_idx').on(table.tenantId, table.personId),
    index('guest_sponsorships_sponsor_idx').on(table.tenantId, table.sponsorPersonId),
  ],
);

/**
 * An in-app notice [varsel] for a person: a sponsor's reminder that a guest's access ends soon, a
 * process owner's yearly review, a process version sent to review, approved or published. The one
 * notice table of the app (it began in identity); modules/notices writes and shows them (the bell).
 */
export const identityNotices = pgTable(
  'identity_notices',
  {
    ...tenantOwned,
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    subjectPersonId: uuid('subject_person_id').references(() => persons.id, { onDelete: 'cascade' }),
    message: text('message').notNull(),
    /** Where in the web app the notice leads, e.g. "/processes/…"; null when nowhere in particular. */
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** When the notice was also sent by e-mail (only when SMTP is configured); null while not sent. */
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [index('identity_notices_person_idx').on(table.tenantId, table.personId)],
);

export const hrImportStates = ['previewed', 'applying', 'applied', 'discarded'] as const;

/** One upload of the full HR file: the computed difference, shown before it takes effect. */
export const hrImportRuns = pgTable(
  'hr_import_runs',
  {
    ...tenantOwned,
    fileName: text('file_name').notNull(),
    state: text('state', { enum: hrImportStates }).notNull().default('previewed'),
    /** The HR-day the diff was computed against (clock.today()). */
    asOf: date('as_of').notNull(),
    counts: jsonb('counts').$type<Record<string, number>>().notNull(),
    diff: jsonb('diff').notNull(),
    warning: text('warning'),
    createdBy: text('created_by').notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    jobId: uuid('job_id'),
    ...timestamps,
  },
  (table) => [index('hr_import_runs_created_idx').on(table.tenantId, table.createdAt)],
);
