import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import { notFound } from '../../platform/http/app-error.ts';
import { businessRoles, businessRoleSystemRoles, systemRoles } from '../access/tables.ts';
import { systems } from '../catalogue/tables.ts';
import { parseBpmn } from '../processes/bpmn/parse.ts';
import { processElementLinks, processes, processVersions } from '../processes/tables.ts';
import { roleGaps, type RoleNeed } from './rules/role-gaps.ts';

/** What published processes ask of business roles: per lane-linked role, the system roles of its tasks. */
async function loadNeeds(tx: Executor, onlyRoleId?: string) {
  const laneLinks = await tx
    .select({ versionId: processElementLinks.versionId, elementId: processElementLinks.elementId, roleId: processElementLinks.targetId, processId: processVersions.processId, xml: processVersions.bpmnXml })
    .from(processElementLinks)
    .innerJoin(processVersions, and(eq(processVersions.id, processElementLinks.versionId), eq(processVersions.state, 'published')))
    .where(and(eq(processElementLinks.kind, 'lane_business_role'), onlyRoleId ? eq(processElementLinks.targetId, onlyRoleId) : undefined));
  const versionIds = [...new Set(laneLinks.map((l) => l.versionId))];
  const taskLinks = versionIds.length
    ? await tx.select().from(processElementLinks).where(and(inArray(processElementLinks.versionId, versionIds), eq(processElementLinks.kind, 'task_system')))
    : [];
  const needs: RoleNeed[] = [];
  const processesOfRole = new Map<string, Set<string>>();
  const parsed = new Map<string, Awaited<ReturnType<typeof parseBpmn>>['model'] | null>();
  for (const lane of laneLinks) {
    if (!lane.roleId) continue;
    if (!processesOfRole.has(lane.roleId)) processesOfRole.set(lane.roleId, new Set());
    processesOfRole.get(lane.roleId)!.add(lane.processId);
    if (!parsed.has(lane.versionId)) parsed.set(lane.versionId, await parseBpmn(lane.xml).then((r) => r.model, () => null));
    const model = parsed.get(lane.versionId);
    if (!model) continue;
    for (const task of taskLinks.filter((t) => t.versionId === lane.versionId && t.systemRoleId)) {
      const element = model.elements.find((e) => e.id === task.elementId);
      if (!element?.laneIds.includes(lane.elementId)) continue;
      needs.push({ businessRoleId: lane.roleId, systemRoleId: task.systemRoleId!, processId: lane.processId, stepName: element.name?.trim() || element.id });
    }
  }
  return { needs, processesOfRole };
}

async function describe(tx: Executor, systemRoleIds: string[], processIds: string[]) {
  const roles = systemRoleIds.length
    ? await tx
        .select({ id: systemRoles.id, name: systemRoles.name, systemId: systems.id, systemName: systems.name })
        .from(systemRoles)
        .innerJoin(systems, eq(systems.id, systemRoles.systemId))
        .where(inArray(systemRoles.id, systemRoleIds))
    : [];
  const procs = processIds.length ? await tx.select({ id: processes.id, name: processes.name }).from(processes).where(inArray(processes.id, processIds)) : [];
  return { systemRole: new Map(roles.map((r) => [r.id, r])), process: new Map(procs.map((p) => [p.id, p])) };
}

/** Role gaps for one business role (with names) or for all (the overview). */
export async function businessRoleGaps(tx: Executor, onlyRoleId?: string) {
  const roles = await tx
    .select({ id: businessRoles.id, name: businessRoles.name })
    .from(businessRoles)
    .where(onlyRoleId ? eq(businessRoles.id, onlyRoleId) : undefined)
    .orderBy(asc(businessRoles.name));
  if (onlyRoleId && roles.length === 0) throw notFound('forretningsrollen');
  const { needs, processesOfRole } = await loadNeeds(tx, onlyRoleId);
  const grantRows = await tx
    .select({ businessRoleId: businessRoleSystemRoles.businessRoleId, systemRoleId: businessRoleSystemRoles.systemRoleId })
    .from(businessRoleSystemRoles)
    .where(onlyRoleId ? eq(businessRoleSystemRoles.businessRoleId, onlyRoleId) : undefined);
  const grants = new Map<string, Set<string>>();
  for (const row of grantRows) {
    if (!grants.has(row.businessRoleId)) grants.set(row.businessRoleId, new Set());
    grants.get(row.businessRoleId)!.add(row.systemRoleId);
  }
  const gaps = roleGaps(roles.map((r) => r.id), needs, grants, processesOfRole);
  const names = await describe(
    tx,
    [...new Set(gaps.flatMap((g) => [...g.missing.map((m) => m.systemRoleId), ...g.unused]))],
    [...new Set(gaps.flatMap((g) => g.processIds))],
  );
  const systemRoleOut = (id: string) => {
    const role = names.systemRole.get(id);
    return { id, name: role?.name ?? id, systemId: role?.systemId ?? null, systemName: role?.systemName ?? '' };
  };
  const processOut = (id: string) => ({ id, name: names.process.get(id)?.name ?? id });
  return roles.map((role) => {
    const gap = gaps.find((g) => g.businessRoleId === role.id)!;
    return {
      businessRole: role,
      processes: gap.processIds.map(processOut).sort((a, b) => a.name.localeCompare(b.name, 'nb')),
      missing: gap.missing.map((m) => ({ systemRole: systemRoleOut(m.systemRoleId), processes: m.processIds.map(processOut), steps: m.steps })),
      unused: gap.unused.map(systemRoleOut),
    };
  });
}
