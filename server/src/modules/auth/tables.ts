import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantOwned, timestamps } from '../../platform/database/columns.ts';
import { persons } from '../org/tables.ts';

/** Someone who can sign in. Usually a person in the organisation; roles are application roles. */
export const users = pgTable(
  'users',
  {
    ...tenantOwned,
    personId: uuid('person_id').references(() => persons.id, { onDelete: 'set null' }),
    email: text('email'),
    displayName: text('display_name').notNull(),
    roles: text('roles').array().notNull().default([]),
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('users_oidc_idx').on(table.tenantId, table.oidcIssuer, table.oidcSubject),
    uniqueIndex('users_email_idx').on(table.tenantId, table.email),
  ],
);

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** A bearer token for an integration. Only its SHA-256 is stored. */
export const apiTokens = pgTable('api_tokens', {
  ...tenantOwned,
  name: text('name').notNull(),
  role: text('role').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});
