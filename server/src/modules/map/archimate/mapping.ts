/**
 * How ArchiMate types map to the model's own tables, and which way a relation carries dependency.
 * Pure: no I/O.
 */
import type { EdgeType } from '../impact/graph.ts';
import type { ProcessLevel } from '../../processes/tables.ts';
import type { technologyKinds } from '../tables.ts';

export type MappedKind = 'system' | 'service' | 'information' | 'technology' | 'process' | 'role' | 'element';

const technologyTypes: Record<string, (typeof technologyKinds)[number]> = {
  Node: 'server',
  Device: 'device',
  SystemSoftware: 'system_software',
  TechnologyService: 'technology_service',
  CommunicationNetwork: 'network',
};

/**
 * BusinessProcess becomes a process of the process module and BusinessRole a business role of the
 * access module. BusinessFunction, BusinessEvent, BusinessInteraction and BusinessActor stay
 * generic elements: a function is a lasting grouping of behaviour rather than a flow of work with a
 * diagram, an event is not work at all, an interaction has no single owner, and an actor may be an
 * outside party (Archisurance's «Client») while our org units come from the HR register.
 */
export function kindForElementType(type: string): MappedKind {
  if (type === 'ApplicationComponent') return 'system';
  if (type === 'BusinessProcess') return 'process';
  if (type === 'BusinessRole') return 'role';
  if (type === 'BusinessService') return 'service';
  if (type === 'DataObject' || type === 'BusinessObject') return 'information';
  if (type in technologyTypes) return 'technology';
  return 'element';
}

export function technologyKindFor(type: string): (typeof technologyKinds)[number] {
  return technologyTypes[type] ?? 'other';
}

/** The ArchiMate type an object of ours is exported as when it did not come from ArchiMate. */
export function defaultElementType(kind: MappedKind, technologyKind?: string): string {
  switch (kind) {
    case 'system':
      return 'ApplicationComponent';
    case 'service':
      return 'BusinessService';
    case 'information':
      return 'BusinessObject';
    case 'technology':
      return Object.entries(technologyTypes).find(([, k]) => k === technologyKind)?.[0] ?? 'Node';
    case 'process':
      return 'BusinessProcess';
    case 'role':
      return 'BusinessRole';
    default:
      return 'Grouping';
  }
}

export type RelationDirection = 'source_depends_on_target' | 'target_depends_on_source' | 'none';

/**
 * A whole depends on its parts, behaviour on the data it accesses; what is served, realised,
 * assigned or fed (flow, triggering) depends on its source. Association, specialisation and
 * influence say nothing about what breaks.
 */
export function relationDirection(type: string): RelationDirection {
  switch (type) {
    case 'Composition':
    case 'Aggregation':
    case 'Access':
      return 'source_depends_on_target';
    case 'Assignment':
    case 'Realization':
    case 'Serving':
    case 'Triggering':
    case 'Flow':
      return 'target_depends_on_source';
    default:
      return 'none';
  }
}

/**
 * Relations between two mapped objects that become rows of our own link tables; the rest are kept
 * as generic model relations. Returns the link kind or null.
 */
export type LinkKind = 'system_information' | 'system_technology' | 'service_system' | 'service_process' | 'process_parent' | 'integration';

export function linkFor(type: string, source: MappedKind, target: MappedKind): LinkKind | null {
  if ((type === 'Realization' || type === 'Serving') && source === 'process' && target === 'service') return 'service_process';
  // The whole is the source: the process hierarchy's parent. The store checks it makes no cycle.
  if ((type === 'Composition' || type === 'Aggregation') && source === 'process' && target === 'process') return 'process_parent';
  if (type === 'Access' && source === 'system' && target === 'information') return 'system_information';
  if ((type === 'Realization' || type === 'Assignment' || type === 'Serving') && source === 'technology' && target === 'system') return 'system_technology';
  if ((type === 'Serving' || type === 'Realization') && source === 'system' && target === 'service') return 'service_system';
  if (type === 'Flow' && source === 'system' && target === 'system') return 'integration';
  return null;
}

/** The exported type of a hierarchy link that did not come from ArchiMate. */
export const processParentType = 'Composition';

/**
 * A relation kept as a generic model relation that the map still draws as one of its own edges,
 * because our model has no table for it outside a BPMN diagram: a system serving a process or a
 * role (the process or role uses it), a role assigned to a process (the process is performed by
 * it), a process accessing an information object. `from` is the end that depends on the other.
 */
export function typedEdgeFor(type: string, source: string, target: string): { from: 'source' | 'target'; edge: EdgeType } | null {
  if ((type === 'Serving' || type === 'Realization') && source === 'system' && (target === 'process' || target === 'role')) return { from: 'target', edge: 'uses' };
  if (type === 'Assignment' && source === 'role' && target === 'process') return { from: 'target', edge: 'performed_by' };
  if (type === 'Access' && source === 'process' && target === 'information') return { from: 'source', edge: 'uses_information' };
  return null;
}

/**
 * The level a process takes when a Composition/Aggregation puts it under another, or null when our
 * hierarchy does not allow it: under a process area sits an area or a process, under a process a
 * sub-process, and an area never sits under a process.
 */
export function hierarchyLevel(parent: ProcessLevel, child: ProcessLevel): ProcessLevel | null {
  if (parent === 'area') return child === 'area' ? 'area' : 'process';
  return child === 'area' ? null : 'subprocess';
}
