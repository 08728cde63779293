import { isObject, keyOf, type Resource } from './paths.ts';
import { invalidValue } from './scim-error.ts';
import { enterpriseSchemaId } from './schemas.ts';

/** What a User resource asks Grunnmur to store, read case-insensitively and checked. */
export interface UserInput {
  userName: string;
  givenName: string;
  familyName: string;
  email: string | null;
  active: boolean;
  externalId: string | null;
  title: string | null;
  employeeNumber: string | null;
  departmentCode: string | null;
  managerId: string | null;
}

function get(object: unknown, name: string): unknown {
  if (!isObject(object)) return undefined;
  const key = keyOf(object, name);
  return key === undefined ? undefined : object[key];
}

function text(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalidValue(`${field} must be a string.`);
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** SCIM booleans; Entra ID sends "True"/"False" as strings in PATCH values. */
export function booleanOf(value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw invalidValue(`${field} must be true or false.`);
}

/** The one e-mail Grunnmur keeps: the primary one, else the work one, else the first. */
function chooseEmail(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) throw invalidValue('emails must be a list.');
  const entries = value.filter(isObject);
  const chosen =
    entries.find((entry) => booleanOf(get(entry, 'primary'), 'emails.primary') === true) ??
    entries.find((entry) => String(get(entry, 'type') ?? '').toLowerCase() === 'work') ??
    entries[0];
  const address = text(get(chosen, 'value'), 'emails.value');
  if (address && !/^[^\s@]+@[^\s@]+$/.test(address)) throw invalidValue(`«${address}» is not an e-mail address.`);
  return address;
}

/** Reads a User resource from a client (POST, PUT, or the result of a PATCH). */
export function readUser(resource: Resource): UserInput {
  const userName = text(get(resource, 'userName'), 'userName');
  if (!userName) throw invalidValue('userName is required.');
  const name = get(resource, 'name');
  if (name !== undefined && name !== null && !isObject(name)) throw invalidValue('name must be an object.');
  const enterprise = get(resource, enterpriseSchemaId);
  if (enterprise !== undefined && !isObject(enterprise)) throw invalidValue(`${enterpriseSchemaId} must be an object.`);
  const manager = get(enterprise, 'manager');
  // Entra ID sends the manager as a bare id string; RFC 7643 as { value }.
  const managerId = isObject(manager) ? text(get(manager, 'value'), 'manager.value') : text(manager, 'manager');
  if (managerId && !/^[0-9a-f-]{36}$/i.test(managerId)) throw invalidValue(`The manager «${managerId}» is not a User id of this server.`);
  let givenName = text(get(name, 'givenName'), 'name.givenName');
  let familyName = text(get(name, 'familyName'), 'name.familyName');
  if (!givenName && !familyName) {
    // A resource with only a displayName (or only a userName) still names a person.
    const display = text(get(resource, 'displayName'), 'displayName') ?? userName;
    const parts = display.split(/\s+/);
    familyName = parts.length > 1 ? parts.pop()! : '';
    givenName = parts.join(' ');
  }
  return {
    userName,
    givenName: givenName ?? '',
    familyName: familyName ?? '',
    email: chooseEmail(get(resource, 'emails')),
    active: booleanOf(get(resource, 'active'), 'active') ?? true,
    externalId: text(get(resource, 'externalId'), 'externalId'),
    title: text(get(resource, 'title'), 'title'),
    employeeNumber: text(get(enterprise, 'employeeNumber'), 'employeeNumber'),
    departmentCode: text(get(enterprise, 'department'), 'department') ?? text(get(enterprise, 'organization'), 'organization'),
    managerId,
  };
}
