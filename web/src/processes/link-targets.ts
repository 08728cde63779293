import type { ElementLink } from './BpmnViewer';

/** Where clicking a linked element goes: the business role, system, information object or called process. */
export function linkTarget(link: ElementLink): string | null {
  if (!link.targetId) return null;
  switch (link.kind) {
    case 'lane_business_role':
      return `/access/business-roles/${link.targetId}`;
    case 'task_system':
      return `/systems/${link.targetId}`;
    case 'data_information_object':
      return `/map/model/information-objects?id=${link.targetId}`;
    case 'call_process':
      return `/processes/${link.targetId}`;
    default:
      return null;
  }
}
