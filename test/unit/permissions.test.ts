import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appRoles, can, isAppRole, permissions, permissionsOf } from '../../server/src/modules/auth/permissions.ts';

describe('application roles and permissions', () => {
  it('lets every role read the organisation and the catalogue', () => {
    for (const role of appRoles) {
      expect(can([role], 'org:read'), role).toBe(true);
      expect(can([role], 'catalogue:read'), role).toBe(true);
    }
  });

  it('gives the admin every permission there is', () => {
    expect([...permissionsOf(['admin'])].sort()).toEqual([...permissions].sort());
  });

  it('keeps an employee to reading and asking for access', () => {
    expect([...permissionsOf(['employee'])].sort()).toEqual(['access:read', 'catalogue:read', 'map:read', 'org:read', 'portal:read', 'processes:read', 'requests:use']);
  });

  it('lets architects and system owners edit the catalogue, but only architects import', () => {
    expect(can(['architect'], 'catalogue:write')).toBe(true);
    expect(can(['system_owner'], 'catalogue:write')).toBe(true);
    expect(can(['architect'], 'import:run')).toBe(true);
    expect(can(['system_owner'], 'import:run')).toBe(false);
  });

  it('shows the audit log to admins, architects and security officers only', () => {
    const readers = appRoles.filter((role) => can([role], 'audit:read'));
    expect(readers.sort()).toEqual(['admin', 'architect', 'security_officer']);
  });

  it('lets process owners, architects and admins model and approve processes, and everyone read them', () => {
    for (const role of appRoles) expect(can([role], 'processes:read'), role).toBe(true);
    expect(appRoles.filter((role) => can([role], 'processes:approve')).sort()).toEqual(['admin', 'architect', 'process_owner']);
    expect(appRoles.filter((role) => can([role], 'processes:write')).sort()).toEqual(['admin', 'architect', 'process_owner']);
  });

  it('lets only admins manage API tokens', () => {
    expect(appRoles.filter((role) => can([role], 'tokens:manage'))).toEqual(['admin']);
  });

  it('grants nothing for no roles or for unknown role names', () => {
    expect(permissionsOf([]).size).toBe(0);
    expect(permissionsOf(['root', 'ADMIN', 'admin ', '']).size).toBe(0);
    expect(can(['superuser'], 'org:read')).toBe(false);
  });

  it('recognises exactly the application roles', () => {
    for (const role of appRoles) expect(isAppRole(role)).toBe(true);
    expect(isAppRole('Admin')).toBe(false);
    expect(isAppRole('toString')).toBe(false);
  });

  it('gives several roles the union of what each gives', () => {
    fc.assert(
      fc.property(fc.subarray([...appRoles]), fc.subarray([...appRoles]), (left, right) => {
        const union = permissionsOf([...left, ...right]);
        const expected = new Set([...permissionsOf(left), ...permissionsOf(right)]);
        expect([...union].sort()).toEqual([...expected].sort());
      }),
    );
  });

  it('never grants more for an added unknown role', () => {
    fc.assert(
      fc.property(fc.subarray([...appRoles]), fc.string(), (roles, extra) => {
        fc.pre(!isAppRole(extra));
        expect([...permissionsOf([...roles, extra])].sort()).toEqual([...permissionsOf(roles)].sort());
      }),
    );
  });
});
