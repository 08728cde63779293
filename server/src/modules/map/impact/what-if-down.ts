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
}

/**
 * "What if X is down?": everything that depends on X, transitively, grouped by what matters to the
 * municipality, and how many people use X or a system that stops with it.
 */
export function whatIfDown(graph: ModelGraph, id: string, depth: number | null = null): DownAnswer | null {
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
  };
  const people = new Set<number>();
  const countUsers = (node: number) => {
    const users = graph.usersOf.get(node);
    if (users) for (const p of users) people.add(p);
  };
  countUsers(origin);
  for (let i = 0; i < result.nodes.length; i++) {
    const node = result.nodes[i]!;
    const item = itemOf(graph, result, node, result.distances[i]!);
    switch (item.kind) {
      case 'service':
        answer.services.push(item);
        break;
      case 'process':
        answer.processes.push(item);
        break;
      case 'role':
        answer.roles.push(item);
        countUsers(node);
        break;
      case 'system':
        answer.systems.push(item);
        countUsers(node);
        break;
      case 'information': {
        answer.information.push(item);
        const category = item.personalDataCategory ?? 'none';
        answer.personalData[category] = (answer.personalData[category] ?? 0) + 1;
        break;
      }
      default:
        answer.other.push(item);
    }
  }
  answer.employeesAffected = people.size;
  return answer;
}
