/**
 * Reconciliation's comparison [avstemming]: what a system actually has against what people should
 * have. Pure: no I/O.
 */

export interface ActualAccount {
  accountId: string;
  username: string;
  personId: string | null;
  active: boolean;
  roleIds: string[];
}

export interface Finding {
  kind: 'orphan_account' | 'missing_access' | 'excess_access';
  accountId: string | null;
  personId: string | null;
  systemRoleId: string | null;
  username: string | null;
  detail: string;
}

/**
 * - an active account that belongs to nobody is an orphan;
 * - a role someone should have and their account lacks (or they have no account) is missing;
 * - a role an account holds that its person should not have is excess, and so is an active
 *   account whose person should have nothing in the system (systemRoleId null: disable it).
 */
export function compareAccess(actual: ActualAccount[], desired: { personId: string; systemRoleId: string }[], roleNames: Map<string, string>): Finding[] {
  const findings: Finding[] = [];
  const wanted = new Map<string, Set<string>>();
  for (const d of desired) wanted.set(d.personId, (wanted.get(d.personId) ?? new Set()).add(d.systemRoleId));
  const accountByPerson = new Map<string, ActualAccount>();
  for (const account of actual) {
    if (account.personId && (account.active || !accountByPerson.has(account.personId))) accountByPerson.set(account.personId, account);
  }
  for (const account of actual) {
    if (!account.active) continue;
    if (!account.personId) {
      findings.push({ kind: 'orphan_account', accountId: account.accountId, personId: null, systemRoleId: null, username: account.username, detail: 'Kontoen hører ikke til noen person' });
      continue;
    }
    const roles = wanted.get(account.personId);
    if (!roles) {
      findings.push({ kind: 'excess_access', accountId: account.accountId, personId: account.personId, systemRoleId: null, username: account.username, detail: 'Personen skal ikke ha noen tilgang i systemet, men kontoen er aktiv' });
      continue;
    }
    for (const roleId of account.roleIds) {
      if (!roles.has(roleId)) {
        findings.push({ kind: 'excess_access', accountId: account.accountId, personId: account.personId, systemRoleId: roleId, username: account.username, detail: `Har «${roleNames.get(roleId) ?? roleId}» uten grunnlag` });
      }
    }
  }
  for (const [personId, roles] of wanted) {
    const account = accountByPerson.get(personId);
    for (const roleId of roles) {
      if (account?.active && account.roleIds.includes(roleId)) continue;
      findings.push({
        kind: 'missing_access',
        accountId: account?.accountId ?? null,
        personId,
        systemRoleId: roleId,
        username: account?.username ?? null,
        detail: account ? (account.active ? `Mangler «${roleNames.get(roleId) ?? roleId}»` : 'Kontoen er deaktivert') : 'Har ingen konto i systemet',
      });
    }
  }
  return findings;
}
