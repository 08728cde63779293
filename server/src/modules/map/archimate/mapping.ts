/**
 * How ArchiMate types map to the model's own tables, and which way a relation carries dependency.
 * Pure: no I/O.
 */
import type { technologyKinds } from '../tables.ts';

export type MappedKind = 'system' | 'service' | 'information' | 'technology' | 'element';

const technologyTypes: Record<string, (typeof technologyKinds)[number]> = {
  Node: 'server',
  Device: 'device',
  SystemSoftware: 'system_software',
  TechnologyService: 'technology_service',
  CommunicationNetwork: 'network',
};

export function kindForElementType(type: string): MappedKind {
  if (type === 'ApplicationComponent') return 'system';
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
export type LinkKind = 'system_information' | 'system_technology' | 'service_system' | 'integration';

export function linkFor(type: string, source: MappedKind, target: MappedKind): LinkKind | null {
  if (type === 'Access' && source === 'system' && target === 'information') return 'system_information';
  if ((type === 'Realization' || type === 'Assignment' || type === 'Serving') && source === 'technology' && target === 'system') return 'system_technology';
  if ((type === 'Serving' || type === 'Realization') && source === 'system' && target === 'service') return 'service_system';
  if (type === 'Flow' && source === 'system' && target === 'system') return 'integration';
  return null;
}
