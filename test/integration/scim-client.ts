import type { LightMyRequestResponse } from 'fastify';
import { apiTokens } from '../../server/src/modules/auth/tables.ts';
import { hashToken, newToken } from '../../server/src/modules/auth/secrets.ts';
import type { TestApp } from '../support/test-app.ts';

/** A SCIM client for the tests: a scim_client token of one tenant, speaking application/scim+json. */
export interface ScimTestClient {
  request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export async function scimTokenFor(t: TestApp, tenantId: string, name = 'Entra ID', role = 'scim_client'): Promise<string> {
  const token = newToken('gm_');
  await t.database.db.insert(apiTokens).values({ tenantId, name, role, tokenHash: hashToken(token) });
  return token;
}

export function scimClient(t: TestApp, token: string): ScimTestClient {
  return {
    request(method, url, body, headers = {}) {
      return t.inject({
        method,
        url: `/scim/v2${url}`,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/scim+json',
          ...(body !== undefined ? { 'content-type': 'application/scim+json' } : {}),
          ...headers,
        },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      });
    },
  };
}

export const userSchema = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const groupSchema = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const enterpriseSchema = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const patchOp = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const errorSchema = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const listResponse = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
