/** The bridge between processes and roles [rolle-gap]. Pure. */

export interface RoleNeed {
  businessRoleId: string;
  systemRoleId: string;
  processId: string;
  stepName: string;
}

export interface RoleGap {
  businessRoleId: string;
  /** System roles the role's process steps call for that the role does not give. */
  missing: { systemRoleId: string; processIds: string[]; steps: string[] }[];
  /** System roles the role gives that none of its process steps calls for. */
  unused: string[];
  processIds: string[];
}

/**
 * Compares what the processes need of each business role (a task in the role's lane names the
 * system role it needs) with what the role grants.
 */
export function roleGaps(roleIds: string[], needs: RoleNeed[], grants: Map<string, Set<string>>, processesOfRole: Map<string, Set<string>>): RoleGap[] {
  return roleIds.map((businessRoleId) => {
    const granted = grants.get(businessRoleId) ?? new Set<string>();
    const own = needs.filter((need) => need.businessRoleId === businessRoleId);
    const needed = new Set(own.map((need) => need.systemRoleId));
    const missing = [...needed]
      .filter((systemRoleId) => !granted.has(systemRoleId))
      .map((systemRoleId) => {
        const of = own.filter((need) => need.systemRoleId === systemRoleId);
        return { systemRoleId, processIds: [...new Set(of.map((n) => n.processId))], steps: [...new Set(of.map((n) => n.stepName))] };
      });
    return {
      businessRoleId,
      missing,
      unused: [...granted].filter((systemRoleId) => !needed.has(systemRoleId)),
      processIds: [...(processesOfRole.get(businessRoleId) ?? [])],
    };
  });
}
