/**
 * Rules about the shape of the organisation tree. Pure: works on the flat parent links that the
 * database hands back, so that it can be tested exhaustively without one.
 */
export interface UnitLink {
  id: string;
  parentId: string | null;
}

export interface UnitTreeNode<T extends UnitLink> {
  unit: T;
  children: UnitTreeNode<T>[];
}

function parentMap(links: readonly UnitLink[]): Map<string, string | null> {
  return new Map(links.map((link) => [link.id, link.parentId]));
}

function childrenMap<T extends UnitLink>(links: readonly T[]): Map<string | null, T[]> {
  const byParent = new Map<string | null, T[]>();
  for (const link of links) {
    const siblings = byParent.get(link.parentId);
    if (siblings) siblings.push(link);
    else byParent.set(link.parentId, [link]);
  }
  return byParent;
}

/**
 * The units from `fromId` up to its root, nearest first. Stops at a unit it has already seen, so
 * that data which somehow holds a cycle cannot make it loop.
 */
export function ancestorsOf(links: readonly UnitLink[], fromId: string): string[] {
  const parents = parentMap(links);
  const chain: string[] = [];
  const seen = new Set<string>();
  let current: string | null | undefined = fromId;
  while (current != null && !seen.has(current)) {
    seen.add(current);
    chain.push(current);
    current = parents.get(current);
  }
  return chain;
}

/**
 * Would placing `unitId` under `newParentId` make the unit its own ancestor? `links` must at
 * least hold the chain from `newParentId` up to its root.
 */
export function wouldCreateCycle(links: readonly UnitLink[], unitId: string, newParentId: string | null): boolean {
  if (newParentId === null) return false;
  return ancestorsOf(links, newParentId).includes(unitId);
}

/** Every unit below `rootId`, at any depth, not counting `rootId` itself. */
export function descendantIds(links: readonly UnitLink[], rootId: string): Set<string> {
  const byParent = childrenMap(links);
  const found = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    for (const child of byParent.get(stack.pop()!) ?? []) {
      if (child.id === rootId || found.has(child.id)) continue;
      found.add(child.id);
      stack.push(child.id);
    }
  }
  return found;
}

/** How many units lie below each unit, at any depth: one pass over the tree, not one per unit. */
export function descendantCounts(links: readonly UnitLink[]): Map<string, number> {
  const parents = parentMap(links);
  const counts = new Map<string, number>(links.map((link) => [link.id, 0]));
  const byParent = childrenMap(links);
  // Post-order from the roots: a unit's count is ready once all its children's are.
  const roots = links.filter((link) => link.parentId === null || !parents.has(link.parentId));
  const order: string[] = [];
  const visited = new Set<string>();
  const stack = roots.map((root) => root.id);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (visited.has(id)) continue;
    visited.add(id);
    order.push(id);
    for (const child of byParent.get(id) ?? []) stack.push(child.id);
  }
  for (const id of order.reverse()) {
    const parentId = parents.get(id);
    if (parentId != null && counts.has(parentId)) counts.set(parentId, counts.get(parentId)! + counts.get(id)! + 1);
  }
  return counts;
}

/** The nested tree of a flat list. Units whose parent is not in the list become roots. */
export function buildTree<T extends UnitLink>(links: readonly T[]): UnitTreeNode<T>[] {
  const ids = new Set(links.map((link) => link.id));
  const byParent = childrenMap(links);
  const visited = new Set<string>();
  const grow = (unit: T): UnitTreeNode<T> => {
    visited.add(unit.id);
    return { unit, children: (byParent.get(unit.id) ?? []).filter((child) => !visited.has(child.id)).map(grow) };
  };
  return links.filter((link) => link.parentId === null || !ids.has(link.parentId)).map(grow);
}
