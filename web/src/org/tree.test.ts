import { describe, expect, it } from 'vitest';
import { allNodes, buildTree, pathNames, searchTree, splitOnMatch, subtreeIds, visibleRows, type OrgUnitSummary } from './tree';

function unit(id: string, parentId: string | null, name: string, code = id): OrgUnitSummary {
  return { id, parentId, code, name, kind: 'unit', managerName: null, employeeCount: 0, descendantCount: 0 };
}

// Given a small municipality:
//   Kommune
//   ├── Oppvekst
//   │   ├── Bryne skole
//   │   └── Austrått skole
//   └── Teknisk
const units = [
  unit('k', null, 'Kommune'),
  unit('t', 'k', 'Teknisk'),
  unit('o', 'k', 'Oppvekst'),
  unit('b', 'o', 'Bryne skole', 'S-2'),
  unit('a', 'o', 'Austrått skole', 'S-1'),
];

describe('buildTree', () => {
  it('nests units under their parents, sorted by name, with their level', () => {
    const roots = buildTree(units);
    expect(roots.map((node) => node.unit.name)).toEqual(['Kommune']);
    expect(roots[0]!.children.map((node) => node.unit.name)).toEqual(['Oppvekst', 'Teknisk']);
    expect(roots[0]!.children[0]!.children.map((node) => [node.unit.name, node.level])).toEqual([
      ['Austrått skole', 3],
      ['Bryne skole', 3],
    ]);
  });

  it('shows a unit whose parent is missing as a root instead of dropping it', () => {
    const roots = buildTree([unit('x', 'gone', 'Foreldreløs'), unit('k', null, 'Kommune')]);
    expect(roots.map((node) => node.unit.name).sort()).toEqual(['Foreldreløs', 'Kommune']);
    expect(allNodes(roots)).toHaveLength(2);
  });
});

describe('visibleRows', () => {
  it('shows children only under expanded units, with their position among siblings', () => {
    const roots = buildTree(units);
    expect(visibleRows(roots, new Set()).map((row) => row.node.unit.id)).toEqual(['k']);
    const rows = visibleRows(roots, new Set(['k']));
    expect(rows.map((row) => [row.node.unit.id, row.posInSet, row.setSize, row.expanded])).toEqual([
      ['k', 1, 1, true],
      ['o', 1, 2, false],
      ['t', 2, 2, false],
    ]);
  });

  it('does not call a unit without children expanded', () => {
    const rows = visibleRows(buildTree(units), new Set(['k', 't']));
    expect(rows.find((row) => row.node.unit.id === 't')!.expanded).toBe(false);
  });
});

describe('searchTree', () => {
  it('finds units by name or code, case-insensitively, and expands their ancestors', () => {
    const roots = buildTree(units);
    const search = searchTree(roots, 'SKOLE')!;
    expect([...search.matchIds].sort()).toEqual(['a', 'b']);
    expect([...search.expandIds].sort()).toEqual(['k', 'o']);
    expect(searchTree(roots, 's-2')!.matchIds).toEqual(new Set(['b']));
  });

  it('hides branches without a match while searching', () => {
    const roots = buildTree(units);
    const search = searchTree(roots, 'bryne')!;
    const rows = visibleRows(roots, search.expandIds, search.shownIds);
    expect(rows.map((row) => row.node.unit.name)).toEqual(['Kommune', 'Oppvekst', 'Bryne skole']);
  });

  it('returns nothing to do for an empty query', () => {
    expect(searchTree(buildTree(units), '   ')).toBeNull();
  });
});

describe('subtreeIds', () => {
  it('holds the unit and all its descendants, which cannot become its new parent', () => {
    expect([...subtreeIds(units, 'o')].sort()).toEqual(['a', 'b', 'o']);
    expect([...subtreeIds(units, 't')]).toEqual(['t']);
  });
});

describe('pathNames', () => {
  it('lists names from the root down to the unit', () => {
    expect(pathNames(units, 'b')).toEqual(['Kommune', 'Oppvekst', 'Bryne skole']);
  });
});

describe('splitOnMatch', () => {
  it('splits around the match keeping the original letters', () => {
    expect(splitOnMatch('Bryne skole', 'SKO')).toEqual(['Bryne ', 'sko', 'le']);
    expect(splitOnMatch('Bryne skole', 'xyz')).toBeNull();
  });
});
