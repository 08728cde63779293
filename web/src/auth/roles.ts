/** The application roles in the order people think of them, most powerful first. Mirrors server permissions.ts. */
export const appRoles = ['admin', 'architect', 'process_owner', 'system_owner', 'manager', 'security_officer', 'employee'] as const;

/** The role a person is listed under: the first of theirs in the order above. */
export function primaryRole(roles: readonly string[]): string {
  return appRoles.find((role) => roles.includes(role)) ?? roles[0] ?? 'employee';
}
