/** Reads and writes of the role model, inside the caller's tenant transaction. */
import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { clock } from '../../platform/clock.ts';
import { systems } from '../catalogue/tables.ts';
import { orgUnits, persons, positions } from '../org/tables.ts';
import type { AssignmentRuleInput, BusinessRoleInput, SystemRoleInput } from './schemas.ts';
import type { z } from 'zod';
import type * as schemas from './schemas.ts';
import {
  assignmentRules,
  businessRoleSystemRoles,
  businessRoles,
  competences,
  personCompetences,
  roleAssignments,
  roleCompetenceRequirements,
  systemRoles,
} from './tables.ts';

async function rows<T>(tx: Executor, query: SQL): Promise<T[]> {
  return ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
}

const likeEscape = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// ---- System roles ----

const systemRoleColumns = {
  id: systemRoles.id,
  systemId: systemRoles.systemId,
  systemName: systems.name,
  name: systemRoles.name,
  description: systemRoles.description,
  accessLevel: systemRoles.accessLevel,
  consumesLicence: systemRoles.consumesLicence,
  sensitivity: systemRoles.sensitivity,
  targetGroup: systemRoles.targetGroup,
  businessRoleCount: sql<number>`(select count(*)::int from business_role_system_roles l where l.system_role_id = system_roles.id)`,
};

export async function listSystemRoles(tx: Executor, query: { systemId?: string; q?: string }) {
  const where = [query.systemId ? eq(systemRoles.systemId, query.systemId) : undefined, query.q ? or(ilike(systemRoles.name, likeEscape(query.q)), ilike(systems.name, likeEscape(query.q))) : undefined];
  const items = await tx
    .select(systemRoleColumns)
    .from(systemRoles)
    .innerJoin(systems, eq(systems.id, systemRoles.systemId))
    .where(and(...where))
    .orderBy(asc(systems.name), asc(systemRoles.name))
    .limit(1000);
  return { items };
}

async function getSystemRole(tx: Executor, id: string) {
  const [found] = await tx.select(systemRoleColumns).from(systemRoles).innerJoin(systems, eq(systems.id, systemRoles.systemId)).where(eq(systemRoles.id, id));
  if (!found) throw notFound('systemrollen');
  return found;
}

export async function createSystemRole(tx: Executor, tenantId: string, input: SystemRoleInput) {
  const [system] = await tx.select({ id: systems.id }).from(systems).where(eq(systems.id, input.systemId));
  if (!system) throw new AppError('validation_failed', 'Systemet finnes ikke.', [{ field: 'systemId', message: 'Velg et system som finnes' }]);
  const [created] = await tx.insert(systemRoles).values({ ...input, tenantId }).returning({ id: systemRoles.id });
  return getSystemRole(tx, created!.id);
}

export async function updateSystemRole(tx: Executor, id: string, input: SystemRoleInput) {
  const { systemId: _ignored, ...changes } = input;
  const updated = await tx.update(systemRoles).set({ ...changes, updatedAt: new Date() }).where(eq(systemRoles.id, id)).returning({ id: systemRoles.id });
  if (updated.length === 0) throw notFound('systemrollen');
  return getSystemRole(tx, id);
}

export async function deleteSystemRole(tx: Executor, id: string) {
  const removed = await tx.delete(systemRoles).where(eq(systemRoles.id, id)).returning({ id: systemRoles.id });
  if (removed.length === 0) throw notFound('systemrollen');
}

// ---- Business roles ----

const businessRoleColumns = {
  id: businessRoles.id,
  name: businessRoles.name,
  description: businessRoles.description,
  ownerPersonId: businessRoles.ownerPersonId,
  ownerName: sql<string | null>`(select p.given_name || ' ' || p.family_name from persons p where p.id = business_roles.owner_person_id)`,
  requestable: businessRoles.requestable,
  systemRoleCount: sql<number>`(select count(*)::int from business_role_system_roles l where l.business_role_id = business_roles.id)`,
  ruleCount: sql<number>`(select count(*)::int from assignment_rules r where r.business_role_id = business_roles.id)`,
  sensitive: sql<boolean>`exists (select 1 from business_role_system_roles l join system_roles s on s.id = l.system_role_id
    where l.business_role_id = business_roles.id and s.sensitivity = 'sensitive')`,
};

