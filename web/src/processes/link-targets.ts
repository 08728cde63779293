import type { ElementLink } from './BpmnViewer';

/**
 * Where clicking a linked element goes: the business role's page, the system's page, the
 * information object on the map (the model list has no page per object) or the called process.
 * Each target is a route of the web app (web/src/access, catalogue, map and processes routes).
 */
export function linkTarget(link: ElementLink): string | null {
  if (!link.targetId) return null;
  switch (link.kind) {
    case 'lane_business_role':
      return `/access/business-roles/${link.targetId}`;
    case 'task_system':
      return `/systems/${link.targetId}`;
    case 'data_information_object':
      return `/map?focus=${link.targetId}`;
    case 'call_process':
      return `/processes/${link.targetId}`;
    default:
      return null;
  }
}
