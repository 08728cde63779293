import { describe, expect, it } from 'vitest';
import { matchesFilter, parseFilter } from './filter.ts';
import { sortAndPage } from './list.ts';
import { applyPatch } from './patch.ts';
import { project } from './projection.ts';
import { ScimError } from './scim-error.ts';
import { enterpriseSchemaId, userSchemaId } from './schemas.ts';
import { readUser } from './user-input.ts';

const kari = {
  schemas: [userSchemaId, enterpriseSchemaId],
  id: 'a1',
  externalId: 'Entra-ABC',
  userName: 'kari.nordmann',
  name: { givenName: 'Kari', familyName: 'Nordmann' },
  emails: [
    { value: 'kari@kommune.no', type: 'work', primary: true },
    { value: 'kari@example.org', type: 'home' },
  ],
  active: true,
  [enterpriseSchemaId]: { department: '2100', manager: { value: 'b2' } },
  meta: { resourceType: 'User', lastModified: '2026-11-01T10:00:00.000Z' },
};

const matches = (filter: string, resource: Record<string, unknown> = kari) => matchesFilter('User', resource, parseFilter(filter));

describe('SCIM filters', () => {
  it('compare strings case-insensitively, except caseExact attributes such as externalId', () => {
    expect(matches('USERNAME eq "KARI.NORDMANN"')).toBe(true);
    expect(matches('externalId eq "entra-abc"')).toBe(false);
    expect(matches('externalId eq "Entra-ABC"')).toBe(true);
  });

  it('compare dateTimes as instants, not as text', () => {
    expect(matches('meta.lastModified gt "2026-11-01T09:00:00Z"')).toBe(true);
    // 10:30+02:00 is 08:30Z: earlier as an instant, though later as text.
    expect(matches('meta.lastModified gt "2026-11-01T10:30:00+02:00"')).toBe(true);
    expect(matches('meta.lastModified le "2026-11-01T11:00:00+01:00"')).toBe(true);
    expect(matches('meta.lastModified gt "2026-11-01T11:00:00+01:00"')).toBe(false);
  });

  it('match a multi-valued attribute when any value does, and value filters per element', () => {
    expect(matches('emails.value ew "example.org"')).toBe(true);
    expect(matches('emails[type eq "home" and value co "kommune"]')).toBe(false);
    expect(matches('emails[type eq "work" and value co "kommune"]')).toBe(true);
    expect(matches(`${enterpriseSchemaId}:manager.value eq "b2"`)).toBe(true);
    expect(matches('not (active eq false)')).toBe(true);
  });

  it('treat an absent attribute as not present, and ne as true for it', () => {
    expect(matches('title pr')).toBe(false);
    expect(matches('title ne "Lærer"')).toBe(true);
    expect(matches('title eq "Lærer"')).toBe(false);
  });

  it('refuse filters that do not parse, and ordering on booleans, as invalidFilter', () => {
    for (const text of ['userName eq', 'userName xx "a"']) {
      expect(() => parseFilter(text)).toThrow(ScimError);
    }
    try {
      matches('active gt true');
      expect.unreachable();
    } catch (error) {
      expect((error as ScimError).scimType).toBe('invalidFilter');
    }
  });
});

describe('SCIM PATCH', () => {
  it('removes members the way Entra ID sends it: a remove on members with the members as value', () => {
    const group = { schemas: [], id: 'g', displayName: 'G', members: [{ value: 'a' }, { value: 'b' }, { value: 'c' }] };
    const result = applyPatch('Group', group, [{ op: 'Remove', path: 'members', value: [{ value: 'a' }, { value: 'c' }] }]);
    expect(result.members).toEqual([{ value: 'b' }]);
    expect(group.members).toHaveLength(3);
  });

  it('adds an element when a filtered sub-attribute path matches none (emails[type eq "work"].value)', () => {
    const user = { ...kari, emails: [{ value: 'kari@example.org', type: 'home' }] };
    const result = applyPatch('User', user, [{ op: 'replace', path: 'emails[type eq "work"].value', value: 'ny@kommune.no' }]);
    expect(result.emails).toEqual([{ value: 'kari@example.org', type: 'home' }, { type: 'work', value: 'ny@kommune.no' }]);
  });

  it('does not add the same member twice', () => {
    const group = { schemas: [], id: 'g', displayName: 'G', members: [{ value: 'a' }] };
    expect(applyPatch('Group', group, [{ op: 'add', path: 'members', value: [{ value: 'A' }, { value: 'b' }] }]).members).toEqual([{ value: 'a' }, { value: 'b' }]);
  });

  it('replaces extension attributes named by their full path, and whole extension objects', () => {
    const moved = applyPatch('User', kari, [{ op: 'replace', path: `${enterpriseSchemaId}:department`, value: '3000' }]);
    expect((moved[enterpriseSchemaId] as { department: string }).department).toBe('3000');
    const viaObject = applyPatch('User', kari, [{ op: 'add', value: { [`${enterpriseSchemaId}:employeeNumber`]: '42', [enterpriseSchemaId]: { department: '4000' } } }]);
    expect(viaObject[enterpriseSchemaId]).toMatchObject({ employeeNumber: '42', department: '4000', manager: { value: 'b2' } });
  });
});

describe('attributes, sorting, paging and reading Users', () => {
  it('keeps id and schemas whatever attributes are asked for', () => {
    expect(project('User', kari, 'name.givenName')).toEqual({ schemas: kari.schemas, id: 'a1', name: { givenName: 'Kari' } });
    expect(project('User', kari, undefined, 'id,schemas,emails')).not.toHaveProperty('emails');
    expect(project('User', kari, undefined, 'id,schemas,emails')).toHaveProperty('id', 'a1');
  });

  it('sorts unassigned values last and pages from 1', () => {
    const users = [{ id: '1', title: 'b' }, { id: '2' }, { id: '3', title: 'A' }];
    expect(sortAndPage('User', users, { sortBy: 'title' }).page.map((user) => user.id)).toEqual(['3', '1', '2']);
    expect(sortAndPage('User', users, { startIndex: 0, count: 2 })).toMatchObject({ startIndex: 1, itemsPerPage: 2, totalResults: 3 });
  });

  it('reads Entra ID\'s string booleans and bare manager ids, and needs a userName', () => {
    const input = readUser({ userName: 'x', active: 'False', [enterpriseSchemaId]: { manager: '0f8fad5b-d9cb-469f-a165-70867728950e' } });
    expect(input).toMatchObject({ active: false, managerId: '0f8fad5b-d9cb-469f-a165-70867728950e', givenName: 'x', familyName: '' });
    expect(() => readUser({ name: { givenName: 'A' } })).toThrow('userName is required.');
  });
});