export async function listBusinessRoles(tx: Executor, query: { requestable?: boolean; q?: string }) {
  const where = [
    query.requestable === undefined ? undefined : eq(businessRoles.requestable, query.requestable),
    query.q ? or(ilike(businessRoles.name, likeEscape(query.q)), ilike(businessRoles.description, likeEscape(query.q))) : undefined,
  ];
  const items = await tx.select(businessRoleColumns).from(businessRoles).where(and(...where)).orderBy(asc(businessRoles.name)).limit(2000);
  return { items };
}

export async function getBusinessRole(tx: Executor, id: string): Promise<z.infer<typeof schemas.businessRoleDetail>> {
  const [role] = await tx.select(businessRoleColumns).from(businessRoles).where(eq(businessRoles.id, id));
  if (!role) throw notFound('forretningsrollen');
  const [linked, rules, required, holders] = await Promise.all([
    tx
      .select(systemRoleColumns)
      .from(businessRoleSystemRoles)
      .innerJoin(systemRoles, eq(systemRoles.id, businessRoleSystemRoles.systemRoleId))
      .innerJoin(systems, eq(systems.id, systemRoles.systemId))
      .where(eq(businessRoleSystemRoles.businessRoleId, id))
      .orderBy(asc(systems.name), asc(systemRoles.name)),
    tx
      .select({
        id: assignmentRules.id,
        businessRoleId: assignmentRules.businessRoleId,
        orgUnitId: assignmentRules.orgUnitId,
        orgUnitName: orgUnits.name,
        includeSubUnits: assignmentRules.includeSubUnits,
        positionId: assignmentRules.positionId,
        positionTitle: positions.title,
        note: assignmentRules.note,
      })
      .from(assignmentRules)
      .leftJoin(orgUnits, eq(orgUnits.id, assignmentRules.orgUnitId))
      .leftJoin(positions, eq(positions.id, assignmentRules.positionId))
      .where(eq(assignmentRules.businessRoleId, id))
      .orderBy(asc(orgUnits.name), asc(positions.title)),
    tx
      .select({ id: competences.id, name: competences.name, description: competences.description, validityMonths: competences.validityMonths })
      .from(roleCompetenceRequirements)
      .innerJoin(competences, eq(competences.id, roleCompetenceRequirements.competenceId))
      .where(eq(roleCompetenceRequirements.businessRoleId, id))
      .orderBy(asc(competences.name)),
    rows<{ count: number }>(tx, sql`select count(distinct person_id)::int as count from desired_entitlements where reasons @> ${JSON.stringify([{ businessRoleId: id }])}::jsonb`),
  ]);
  return { ...role, systemRoles: linked, rules, requiredCompetences: required, holderCount: holders[0]?.count ?? 0 };
}

/** The owner of a business role is a person of the tenant; another id is the caller's mistake, said on the field. */
async function requireOwner(tx: Executor, ownerPersonId: string | null) {
  if (!ownerPersonId) return;
  const [found] = await tx.select({ id: persons.id }).from(persons).where(eq(persons.id, ownerPersonId));
  if (!found) throw new AppError('validation_failed', 'Rolleeieren finnes ikke.', [{ field: 'ownerPersonId', message: 'Velg en person som finnes' }]);
}

export async function createBusinessRole(tx: Executor, tenantId: string, input: BusinessRoleInput) {
  await requireOwner(tx, input.ownerPersonId);
  const [created] = await tx.insert(businessRoles).values({ ...input, tenantId }).returning({ id: businessRoles.id });
  return getBusinessRole(tx, created!.id);
}

