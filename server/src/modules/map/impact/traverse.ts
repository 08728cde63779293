import { edgeTypeNames, edgeTypes, kindOf, type EdgeType, type ModelGraph, type NodeKind } from './graph.ts';

export type Direction = 'upstream' | 'downstream';

export interface Reach {
  origin: number;
  direction: Direction;
  /** Reached nodes in breadth-first order (origin not included). */
  nodes: Int32Array;
  /** For each reached node (same order): how many steps from the origin. */
  distances: Int32Array;
  /** parent[node] = the node it was reached from, -1 for the origin; only valid for reached nodes. */
  parent: Int32Array;
  parentEdge: Uint8Array;
  /** True when the depth limit cut the walk short (there is more beyond). */
  truncated: boolean;
}

const dependencyEdge = edgeTypeNames.map((name) => edgeTypes[name].dependency);

/**
 * Scratch arrays reused between walks of the same graph: allocating 100k-entry arrays per query
 * would cost more than the walk itself. A generation stamp marks what this walk has seen, so the
 * arrays are never cleared. Walks are synchronous, so one scratch per graph is enough.
 */
interface Scratch {
  seen: Uint32Array;
  stamp: number;
  parent: Int32Array;
  parentEdge: Uint8Array;
  queue: Int32Array;
  depth: Int32Array;
}
const scratches = new WeakMap<ModelGraph, Scratch>();

function scratchFor(graph: ModelGraph): Scratch {
  let s = scratches.get(graph);
  if (!s) {
    s = {
      seen: new Uint32Array(graph.size),
      stamp: 0,
      parent: new Int32Array(graph.size),
      parentEdge: new Uint8Array(graph.size),
      queue: new Int32Array(graph.size),
      depth: new Int32Array(graph.size),
    };
    scratches.set(graph, s);
  }
  return s;
}

/**
 * Everything reachable from `origin` along dependency edges in one direction, up to `maxDepth`
 * steps (Infinity = transitive). Breadth-first, so each node is reached by a shortest path, and a
 * node is visited once, so cycles end the walk rather than loop it.
 */
export function reach(graph: ModelGraph, origin: number, direction: Direction, maxDepth = Infinity): Reach {
  const s = scratchFor(graph);
  s.stamp++;
  if (s.stamp === 0xffffffff) {
    s.seen.fill(0);
    s.stamp = 1;
  }
  const stamp = s.stamp;
  const start = direction === 'upstream' ? graph.inStart : graph.outStart;
  const targets = direction === 'upstream' ? graph.inTargets : graph.outTargets;
  const types = direction === 'upstream' ? graph.inTypes : graph.outTypes;
  const { seen, queue, depth } = s;
  // Parents are copied out per walk because callers keep them after the next walk starts.
  const parent = new Int32Array(graph.size);
  const parentEdge = new Uint8Array(graph.size);
  seen[origin] = stamp;
  parent[origin] = -1;
  depth[origin] = 0;
  let head = 0;
  let tail = 0;
  queue[tail++] = origin;
  let truncated = false;
  while (head < tail) {
    const node = queue[head++]!;
    const d = depth[node]!;
    for (let e = start[node]!, end = start[node + 1]!; e < end; e++) {
      const type = types[e]!;
      if (!dependencyEdge[type]) continue;
      const next = targets[e]!;
      if (seen[next] === stamp) continue;
      if (d >= maxDepth) {
        truncated = true;
        break;
      }
      seen[next] = stamp;
      parent[next] = node;
      parentEdge[next] = type;
      depth[next] = d + 1;
      queue[tail++] = next;
    }
  }
  const nodes = queue.slice(1, tail);
  const distances = new Int32Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) distances[i] = depth[nodes[i]!]!;
  return { origin, direction, nodes, distances, parent, parentEdge, truncated };
}

export interface PathStep {
  id: string;
  kind: NodeKind;
  name: string;
  /** The relation that led from the previous step to this one (absent on the first). */
  via?: EdgeType;
}

/** The path from the origin to `node` that explains why it was reached. */
export function pathTo(graph: ModelGraph, result: Reach, node: number): PathStep[] {
  const steps: PathStep[] = [];
  for (let at = node; at !== -1; at = result.parent[at]!) {
    const step: PathStep = { id: graph.ids[at]!, kind: kindOf(graph, at), name: graph.names[at]! };
    if (at !== result.origin) step.via = edgeTypeNames[result.parentEdge[at]!];
    steps.push(step);
    if (at === result.origin) break;
  }
  return steps.reverse();
}
