import { appRoles, isAppRole, isTokenOnlyRole, tokenOnlyRoles } from '../../modules/auth/permissions.ts';
import { hashToken, newToken } from '../../modules/auth/secrets.ts';
import { apiTokens } from '../../modules/auth/tables.ts';
import { inTenant } from '../../platform/database/tenant-scope.ts';
import { CliFailure, withTenant } from '../local.ts';
import { say } from '../output.ts';

/** Prints a new bearer token; only its SHA-256 is stored, so it cannot be shown again. */
export async function tokenCommand(action: string | undefined, options: { tenant?: string; role?: string; name?: string }) {
  if (action !== 'create' || !options.tenant || !options.role || !options.name) {
    say('Bruk: grunnmur token create --tenant KORTNAVN --role ROLLE --name NAVN');
    throw new CliFailure();
  }
  const { role, name } = options;
  if (!isAppRole(role) && !isTokenOnlyRole(role)) {
    say(`Ukjent rolle «${role}». Roller: ${[...appRoles, ...tokenOnlyRoles].join(', ')}`);
    throw new CliFailure();
  }
  await withTenant(options.tenant, async (runtime, actor) => {
    const token = newToken('gm_');
    await inTenant(runtime.database.db, actor, (tx) =>
      tx.insert(apiTokens).values({ tenantId: actor.tenantId, name, role, tokenHash: hashToken(token) }),
    );
    process.stdout.write(`${token}\n`);
    say(`API-nøkkel «${name}» med rollen ${role} er laget. Den vises bare nå; bruk den som «Authorization: Bearer …».`);
  });
}
