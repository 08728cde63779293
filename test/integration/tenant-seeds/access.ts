import type { Executor } from '../../../server/src/platform/database/connection.ts';
import {
  accessRecomputeRuns,
  assignmentRules,
  businessRoleSystemRoles,
  businessRoles,
  competences,
  desiredEntitlements,
  personCompetences,
  roleAssignments,
  roleCompetenceRequirements,
  systemRoles,
} from '../../../server/src/modules/access/tables.ts';

export async function seedTenant(db: Executor, tenantId: string, mark: string, base: Record<string, string[]>): Promise<Record<string, string[]>> {
  const personId = base.persons![0]!;
  const [systemRole] = await db.insert(systemRoles).values({ tenantId, systemId: base.systems![0]!, name: `Rolle ${mark}`, targetGroup: `cn=${mark}` }).returning();
  const [businessRole] = await db.insert(businessRoles).values({ tenantId, name: `Forretningsrolle ${mark}`, description: mark, ownerPersonId: personId }).returning();
  const [link] = await db.insert(businessRoleSystemRoles).values({ tenantId, businessRoleId: businessRole!.id, systemRoleId: systemRole!.id }).returning();
  const [rule] = await db
    .insert(assignmentRules)
    .values({ tenantId, businessRoleId: businessRole!.id, orgUnitId: base.org_units![0]!, positionId: base.positions?.[0] ?? null, note: mark })
    .returning();
  const [competence] = await db.insert(competences).values({ tenantId, name: `Kurs ${mark}` }).returning();
  const [held] = await db.insert(personCompetences).values({ tenantId, personId, competenceId: competence!.id, expiresOn: '2030-01-01' }).returning();
  const [requirement] = await db.insert(roleCompetenceRequirements).values({ tenantId, businessRoleId: businessRole!.id, competenceId: competence!.id }).returning();
  const [assignment] = await db
    .insert(roleAssignments)
    .values({ tenantId, personId, businessRoleId: businessRole!.id, source: 'manual', validFrom: '2026-01-01', note: mark })
    .returning();
  const [desired] = await db
    .insert(desiredEntitlements)
    .values({ tenantId, personId, systemRoleId: systemRole!.id, state: 'active', reasons: [], reasonKey: mark })
    .returning();
  const [run] = await db.insert(accessRecomputeRuns).values({ tenantId, kind: 'full', state: 'done', actorName: mark }).returning();
  return {
    system_roles: [systemRole!.id],
    business_roles: [businessRole!.id],
    business_role_system_roles: [link!.id],
    assignment_rules: [rule!.id],
    competences: [competence!.id],
    person_competences: [held!.id],
    role_competence_requirements: [requirement!.id],
    role_assignments: [assignment!.id],
    desired_entitlements: [desired!.id],
    access_recompute_runs: [run!.id],
  };
}