export async function updateBusinessRole(tx: Executor, id: string, input: BusinessRoleInput) {
  await requireOwner(tx, input.ownerPersonId);
  const updated = await tx.update(businessRoles).set({ ...input, updatedAt: new Date() }).where(eq(businessRoles.id, id)).returning({ id: businessRoles.id });
  if (updated.length === 0) throw notFound('forretningsrollen');
  return getBusinessRole(tx, id);
}

export async function deleteBusinessRole(tx: Executor, id: string) {
  const removed = await tx.delete(businessRoles).where(eq(businessRoles.id, id)).returning({ id: businessRoles.id });
  if (removed.length === 0) throw notFound('forretningsrollen');
}

async function requireBusinessRole(tx: Executor, id: string) {
  const [found] = await tx.select({ id: businessRoles.id }).from(businessRoles).where(eq(businessRoles.id, id));
  if (!found) throw notFound('forretningsrollen');
}

export async function addSystemRoleToBusinessRole(tx: Executor, tenantId: string, businessRoleId: string, systemRoleId: string) {
  await requireBusinessRole(tx, businessRoleId);
  const [role] = await tx.select({ id: systemRoles.id }).from(systemRoles).where(eq(systemRoles.id, systemRoleId));
  if (!role) throw new AppError('validation_failed', 'Systemrollen finnes ikke.', [{ field: 'systemRoleId', message: 'Velg en systemrolle som finnes' }]);
  await tx.insert(businessRoleSystemRoles).values({ tenantId, businessRoleId, systemRoleId }).onConflictDoNothing();
  return getBusinessRole(tx, businessRoleId);
}

export async function removeSystemRoleFromBusinessRole(tx: Executor, businessRoleId: string, systemRoleId: string) {
  const removed = await tx
    .delete(businessRoleSystemRoles)
    .where(and(eq(businessRoleSystemRoles.businessRoleId, businessRoleId), eq(businessRoleSystemRoles.systemRoleId, systemRoleId)))
    .returning({ id: businessRoleSystemRoles.id });
  if (removed.length === 0) throw notFound('systemrollen i forretningsrollen');
}

export async function addRule(tx: Executor, tenantId: string, businessRoleId: string, input: AssignmentRuleInput) {
  await requireBusinessRole(tx, businessRoleId);
  await tx.insert(assignmentRules).values({ ...input, tenantId, businessRoleId });
  return getBusinessRole(tx, businessRoleId);
}

export async function deleteRule(tx: Executor, businessRoleId: string, ruleId: string) {
  const removed = await tx
    .delete(assignmentRules)
    .where(and(eq(assignmentRules.id, ruleId), eq(assignmentRules.businessRoleId, businessRoleId)))
    .returning({ id: assignmentRules.id });
  if (removed.length === 0) throw notFound('tildelingsregelen');
}

export async function addRequirement(tx: Executor, tenantId: string, businessRoleId: string, competenceId: string) {
  await requireBusinessRole(tx, businessRoleId);
  const [found] = await tx.select({ id: competences.id }).from(competences).where(eq(competences.id, competenceId));
  if (!found) throw new AppError('validation_failed', 'Kompetansen finnes ikke.', [{ field: 'competenceId', message: 'Velg en kompetanse som finnes' }]);
  await tx.insert(roleCompetenceRequirements).values({ tenantId, businessRoleId, competenceId }).onConflictDoNothing();
  return getBusinessRole(tx, businessRoleId);
}

export async function removeRequirement(tx: Executor, businessRoleId: string, competenceId: string) {
  const removed = await tx
    .delete(roleCompetenceRequirements)
    .where(and(eq(roleCompetenceRequirements.businessRoleId, businessRoleId), eq(roleCompetenceRequirements.competenceId, competenceId)))
    .returning({ id: roleCompetenceRequirements.id });
  if (removed.length === 0) throw notFound('kompetansekravet');
}

// ---- Competences ----

export async function listCompetences(tx: Executor) {
  const items = await tx
    .select({ id: competences.id, name: competences.name, description: competences.description, validityMonths: competences.validityMonths })
    .from(competences)
    .orderBy(asc(competences.name));
  return { items };
}

