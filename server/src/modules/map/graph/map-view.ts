import { edgeTypeNames, kindOf, nodeKinds, type ModelGraph, type NodeKind } from '../impact/graph.ts';

/** What the map shows, chosen by the user. Pure: no I/O. */
export interface MapFilter {
  layers?: NodeKind[];
  unitId?: string;
  lifecycle?: string[];
  criticality?: string[];
  focusId?: string;
  depth?: number;
  search?: string;
  limit?: number;
}

export interface MapNode {
  id: string;
  kind: NodeKind;
  name: string;
  lifecycle?: string;
  criticality?: string;
  personalDataCategory?: string;
  type?: string;
}
export interface MapEdge {
  id: string;
  source: string;
  target: string;
  type: string;
}
export interface MapPicture {
  nodes: MapNode[];
  edges: MapEdge[];
  total: number;
  cut: boolean;
}

function passes(graph: ModelGraph, node: number, filter: MapFilter, layers: Set<NodeKind>): boolean {
  const kind = kindOf(graph, node);
  if (!layers.has(kind)) return false;
  const a = graph.attributes[node];
  if (filter.unitId && (kind === 'system' || kind === 'service') && a?.unitId !== filter.unitId) return false;
  if (filter.lifecycle?.length && kind === 'system' && !filter.lifecycle.includes(a?.lifecycle ?? '')) return false;
  if (filter.criticality?.length && (kind === 'system' || kind === 'service') && !filter.criticality.includes(a?.criticality ?? '')) return false;
  if (filter.search && !graph.names[node]!.toLowerCase().includes(filter.search.toLowerCase())) return false;
  return true;
}

/**
 * The objects and relations the map draws: the whole model through the filters, or one object and
 * its neighbours `depth` steps out along any relation in either direction.
 */
export function mapPicture(graph: ModelGraph, filter: MapFilter): MapPicture {
  const layers = new Set<NodeKind>(filter.layers?.length ? filter.layers : nodeKinds.filter((k) => k !== 'unit'));
  const limit = filter.limit ?? 1500;
  let candidates: number[];
  const focus = filter.focusId ? graph.index.get(filter.focusId) : undefined;
  if (focus !== undefined) {
    const depth = filter.depth ?? 1;
    const seen = new Map<number, number>([[focus, 0]]);
    const queue = [focus];
    for (let head = 0; head < queue.length; head++) {
      const at = queue[head]!;
      const d = seen.get(at)!;
      if (d >= depth) continue;
      const visit = (next: number) => {
        if (!seen.has(next)) {
          seen.set(next, d + 1);
          queue.push(next);
        }
      };
      for (let e = graph.outStart[at]!; e < graph.outStart[at + 1]!; e++) visit(graph.outTargets[e]!);
      for (let e = graph.inStart[at]!; e < graph.inStart[at + 1]!; e++) visit(graph.inTargets[e]!);
    }
    // The focused object is always shown, even when a filter would hide it.
    candidates = queue.filter((n) => n === focus || passes(graph, n, { ...filter, search: undefined }, layers));
  } else {
    candidates = [];
    for (let n = 0; n < graph.size; n++) if (passes(graph, n, filter, layers)) candidates.push(n);
  }
  const total = candidates.length;
  const shown = candidates.slice(0, limit);
  const inPicture = new Set(shown);
  const nodes: MapNode[] = shown.map((n) => {
    const a = graph.attributes[n];
    const node: MapNode = { id: graph.ids[n]!, kind: kindOf(graph, n), name: graph.names[n]! };
    if (a?.lifecycle) node.lifecycle = a.lifecycle;
    if (a?.criticality) node.criticality = a.criticality;
    if (a?.personalDataCategory) node.personalDataCategory = a.personalDataCategory;
    if (a?.type) node.type = a.type;
    return node;
  });
  const edges: MapEdge[] = [];
  for (const n of shown) {
    for (let e = graph.outStart[n]!; e < graph.outStart[n + 1]!; e++) {
      const t = graph.outTargets[e]!;
      if (!inPicture.has(t)) continue;
      edges.push({ id: `${graph.ids[n]}>${graph.ids[t]}:${e}`, source: graph.ids[n]!, target: graph.ids[t]!, type: edgeTypeNames[graph.outTypes[e]!]! });
    }
  }
  return { nodes, edges, total, cut: total > shown.length };
}
