/**
 * The schemas this server speaks (RFC 7643 §4, §8.7): the core User and Group and the Enterprise
 * User extension, described by the attributes Grunnmur actually stores. /Schemas serves these
 * documents, and the same definitions tell the filter, sort and PATCH code which attributes are
 * multi-valued and which compare case-exactly.
 */
export const userSchemaId = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const groupSchemaId = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const enterpriseSchemaId = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const listResponseSchema = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const patchOpSchema = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const searchRequestSchema = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';
export const schemaSchemaId = 'urn:ietf:params:scim:schemas:core:2.0:Schema';
export const resourceTypeSchemaId = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
export const serviceProviderConfigSchemaId = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';

export interface AttributeDefinition {
  name: string;
  type: 'string' | 'boolean' | 'complex' | 'dateTime' | 'reference' | 'integer' | 'decimal';
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  returned: 'always' | 'never' | 'default' | 'request';
  uniqueness: 'none' | 'server' | 'global';
  subAttributes?: AttributeDefinition[];
  referenceTypes?: string[];
  canonicalValues?: string[];
}

function attribute(name: string, description: string, options: Partial<AttributeDefinition> = {}): AttributeDefinition {
  return {
    name,
    type: 'string',
    multiValued: false,
    description,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...options,
  };
}

const userAttributes: AttributeDefinition[] = [
  attribute('userName', 'Unique identifier for the User; stored as the person\'s username in Grunnmur.', { required: true, uniqueness: 'server' }),
  attribute('name', 'The components of the user\'s name.', {
    type: 'complex',
    subAttributes: [
      attribute('formatted', 'The full name (read from given and family name).', { mutability: 'readOnly' }),
      attribute('familyName', 'The family name of the User.'),
      attribute('givenName', 'The given name of the User.'),
    ],
  }),
  attribute('displayName', 'The name of the User, suitable for display (given and family name).', { mutability: 'readOnly' }),
  attribute('title', 'The user\'s position title in the primary employment.'),
  attribute('active', 'Whether the person is employed. false ends the person\'s employments (a leaver).', { type: 'boolean' }),
  attribute('emails', 'E-mail address of the User. Grunnmur keeps one (the primary or work address).', {
    multiValued: true,
    type: 'complex',
    subAttributes: [
      attribute('value', 'E-mail address.'),
      attribute('type', 'work, home or other.', { canonicalValues: ['work', 'home', 'other'] }),
      attribute('primary', 'Whether this is the primary address.', { type: 'boolean' }),
    ],
  }),
  attribute('groups', 'The groups the User belongs to (change them through the Group resource).', {
    multiValued: true,
    type: 'complex',
    mutability: 'readOnly',
    subAttributes: [
      attribute('value', 'The id of the Group.', { mutability: 'readOnly' }),
      attribute('$ref', 'The URI of the Group.', { type: 'reference', referenceTypes: ['Group'], mutability: 'readOnly' }),
      attribute('display', 'The Group\'s displayName.', { mutability: 'readOnly' }),
    ],
  }),
];

const groupAttributes: AttributeDefinition[] = [
  attribute('displayName', 'A human-readable name for the Group.', { required: true, uniqueness: 'server' }),
  attribute('members', 'The Users in the Group.', {
    multiValued: true,
    type: 'complex',
    subAttributes: [
      attribute('value', 'The id of a User.', { mutability: 'immutable' }),
      attribute('$ref', 'The URI of the User.', { type: 'reference', referenceTypes: ['User'], mutability: 'immutable' }),
      attribute('display', 'The User\'s display name.', { mutability: 'readOnly' }),
      attribute('type', 'Always User: groups hold people only.', { mutability: 'immutable', canonicalValues: ['User'] }),
    ],
  }),
];

const enterpriseAttributes: AttributeDefinition[] = [
  attribute('employeeNumber', 'The employee number (ansattnummer).', { uniqueness: 'server' }),
  attribute('department', 'The code of the org unit of the primary employment. A new code moves the person (a mover).'),
  attribute('organization', 'Accepted as the org unit code when department is absent; not returned.', { returned: 'never' }),
  attribute('manager', 'The person\'s manager.', {
    type: 'complex',
    subAttributes: [
      attribute('value', 'The id of the manager\'s User.'),
      attribute('$ref', 'The URI of the manager\'s User.', { type: 'reference', referenceTypes: ['User'] }),
      attribute('displayName', 'The manager\'s name.', { mutability: 'readOnly' }),
    ],
  }),
];

