import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import { persons } from '../org/tables.ts';
import { OidcError, type OidcIdentity } from './oidc.ts';
import { users } from './tables.ts';

/** The role a person gets on first sign-in; admins grant more. */
export const firstSignInRoles = ['employee'];

export interface SignedInUser {
  id: string;
  tenantId: string;
  displayName: string;
}

/**
 * Finds the user the provider vouched for, inside one tenant (`tx` runs under its row-level
 * security): by (issuer, subject); else by email, linking that user to the identity; else a new
 * user, tied to the person with that email when there is exactly one.
 */
export async function findOrCreateOidcUser(tx: Executor, tenantId: string, identity: OidcIdentity): Promise<SignedInUser> {
  const columns = { id: users.id, tenantId: users.tenantId, displayName: users.displayName };
  const [known] = await tx
    .select(columns)
    .from(users)
    .where(and(eq(users.oidcIssuer, identity.issuer), eq(users.oidcSubject, identity.subject)));
  if (known) return known;

  // An address the provider itself says is unverified proves nothing about who this is.
  const email = identity.email && identity.emailVerified !== false ? identity.email : null;
  if (email) {
    const [byEmail] = await tx
      .select({ ...columns, oidcSubject: users.oidcSubject })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${email})`);
    if (byEmail) {
      if (byEmail.oidcSubject) {
        throw new OidcError('oidc_account_conflict', 'A user with this email is already linked to another OIDC identity');
      }
      await tx.update(users).set({ oidcIssuer: identity.issuer, oidcSubject: identity.subject, updatedAt: new Date() }).where(eq(users.id, byEmail.id));
      return { id: byEmail.id, tenantId: byEmail.tenantId, displayName: byEmail.displayName };
    }
  }

  const matches = email
    ? await tx.select({ id: persons.id }).from(persons).where(sql`lower(${persons.email}) = lower(${email})`).limit(2)
    : [];
  const personId = matches.length === 1 ? matches[0]!.id : null;
  if (personId) {
    // The person may already have a user (a demo user, say) that simply has no email yet.
    const [byPerson] = await tx.select({ ...columns, oidcSubject: users.oidcSubject }).from(users).where(eq(users.personId, personId)).limit(1);
    if (byPerson?.oidcSubject) {
      throw new OidcError('oidc_account_conflict', 'The person with this email already signs in with another OIDC identity');
    }
    if (byPerson) {
      await tx.update(users).set({ oidcIssuer: identity.issuer, oidcSubject: identity.subject, updatedAt: new Date() }).where(eq(users.id, byPerson.id));
      return { id: byPerson.id, tenantId: byPerson.tenantId, displayName: byPerson.displayName };
    }
  }

  const [created] = await tx
    .insert(users)
    .values({
      tenantId,
      personId,
      email,
      displayName: identity.displayName,
      roles: firstSignInRoles,
      oidcIssuer: identity.issuer,
      oidcSubject: identity.subject,
    })
    .returning(columns);
  return created!;
}
