import { edgeTypeNames, kindOf, type ModelGraph, type NodeKind } from '../impact/graph.ts';

/** Model quality [modellkvalitet]: what is missing per object and how complete each area is. Pure. */
export const qualityIssues = [
  'no_owner',
  'no_ros',
  'process_no_system',
  'system_no_users',
  'system_no_technology',
  'integration_no_information',
  'service_no_delivery',
  'information_not_held',
] as const;
export type QualityIssue = (typeof qualityIssues)[number];

export interface ObjectQuality {
  id: string;
  kind: NodeKind;
  name: string;
  score: number;
  missing: QualityIssue[];
}
export interface AreaQuality {
  kind: NodeKind;
  objects: number;
  score: number;
  toFix: number;
}

function outTypes(graph: ModelGraph, node: number, toKind?: NodeKind): Set<string> {
  const types = new Set<string>();
  for (let e = graph.outStart[node]!; e < graph.outStart[node + 1]!; e++) {
    if (toKind && kindOf(graph, graph.outTargets[e]!) !== toKind) continue;
    types.add(edgeTypeNames[graph.outTypes[e]!]!);
  }
  return types;
}

/**
 * The checks per kind of object. There is no ROS (risk and vulnerability analysis) module yet, so
 * every system lacks one: counted as missing, and the page says why.
 */
export function assessQuality(graph: ModelGraph): { objects: ObjectQuality[]; areas: AreaQuality[] } {
  const objects: ObjectQuality[] = [];
  for (let n = 0; n < graph.size; n++) {
    const kind = kindOf(graph, n);
    const a = graph.attributes[n];
    const checks: [QualityIssue, boolean][] = [];
    if (kind === 'system') {
      checks.push(['no_owner', Boolean(a?.hasOwner)], ['no_ros', false], ['system_no_users', (graph.usersOf.get(n)?.length ?? 0) > 0], ['system_no_technology', outTypes(graph, n).has('runs_on')]);
    } else if (kind === 'service') {
      const t = outTypes(graph, n);
      checks.push(['no_owner', Boolean(a?.hasOwner)], ['service_no_delivery', t.has('realised_by') || t.has('uses')]);
    } else if (kind === 'process') {
      checks.push(['no_owner', Boolean(a?.hasOwner)], ['process_no_system', outTypes(graph, n, 'system').has('uses')]);
    } else if (kind === 'information') {
      checks.push(['no_owner', Boolean(a?.hasOwner)], ['information_not_held', outTypes(graph, n).has('held_in')]);
    } else if (kind === 'integration') {
      checks.push(['integration_no_information', outTypes(graph, n).has('carries')]);
    } else if (kind === 'role') {
      checks.push(['no_owner', Boolean(a?.hasOwner)]);
    } else continue;
    const missing = checks.filter(([, ok]) => !ok).map(([issue]) => issue);
    objects.push({ id: graph.ids[n]!, kind, name: graph.names[n]!, score: Math.round((100 * (checks.length - missing.length)) / checks.length), missing });
  }
  const byKind = new Map<NodeKind, ObjectQuality[]>();
  for (const o of objects) byKind.set(o.kind, [...(byKind.get(o.kind) ?? []), o]);
  const areas = [...byKind].map(([kind, list]) => ({
    kind,
    objects: list.length,
    score: Math.round(list.reduce((s, o) => s + o.score, 0) / list.length),
    toFix: list.filter((o) => o.missing.length).length,
  }));
  objects.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name, 'nb'));
  return { objects, areas };
}