export async function createCompetence(tx: Executor, tenantId: string, input: z.infer<typeof schemas.competenceInput>) {
  const [created] = await tx
    .insert(competences)
    .values({ ...input, tenantId })
    .returning({ id: competences.id, name: competences.name, description: competences.description, validityMonths: competences.validityMonths });
  return created!;
}

export async function updateCompetence(tx: Executor, id: string, input: z.infer<typeof schemas.competenceInput>) {
  const [updated] = await tx
    .update(competences)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(competences.id, id))
    .returning({ id: competences.id, name: competences.name, description: competences.description, validityMonths: competences.validityMonths });
  if (!updated) throw notFound('kompetansen');
  return updated;
}

export async function deleteCompetence(tx: Executor, id: string) {
  const removed = await tx.delete(competences).where(eq(competences.id, id)).returning({ id: competences.id });
  if (removed.length === 0) throw notFound('kompetansen');
}

export async function listPersonCompetences(tx: Executor, personId: string) {
  const today = clock.today();
  const items = await tx
    .select({
      id: personCompetences.id,
      competenceId: personCompetences.competenceId,
      competenceName: competences.name,
      achievedOn: personCompetences.achievedOn,
      expiresOn: personCompetences.expiresOn,
    })
    .from(personCompetences)
    .innerJoin(competences, eq(competences.id, personCompetences.competenceId))
    .where(eq(personCompetences.personId, personId))
    .orderBy(asc(competences.name));
  return { items: items.map((item) => ({ ...item, valid: item.expiresOn === null || item.expiresOn >= today })) };
}

async function requirePerson(tx: Executor, personId: string) {
  const [found] = await tx.select({ id: persons.id }).from(persons).where(eq(persons.id, personId));
  if (!found) throw notFound('personen');
}

export async function setPersonCompetence(tx: Executor, tenantId: string, personId: string, input: z.infer<typeof schemas.personCompetenceInput>) {
  await requirePerson(tx, personId);
  const [found] = await tx.select({ id: competences.id }).from(competences).where(eq(competences.id, input.competenceId));
  if (!found) throw new AppError('validation_failed', 'Kompetansen finnes ikke.', [{ field: 'competenceId', message: 'Velg en kompetanse som finnes' }]);
  await tx
    .insert(personCompetences)
    .values({ tenantId, personId, ...input })
    .onConflictDoUpdate({
      target: [personCompetences.tenantId, personCompetences.personId, personCompetences.competenceId],
      set: { achievedOn: input.achievedOn, expiresOn: input.expiresOn, updatedAt: new Date() },
    });
  return listPersonCompetences(tx, personId);
}

export async function removePersonCompetence(tx: Executor, personId: string, competenceId: string) {
  const removed = await tx
    .delete(personCompetences)
    .where(and(eq(personCompetences.personId, personId), eq(personCompetences.competenceId, competenceId)))
    .returning({ id: personCompetences.id });
  if (removed.length === 0) throw notFound('kompetansen hos personen');
}

export async function createAssignment(tx: Executor, tenantId: string, personId: string, input: z.infer<typeof schemas.roleAssignmentInput>) {
  await requirePerson(tx, personId);
  await requireBusinessRole(tx, input.businessRoleId);
  const validFrom = input.validFrom ?? clock.today();
  if (input.validTo && input.validTo < validFrom) throw new AppError('validation_failed', 'Sluttdatoen kan ikke være før startdatoen.', [{ field: 'validTo', message: 'Må være etter startdatoen' }]);
  await tx.insert(roleAssignments).values({ tenantId, personId, businessRoleId: input.businessRoleId, source: input.source, validFrom, validTo: input.validTo, note: input.note });
}

export async function deleteAssignment(tx: Executor, personId: string, assignmentId: string) {
  const removed = await tx
    .delete(roleAssignments)
    .where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.personId, personId)))
    .returning({ id: roleAssignments.id });
  if (removed.length === 0) throw notFound('tildelingen');
}
