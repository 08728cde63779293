/**
 * The model as one directed graph held in typed arrays (compressed sparse rows), built once per
 * municipality and model version and then only read. An edge always points from the dependent to
 * what it depends on ("the service depends on the process"), so "what depends on X" walks edges
 * backwards (upstream) and "what does X depend on" walks them forwards (downstream). No I/O here.
 */

export const nodeKinds = ['service', 'process', 'role', 'information', 'system', 'technology', 'integration', 'element', 'unit'] as const;
export type NodeKind = (typeof nodeKinds)[number];

/**
 * Edge types. `dependency: false` marks relations that are drawn on the map but say nothing about
 * what breaks when the other end breaks (an association, an information object carried by an
 * integration), so impact analysis does not follow them.
 */
export const edgeTypes = {
  realised_by: { dependency: true }, // service → process
  uses: { dependency: true }, // service/process/role → system
  performed_by: { dependency: true }, // process → business role
  uses_information: { dependency: true }, // process → information object
  calls: { dependency: true }, // process → sub process
  held_in: { dependency: true }, // information object → system that holds it
  runs_on: { dependency: true }, // system → technology
  receives_from: { dependency: true }, // receiving system → integration; integration → sending system
  carries: { dependency: false }, // integration → information object
  depends_on: { dependency: true }, // generic ArchiMate relations with a direction
  associated: { dependency: false }, // undirected or non-dependency ArchiMate relations
  owned_by: { dependency: false }, // system → unit (drawn, not a dependency)
  has_part: { dependency: true }, // process (or area) → its sub-process in the hierarchy
} as const;
export type EdgeType = keyof typeof edgeTypes;
export const edgeTypeNames = Object.keys(edgeTypes) as EdgeType[];
const edgeTypeIndex = new Map(edgeTypeNames.map((name, i) => [name, i]));
export const kindIndex = new Map(nodeKinds.map((kind, i) => [kind, i]));

export interface NodeAttributes {
  lifecycle?: string;
  criticality?: string;
  unitId?: string | null;
  personalDataCategory?: string;
  sensitivity?: string;
  type?: string;
  /** Whether an owner is recorded (model quality). */
  hasOwner?: boolean;
}

export interface ModelGraph {
  readonly size: number;
  readonly edgeCount: number;
  readonly ids: string[];
  readonly names: string[];
  readonly kinds: Uint8Array;
  readonly attributes: (NodeAttributes | undefined)[];
  readonly index: Map<string, number>;
  /** Forward (dependent → dependency): edges of node i are outTargets[outStart[i] .. outStart[i+1]). */
  readonly outStart: Int32Array;
  readonly outTargets: Int32Array;
  readonly outTypes: Uint8Array;
  /** Backward (dependency → dependent), the same edges reversed. */
  readonly inStart: Int32Array;
  readonly inTargets: Int32Array;
  readonly inTypes: Uint8Array;
  /** Per system node: people who use it (indices into a person list the loader keeps), for head counts. */
  readonly usersOf: Map<number, Int32Array>;
  readonly personCount: number;
}

export class GraphBuilder {
  readonly ids: string[] = [];
  readonly names: string[] = [];
  readonly kindList: number[] = [];
  readonly attributes: (NodeAttributes | undefined)[] = [];
  readonly index = new Map<string, number>();
  #from = new Int32Array(1024);
  #to = new Int32Array(1024);
  #type = new Uint8Array(1024);
  #edges = 0;
  readonly usersOf = new Map<number, Int32Array>();
  personCount = 0;

  addNode(id: string, kind: NodeKind, name: string, attributes?: NodeAttributes): number {
    const existing = this.index.get(id);
    if (existing !== undefined) return existing;
    const i = this.ids.length;
    this.ids.push(id);
    this.names.push(name);
    this.kindList.push(kindIndex.get(kind)!);
    this.attributes.push(attributes);
    this.index.set(id, i);
    return i;
  }

  /** Adds "from depends on to". Edges to unknown nodes are skipped (a link to a removed object). */
  addEdge(fromId: string, toId: string, type: EdgeType): boolean {
    const from = this.index.get(fromId);
    const to = this.index.get(toId);
    if (from === undefined || to === undefined) return false;
    this.addEdgeByIndex(from, to, type);
    return true;
  }

  addEdgeByIndex(from: number, to: number, type: EdgeType): void {
    if (this.#edges === this.#from.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.#from = grow(this.#from);
      this.#to = grow(this.#to);
      this.#type = grow(this.#type);
    }
    this.#from[this.#edges] = from;
    this.#to[this.#edges] = to;
    this.#type[this.#edges] = edgeTypeIndex.get(type)!;
    this.#edges++;
  }

  build(): ModelGraph {
    const n = this.ids.length;
    const m = this.#edges;
    const csr = (src: Int32Array, dst: Int32Array) => {
      const start = new Int32Array(n + 1);
      for (let e = 0; e < m; e++) start[src[e]! + 1]!++;
      for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
      const fill = start.slice(0, n);
      const targets = new Int32Array(m);
      const types = new Uint8Array(m);
      for (let e = 0; e < m; e++) {
        const at = fill[src[e]!]!++;
        targets[at] = dst[e]!;
        types[at] = this.#type[e]!;
      }
      return { start, targets, types };
    };
    const out = csr(this.#from, this.#to);
    const back = csr(this.#to, this.#from);
    return {
      size: n,
      edgeCount: m,
      ids: this.ids,
      names: this.names,
      kinds: Uint8Array.from(this.kindList),
      attributes: this.attributes,
      index: this.index,
      outStart: out.start,
      outTargets: out.targets,
      outTypes: out.types,
      inStart: back.start,
      inTargets: back.targets,
      inTypes: back.types,
      usersOf: this.usersOf,
      personCount: this.personCount,
    };
  }
}

export function kindOf(graph: ModelGraph, node: number): NodeKind {
  return nodeKinds[graph.kinds[node]!]!;
}
