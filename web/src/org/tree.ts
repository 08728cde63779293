/**
 * The org unit tree as the browser sees it: built from the flat list GET /api/org/units returns,
 * searched, and flattened into the rows a tree widget shows. Pure: no React, no I/O.
 */

export interface OrgUnitSummary {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  kind: string;
  managerName: string | null;
  employeeCount: number;
  descendantCount: number;
}

export interface TreeNode {
  unit: OrgUnitSummary;
  children: TreeNode[];
  parent: TreeNode | null;
  level: number;
}

const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

/** Roots first; a unit whose parent is not in the list is shown as a root rather than lost. */
export function buildTree(units: readonly OrgUnitSummary[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const unit of units) nodes.set(unit.id, { unit, children: [], parent: null, level: 1 });
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent && parent !== node) {
      node.parent = parent;
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  }
  const sortAndLevel = (list: TreeNode[], level: number, seen: Set<TreeNode>) => {
    list.sort((a, b) => collator.compare(a.unit.name, b.unit.name));
    for (const node of list) {
      // A cycle in the data must not hang the page; the server forbids them, this is a guard.
      if (seen.has(node)) continue;
      seen.add(node);
      node.level = level;
      sortAndLevel(node.children, level + 1, seen);
    }
  };
  sortAndLevel(roots, 1, new Set());
  return roots;
}

/** Case-insensitive: "SKOLE" finds "Bryne skole". */
export function normalise(text: string): string {
  return text.toLocaleLowerCase('nb').trim();
}

export function unitMatches(unit: OrgUnitSummary, query: string): boolean {
  const needle = normalise(query);
  if (!needle) return false;
  return normalise(unit.name).includes(needle) || normalise(unit.code).includes(needle);
}

/** Every node in depth-first order. */
export function allNodes(roots: readonly TreeNode[]): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (list: readonly TreeNode[]) => {
    for (const node of list) {
      out.push(node);
      walk(node.children);
    }
  };
  walk(roots);
  return out;
}

/** The ids to expand so that every match is visible: the ancestors of each match. */
export function ancestorIdsOf(matches: readonly TreeNode[]): Set<string> {
  const ids = new Set<string>();
  for (const match of matches) {
    for (let node = match.parent; node; node = node.parent) {
      if (ids.has(node.unit.id)) break;
      ids.add(node.unit.id);
    }
  }
  return ids;
}

export interface TreeSearch {
  /** Units whose name or code contains the query. */
  matchIds: Set<string>;
  /** Units shown while searching: the matches and their ancestors. */
  shownIds: Set<string>;
  /** Ancestors to expand so every match is visible. */
  expandIds: Set<string>;
}

export function searchTree(roots: readonly TreeNode[], query: string): TreeSearch | null {
  if (!normalise(query)) return null;
  const matches = allNodes(roots).filter((node) => unitMatches(node.unit, query));
  const expandIds = ancestorIdsOf(matches);
  const matchIds = new Set(matches.map((node) => node.unit.id));
  return { matchIds, expandIds, shownIds: new Set([...matchIds, ...expandIds]) };
}

export interface VisibleRow {
  node: TreeNode;
  /** Children that are shown (all of them, or while searching only those on a path to a match). */
  shownChildren: TreeNode[];
  expanded: boolean;
  posInSet: number;
  setSize: number;
}

/** The rows a tree widget renders, in order: a node's children follow it only while it is expanded. */
export function visibleRows(roots: readonly TreeNode[], expanded: ReadonlySet<string>, shown?: ReadonlySet<string>): VisibleRow[] {
  const rows: VisibleRow[] = [];
  const filter = (list: readonly TreeNode[]) => (shown ? list.filter((node) => shown.has(node.unit.id)) : [...list]);
  const walk = (list: readonly TreeNode[]) => {
    const siblings = filter(list);
    siblings.forEach((node, index) => {
      const shownChildren = filter(node.children);
      const isExpanded = shownChildren.length > 0 && expanded.has(node.unit.id);
      rows.push({ node, shownChildren, expanded: isExpanded, posInSet: index + 1, setSize: siblings.length });
      if (isExpanded) walk(node.children);
    });
  };
  walk(roots);
  return rows;
}

/** A unit and everything under it: none of them can become the unit's new parent. */
export function subtreeIds(units: readonly OrgUnitSummary[], id: string): Set<string> {
  const childrenOf = new Map<string, string[]>();
  for (const unit of units) {
    if (!unit.parentId) continue;
    const list = childrenOf.get(unit.parentId) ?? [];
    list.push(unit.id);
    childrenOf.set(unit.parentId, list);
  }
  const ids = new Set<string>([id]);
  const stack = [id];
  while (stack.length > 0) {
    for (const child of childrenOf.get(stack.pop()!) ?? []) {
      if (!ids.has(child)) {
        ids.add(child);
        stack.push(child);
      }
    }
  }
  return ids;
}

/** Names from the root down to the unit, for showing where a unit sits. */
export function pathNames(units: readonly OrgUnitSummary[], id: string): string[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const names: string[] = [];
  const seen = new Set<string>();
  for (let unit = byId.get(id); unit && !seen.has(unit.id); unit = unit.parentId ? byId.get(unit.parentId) : undefined) {
    seen.add(unit.id);
    names.unshift(unit.name);
  }
  return names;
}

/** Splits text around the first occurrence of the query so the match can be highlighted. */
export function splitOnMatch(text: string, query: string): [before: string, match: string, after: string] | null {
  const needle = normalise(query);
  if (!needle) return null;
  const index = text.toLocaleLowerCase('nb').indexOf(needle);
  if (index < 0) return null;
  return [text.slice(0, index), text.slice(index, index + needle.length), text.slice(index + needle.length)];
}
