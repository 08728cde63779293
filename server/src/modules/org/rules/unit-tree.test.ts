import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ancestorsOf, buildTree, descendantCounts, descendantIds, wouldCreateCycle, type UnitLink } from './unit-tree.ts';

// municipality ─┬─ oppvekst ─┬─ school
//               │            └─ kindergarten ── department
//               └─ health
const tree: UnitLink[] = [
  { id: 'municipality', parentId: null },
  { id: 'oppvekst', parentId: 'municipality' },
  { id: 'school', parentId: 'oppvekst' },
  { id: 'kindergarten', parentId: 'oppvekst' },
  { id: 'department', parentId: 'kindergarten' },
  { id: 'health', parentId: 'municipality' },
];

/** A random forest: unit i's parent is some unit before it, or none; so it has no cycle. */
const forest = fc
  .array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 40 })
  .map((parents) => parents.map((parent, i): UnitLink => ({ id: `u${i}`, parentId: parent === null || i === 0 ? null : `u${parent % i}` })));

/** Follows parent links from a unit; true if it comes back to a unit it has seen. */
function hasCycle(links: UnitLink[]): boolean {
  const parents = new Map(links.map((link) => [link.id, link.parentId]));
  return links.some((link) => {
    const seen = new Set<string>();
    for (let current: string | null | undefined = link.id; current != null; current = parents.get(current)) {
      if (seen.has(current)) return true;
      seen.add(current);
    }
    return false;
  });
}

describe('moving a unit', () => {
  it('refuses to put a unit under itself', () => {
    expect(wouldCreateCycle(tree, 'school', 'school')).toBe(true);
  });

  it('refuses to put a unit under one of its own sub-units, at any depth', () => {
    expect(wouldCreateCycle(tree, 'oppvekst', 'school')).toBe(true);
    expect(wouldCreateCycle(tree, 'municipality', 'department')).toBe(true);
  });

  it('allows moving a unit to a sibling branch or to the top', () => {
    expect(wouldCreateCycle(tree, 'kindergarten', 'health')).toBe(false);
    expect(wouldCreateCycle(tree, 'department', 'municipality')).toBe(false);
    expect(wouldCreateCycle(tree, 'oppvekst', null)).toBe(false);
  });

  it('keeps any tree free of cycles exactly when the rule allows the move (property)', () => {
    fc.assert(
      fc.property(forest, fc.nat(), fc.option(fc.nat(), { nil: null }), (links, unitIndex, parentIndex) => {
        const unitId = links[unitIndex % links.length]!.id;
        const newParentId = parentIndex === null ? null : links[parentIndex % links.length]!.id;
        const moved = links.map((link) => (link.id === unitId ? { ...link, parentId: newParentId } : link));
        expect(wouldCreateCycle(links, unitId, newParentId)).toBe(hasCycle(moved));
      }),
    );
  });

  it('refuses exactly the moves under the unit itself or its descendants (property)', () => {
    fc.assert(
      fc.property(forest, fc.nat(), fc.nat(), (links, unitIndex, parentIndex) => {
        const unitId = links[unitIndex % links.length]!.id;
        const newParentId = links[parentIndex % links.length]!.id;
        const below = descendantIds(links, unitId);
        expect(wouldCreateCycle(links, unitId, newParentId)).toBe(newParentId === unitId || below.has(newParentId));
      }),
    );
  });
});

describe('reading the tree', () => {
  it('lists the path from a unit up to the root', () => {
    expect(ancestorsOf(tree, 'department')).toEqual(['department', 'kindergarten', 'oppvekst', 'municipality']);
  });

  it('stops walking up when the data holds a cycle', () => {
    const broken = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ];
    expect(ancestorsOf(broken, 'a')).toEqual(['a', 'b']);
  });

  it('counts every unit below each unit', () => {
    expect(Object.fromEntries(descendantCounts(tree))).toEqual({
      municipality: 5,
      oppvekst: 3,
      school: 0,
      kindergarten: 1,
      department: 0,
      health: 0,
    });
  });

  it('counts the same descendants as the sets do (property)', () => {
    fc.assert(
      fc.property(forest, (links) => {
        const counts = descendantCounts(links);
        for (const link of links) expect(counts.get(link.id)).toBe(descendantIds(links, link.id).size);
      }),
    );
  });

  it('nests a flat list into a tree, keeping every unit once', () => {
    const roots = buildTree(tree);
    expect(roots.map((node) => node.unit.id)).toEqual(['municipality']);
    expect(roots[0]!.children.map((node) => node.unit.id)).toEqual(['oppvekst', 'health']);
    expect(roots[0]!.children[0]!.children[1]!.children[0]!.unit.id).toBe('department');
  });

  it('makes a unit whose parent is missing from the list a root', () => {
    expect(buildTree([{ id: 'school', parentId: 'oppvekst' }]).map((node) => node.unit.id)).toEqual(['school']);
  });
});
