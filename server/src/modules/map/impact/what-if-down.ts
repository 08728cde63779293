import { kindOf, type ModelGraph, type NodeKind } from './graph.ts';
import { pathTo, reach, type Direction, type PathStep } from './traverse.ts';

export interface ImpactItem {
  id: string;
  kind: NodeKind;
  name: string;
  distance: number;
  path: PathStep[];
  personalDataCategory?: string;
}

export interface ImpactAnswer {
  origin: { id: string; kind: NodeKind; name: string };
  direction: Direction;
  depth: number | null;
  counts: Partial<Record<NodeKind, number>>;
  total: number;
  items: ImpactItem[];
  /** More items than `limit` were found; counts still count all of them. */
  cut: boolean;
  /** The depth limit stopped the walk while there was more to find. */
  truncated: boolean;
}

function itemOf(graph: ModelGraph, result: ReturnType<typeof reach>, node: number, distance: number): ImpactItem {
  const item: ImpactItem = { id: graph.ids[node]!, kind: kindOf(graph, node), name: graph.names[node]!, distance, path: pathTo(graph, result, node) };
  const category = graph.attributes[node]?.personalDataCategory;
  if (category) item.personalDataCategory = category;
  return item;
}

/** What depends on the object (upstream) or what it depends on (downstream), each with its path. */
export function impactOf(graph: ModelGraph, id: string, direction: Direction, depth: number | null, limit = 500): ImpactAnswer | null {
  const origin = graph.index.get(id);
  if (origin === undefined) return null;
  const result = reach(graph, origin, direction, depth ?? Infinity);
  const counts: Partial<Record<NodeKind, number>> = {};
  const items: ImpactItem[] = [];
  for (let i = 0; i < result.nodes.length; i++) {
    const node = result.nodes[i]!;
    const kind = kindOf(graph, node);
    counts[kind] = (counts[kind] ?? 0) + 1;
    if (items.length < limit) items.push(itemOf(graph, result, node, result.distances[i]!));
  }
  return {
    origin: { id, kind: kindOf(graph, origin), name: graph.names[origin]! },
    direction,
    depth,
    counts,
    total: result.nodes.length,
    items,
    cut: result.nodes.length > limit,
    truncated: result.truncated,
  };
}

export interface DownAnswer {
  origin: { id: string; kind: NodeKind; name: string };
  services: ImpactItem[];
  processes: ImpactItem[];
  roles: ImpactItem[];
  systems: ImpactItem[];
  information: ImpactItem[];
  /** Other affected objects (integrations, generic ArchiMate elements). */
  other: ImpactItem[];
  /** People who use the object or any affected system; null when nothing tells who uses what. */
  employeesAffected: number;
  /** Affected information objects per personal-data category (none, personal, special, criminal). */
  personalData: Record<string, number>;
  /** How many of each group there are; the lists stop at `limit` each. */
  totals: { services: number; processes: number; roles: number; systems: number; information: number; other: number };
}

/**
 * "What if X is down?": everything that depends on X, transitively, grouped by what matters to the
 * municipality, and how many people use X or a system that stops with it.
 */
export function whatIfDown(graph: ModelGraph, id: string, depth: number | null = null, limit = 200): DownAnswer | null {
  const origin = graph.index.get(id);
  if (origin === undefined) return null;
  const result = reach(graph, origin, 'upstream', depth ?? Infinity);
  const answer: DownAnswer = {
    origin: { id, kind: kindOf(graph, origin), name: graph.names[origin]! },
    services: [],
    processes: [],
    roles: [],
    systems: [],
    information: [],
    other: [],
    employeesAffected: 0,
    personalData: {},
    totals: { services: 0, processes: 0, roles: 0, systems: 0, information: 0, other: 0 },
  };
  // Paths are built only for the items listed: a core system of a big model reaches most of it.
  const add = (group: keyof DownAnswer['totals'], node: number, i: number) => {
    answer.totals[group]++;
    if (answer[group].length < limit) answer[group].push(itemOf(graph, result, node, result.distances[i]!));
  };
  // A mark per person rather than a Set: a core system reaches tens of thousands of user entries.
  const marked = new Uint8Array(graph.personCount || 1);
  let peopleCount = 0;
  const countUsers = (node: number) => {
    const users = graph.usersOf.get(node);
    if (!users) return;
    for (let u = 0; u < users.length; u++) {
      const p = users[u]!;
      if (!marked[p]) {
        marked[p] = 1;
        peopleCount++;
      }
    }
  };
  countUsers(origin);
  for (let i = 0; i < result.nodes.length; i++) {
    const node = result.nodes[i]!;
    switch (kindOf(graph, node)) {
      case 'service':
        add('services', node, i);
        break;
      case 'process':
        add('processes', node, i);
        break;
      case 'role':
        add('roles', node, i);
        countUsers(node);
        break;
      case 'system':
        add('systems', node, i);
        countUsers(node);
        break;
      case 'information': {
        add('information', node, i);
        const category = graph.attributes[node]?.personalDataCategory ?? 'none';
        answer.personalData[category] = (answer.personalData[category] ?? 0) + 1;
        break;
      }
      default:
        add('other', node, i);
    }
  }
  answer.employeesAffected = peopleCount;
  return answer;
}
