/** Application roles and what each may do. Pure: no I/O. */
export const appRoles = [
  'admin',
  'architect',
  'process_owner',
  'system_owner',
  'manager',
  'security_officer',
  'employee',
] as const;
export type AppRole = (typeof appRoles)[number];

export const permissions = [
  'org:read',
  'org:write',
  'catalogue:read',
  'catalogue:write',
  'audit:read',
  'import:run',
  'tokens:manage',
  /** Ask for access, follow one's requests, decide what waits in one's inbox, name a deputy. */
  'requests:use',
  /** See every access request and deputy, decide steps nobody else can, name deputies for anyone. */
  'requests:manage',
  /** See the architecture map, impact analysis, matrices and model quality. */
  'map:read',
  /** Change services, information objects, integrations, technology; import ArchiMate. */
  'map:write',
  /** Use the employee process portal: my processes, process pages, documents, search, automation list. */
  'portal:read',
  /** Upload documents, bulk-import BPMN and documents, load code lists, classify, assess automation, see role gaps. */
  'portal:write',
  /** Take in the HR file, set username/e-mail templates, run the lifecycle job on demand. */
  'identity:manage',
  /** Register future changes [fremtidige endringer] and guests/consultants with a sponsor. */
  'identity:schedule',
  /** Push people and groups through the SCIM 2.0 server at /scim/v2 (an HR system, Entra ID). */
  'scim:provision',
  /** See the role catalogue: business roles one may ask for, and each system's roles. */
  'access:read',
  /** Maintain system roles, business roles, assignment rules and competences; run a full recompute. */
  'access:write',
  /** See anyone's desired access and why ("why does Kari have this?"); one's own is always visible. */
  'access:people',
  /** See the process hierarchy and published processes. */
  'processes:read',
  /** Model processes: create, edit drafts, import BPMN, send to review, comment. */
  'processes:write',
  /** Approve, publish and retire processes; set the modelling standard's rules. */
  'processes:approve',
  /** See the provisioning queue, failures, held batches, manual tasks and reconciliation. */
  'provisioning:read',
  /** Retry failed work, tick off manual tasks, run reconciliation and act on its findings. */
  'provisioning:operate',
  /** Approve or reject a batch the mass-removal guard held. */
  'provisioning:approve',
  /** Set a system's connector (kind, settings, secrets) and the tenant's mass-removal threshold. */
  'provisioning:configure',
] as const;
export type Permission = (typeof permissions)[number];

const everyoneMay: Permission[] = ['org:read', 'catalogue:read', 'map:read', 'requests:use', 'portal:read', 'access:read', 'processes:read'];

const grants: Record<AppRole, Permission[]> = {
  admin: [...permissions],
  architect: [...everyoneMay, 'processes:write', 'processes:approve', 'portal:write', 'map:write', 'catalogue:write', 'import:run', 'audit:read'],
  system_owner: [...everyoneMay, 'map:write', 'catalogue:write', 'access:write', 'access:people', 'provisioning:read', 'provisioning:operate'],
  process_owner: [...everyoneMay, 'processes:write', 'processes:approve', 'portal:write'],
  security_officer: [...everyoneMay, 'audit:read', 'access:write', 'access:people', 'provisioning:read', 'provisioning:operate', 'provisioning:approve'],
  manager: [...everyoneMay, 'identity:schedule', 'access:people'],
  employee: everyoneMay,
};

export function isAppRole(value: string): value is AppRole {
  return (appRoles as readonly string[]).includes(value);
}

/**
 * Roles only an API token can have: one machine's narrow job, never a person's (see
 * docs/decisions/0005-scim-errors.md). `npx grunnmur token create --role scim_client`.
 */
export const tokenOnlyRoles = ['scim_client'] as const;
export type TokenOnlyRole = (typeof tokenOnlyRoles)[number];
const tokenOnlyGrants: Record<TokenOnlyRole, Permission[]> = { scim_client: ['scim:provision'] };

export function isTokenOnlyRole(value: string): value is TokenOnlyRole {
  return (tokenOnlyRoles as readonly string[]).includes(value);
}

export function permissionsOf(roles: readonly string[]): Set<Permission> {
  return new Set(roles.flatMap((role) => (isAppRole(role) ? grants[role] : isTokenOnlyRole(role) ? tokenOnlyGrants[role] : [])));
}

export function can(roles: readonly string[], permission: Permission): boolean {
  return permissionsOf(roles).has(permission);
}
