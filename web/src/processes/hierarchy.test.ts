import { describe, expect, it } from 'vitest';
import { possibleParents } from './hierarchy';

const tree = [
  { id: 'area', parentId: null, level: 'area' as const },
  { id: 'other-area', parentId: null, level: 'area' as const },
  { id: 'process', parentId: 'area', level: 'process' as const },
  { id: 'child', parentId: 'process', level: 'process' as const },
  { id: 'sub', parentId: 'child', level: 'subprocess' as const },
];

describe('where a process may be moved', () => {
  it('offers neither the process itself nor anything below it, at any depth', () => {
    expect(possibleParents(tree, 'process').map((p) => p.id)).toEqual(['area', 'other-area']);
  });

  it('never offers a sub-process as a parent', () => {
    expect(possibleParents(tree, 'other-area').map((p) => p.id)).toEqual(['area', 'process', 'child']);
  });
});
