/** Builds the connector a system's settings describe. */
import { ConnectorError, type Connector } from './types.ts';
import { LdapConnector, ldapSecretsSchema, ldapSettingsSchema } from './ldap.ts';
import { ScimConnector, scimSecretsSchema, scimSettingsSchema } from './scim.ts';

export function createConnector(kind: string, settings: unknown, secrets: unknown): Connector {
  if (kind === 'ldap') {
    const parsed = ldapSettingsSchema.safeParse(settings);
    if (!parsed.success) throw new ConnectorError(`LDAP-innstillingene er ufullstendige: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`, true);
    return new LdapConnector(parsed.data, ldapSecretsSchema.parse({ bindPassword: '', ...(secrets as object) }));
  }
  if (kind === 'scim') {
    const parsed = scimSettingsSchema.safeParse(settings);
    if (!parsed.success) throw new ConnectorError(`SCIM-innstillingene er ufullstendige: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`, true);
    return new ScimConnector(parsed.data, scimSecretsSchema.parse({ bearerToken: '', ...(secrets as object) }));
  }
  throw new ConnectorError(`Systemet har koblingstypen «${kind}», som ikke utføres automatisk`, true);
}