export interface SchemaDefinition {
  id: string;
  name: string;
  description: string;
  attributes: AttributeDefinition[];
}

export const schemaDefinitions: SchemaDefinition[] = [
  { id: userSchemaId, name: 'User', description: 'User Account (a person in Grunnmur)', attributes: userAttributes },
  { id: groupSchemaId, name: 'Group', description: 'Group', attributes: groupAttributes },
  { id: enterpriseSchemaId, name: 'EnterpriseUser', description: 'Enterprise User', attributes: enterpriseAttributes },
];

/** Attributes every resource has (RFC 7643 §3.1); not part of any schema document. */
export const commonAttributes: AttributeDefinition[] = [
  attribute('id', 'Unique identifier assigned by Grunnmur.', { caseExact: true, mutability: 'readOnly', returned: 'always', uniqueness: 'server' }),
  attribute('externalId', 'The client\'s identifier for the resource.', { caseExact: true }),
  attribute('meta', 'Resource metadata.', {
    type: 'complex',
    mutability: 'readOnly',
    subAttributes: [
      attribute('resourceType', 'User or Group.', { caseExact: true, mutability: 'readOnly' }),
      attribute('created', 'When the resource was created.', { type: 'dateTime', mutability: 'readOnly' }),
      attribute('lastModified', 'When the resource last changed.', { type: 'dateTime', mutability: 'readOnly' }),
      attribute('location', 'The resource\'s URI.', { type: 'reference', caseExact: true, mutability: 'readOnly' }),
      attribute('version', 'The resource\'s ETag.', { caseExact: true, mutability: 'readOnly' }),
    ],
  }),
];

export type ResourceKind = 'User' | 'Group';

export const resourceSchemas: Record<ResourceKind, { core: string; extensions: string[] }> = {
  User: { core: userSchemaId, extensions: [enterpriseSchemaId] },
  Group: { core: groupSchemaId, extensions: [] },
};

/**
 * The definition of an attribute path such as `name.givenName`, `emails.value` or
 * `urn:…:enterprise:2.0:User:manager.value` for a resource kind, case-insensitively; undefined
 * when the server does not know it.
 */
export function findAttribute(kind: ResourceKind, path: string[], schemaId?: string): AttributeDefinition | undefined {
  const schemas = schemaId ? [schemaId] : [resourceSchemas[kind].core];
  const top = path[0]?.toLowerCase();
  let found: AttributeDefinition | undefined;
  for (const id of schemas) {
    const schema = schemaDefinitions.find((entry) => entry.id.toLowerCase() === id.toLowerCase());
    found = schema?.attributes.find((entry) => entry.name.toLowerCase() === top);
    if (found) break;
  }
  if (!schemaId) found ??= commonAttributes.find((entry) => entry.name.toLowerCase() === top);
  for (const part of path.slice(1)) {
    found = found?.subAttributes?.find((entry) => entry.name.toLowerCase() === part.toLowerCase());
  }
  return found;
}

/** The discovery documents (RFC 7644 §4), with locations under `baseUrl` (…/scim/v2). */
export function schemaResources(baseUrl: string) {
  return schemaDefinitions.map((schema) => ({
    schemas: [schemaSchemaId],
    ...schema,
    meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${schema.id}` },
  }));
}

export function resourceTypeResources(baseUrl: string) {
  return [
    {
      schemas: [resourceTypeSchemaId],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'User Account: a person in Grunnmur',
      schema: userSchemaId,
      schemaExtensions: [{ schema: enterpriseSchemaId, required: false }],
      meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` },
    },
    {
      schemas: [resourceTypeSchemaId],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      description: 'Group',
      schema: groupSchemaId,
      schemaExtensions: [],
      meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/Group` },
    },
  ];
}

export const maxResults = 1000;

/** What this server supports, truthfully: no bulk, no password change, no sorting of Groups' members. */
export function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: [serviceProviderConfigSchemaId],
    // The server's own API documentation, where the SCIM routes are listed under «SCIM 2.0».
    documentationUri: `${baseUrl.replace(/\/scim\/v2$/, '')}/api/docs`,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults },
    changePassword: { supported: false },
    sort: { supported: true },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer token',
        description: 'A Grunnmur API token with the role scim_client: npx grunnmur token create --tenant KORTNAVN --role scim_client --name NAVN',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
  };
}
