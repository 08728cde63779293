/**
 * "Why does Kari have this?": a person's desired access with the reason for each entitlement, the
 * competences that hold anything back, and how it compares with what the target systems report.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../platform/database/connection.ts';
import { notFound } from '../../platform/http/app-error.ts';
import type { Reason } from './engine/model.ts';
import { listPersonCompetences } from './queries.ts';
import type { personEntitlements } from './schemas.ts';

async function rows<T>(tx: Executor, query: SQL): Promise<T[]> {
  return ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
}

type PersonEntitlements = z.infer<typeof personEntitlements>;

const sourceWords: Record<string, string> = { request: 'Godkjent søknad', manual: 'Tildelt manuelt', delegation: 'Stedfortreder' };

export async function getPersonEntitlements(tx: Executor, personId: string): Promise<PersonEntitlements> {
  const [person] = await rows<{ id: string }>(tx, sql`select id from persons where id = ${personId}`);
  if (!person) throw notFound('personen');
  const desired = await rows<{
    system_role_id: string;
    system_role_name: string;
    system_id: string;
    system_name: string;
    sensitivity: 'normal' | 'sensitive';
    state: 'active' | 'held';
    reasons: Reason[];
    updated_at: string;
  }>(
    tx,
    sql`select d.system_role_id, s.name as system_role_name, s.system_id, y.name as system_name, s.sensitivity, d.state, d.reasons, d.updated_at::text as updated_at
        from desired_entitlements d join system_roles s on s.id = d.system_role_id join systems y on y.id = s.system_id
        where d.person_id = ${personId} order by y.name, s.name`,
  );

  const roleIds = new Set<string>();
  const ruleIds = new Set<string>();
  const competenceIds = new Set<string>();
  for (const row of desired)
    for (const reason of row.reasons) {
      roleIds.add(reason.businessRoleId);
      if (reason.kind === 'rule') ruleIds.add(reason.ruleId);
      for (const id of reason.missingCompetenceIds) competenceIds.add(id);
    }
  const list = (ids: Set<string>) => `{${[...ids].join(',')}}`;
  const [roles, rules, competenceNames, accounts, assignments, competences] = await Promise.all([
    rows<{ id: string; name: string }>(tx, sql`select id, name from business_roles where id = any(${list(roleIds)}::uuid[])`),
    rows<{ id: string; unit_name: string | null; include_sub_units: boolean; position_title: string | null }>(
      tx,
      sql`select r.id, u.name as unit_name, r.include_sub_units, p.title as position_title
          from assignment_rules r left join org_units u on u.id = r.org_unit_id left join positions p on p.id = r.position_id
          where r.id = any(${list(ruleIds)}::uuid[])`,
    ),
    rows<{ id: string; name: string }>(tx, sql`select id, name from competences where id = any(${list(competenceIds)}::uuid[])`),
    targetAccounts(tx, personId),
    rows<{ id: string; business_role_id: string; business_role_name: string; source: 'request' | 'manual' | 'delegation'; valid_from: string; valid_to: string | null; note: string }>(
      tx,
      sql`select a.id, a.business_role_id, b.name as business_role_name, a.source, a.valid_from::text as valid_from, a.valid_to::text as valid_to, a.note
          from role_assignments a join business_roles b on b.id = a.business_role_id where a.person_id = ${personId} order by a.valid_from desc`,
    ),
    listPersonCompetences(tx, personId),
  ]);
  const roleName = new Map(roles.map((role) => [role.id, role.name]));
  const ruleById = new Map(rules.map((rule) => [rule.id, rule]));
  const competenceName = new Map(competenceNames.map((c) => [c.id, c.name]));

  const describe = (reason: Reason): string => {
    if (reason.kind !== 'rule') return sourceWords[reason.kind] ?? reason.kind;
    const rule = ruleById.get(reason.ruleId);
    if (!rule) return 'Tildelingsregel';
    const where = rule.unit_name ? `${rule.unit_name}${rule.include_sub_units ? ' med underenheter' : ''}` : 'alle enheter';
    return `Regel: ansatt i ${where}${rule.position_title ? `, stilling ${rule.position_title}` : ''}`;
  };

  const desiredActive = new Set(desired.filter((row) => row.state === 'active').map((row) => row.system_role_id));
  return {
    personId,
    computedAt: desired.reduce<string | null>((latest, row) => (latest === null || row.updated_at > latest ? row.updated_at : latest), null),
    entitlements: desired.map((row) => {
      const missing = new Set(row.reasons.flatMap((reason) => reason.missingCompetenceIds));
      let target: PersonEntitlements['entitlements'][number]['target'];
      if (row.state === 'held') target = 'held_back';
      else if (!accounts.reconciledSystems.has(row.system_id)) target = 'not_reconciled';
      else target = accounts.held.has(row.system_role_id) ? 'present' : 'missing';
      return {
        systemRoleId: row.system_role_id,
        systemRoleName: row.system_role_name,
        systemId: row.system_id,
        systemName: row.system_name,
        sensitivity: row.sensitivity,
        state: row.state,
        reasons: row.reasons.map((reason) => ({
          kind: reason.kind,
          businessRoleId: reason.businessRoleId,
          businessRoleName: roleName.get(reason.businessRoleId) ?? '',
          ...(reason.kind === 'rule' ? { ruleId: reason.ruleId } : { assignmentId: reason.assignmentId, requestId: reason.requestId }),
          description: describe(reason),
          missingCompetenceIds: reason.missingCompetenceIds,
        })),
        missingCompetences: [...missing].map((id) => ({ id, name: competenceName.get(id) ?? '' })),
        target,
      };
    }),
    excess: accounts.roles.filter((role) => !desiredActive.has(role.systemRoleId)),
    competences: competences.items,
    assignments: assignments.map((a) => ({
      id: a.id,
      businessRoleId: a.business_role_id,
      businessRoleName: a.business_role_name,
      source: a.source,
      validFrom: a.valid_from,
      validTo: a.valid_to,
      note: a.note,
    })),
  };
}

/**
 * What the target systems report, from provisioning's account mirror. A system counts as reconciled
 * once any account of it has been observed; before that the comparison says "not yet reconciled".
 */
async function targetAccounts(tx: Executor, personId: string) {
  const tables = await rows<{ present: boolean }>(tx, sql`select to_regclass('target_account_roles') is not null as present`);
  if (!tables[0]?.present) return { reconciledSystems: new Set<string>(), held: new Set<string>(), roles: [] };
  const [systems, roles] = await Promise.all([
    rows<{ system_id: string }>(tx, sql`select distinct system_id from target_accounts`),
    rows<{ system_role_id: string; system_role_name: string; system_name: string; username: string }>(
      tx,
      sql`select r.system_role_id, s.name as system_role_name, y.name as system_name, a.username
          from target_accounts a join target_account_roles r on r.account_id = a.id
          join system_roles s on s.id = r.system_role_id join systems y on y.id = s.system_id
          where a.person_id = ${personId} and a.status <> 'disabled'`,
    ),
  ]);
  return {
    reconciledSystems: new Set(systems.map((s) => s.system_id)),
    held: new Set(roles.map((r) => r.system_role_id)),
    roles: roles.map((r) => ({ systemRoleId: r.system_role_id, systemRoleName: r.system_role_name, systemName: r.system_name, username: r.username })),
  };
}
