import type { ProcessSummary } from './queries';

/** Where a node may be placed: not under itself or anything below it, and never under a sub-process. */
export function possibleParents<T extends Pick<ProcessSummary, 'id' | 'parentId' | 'level'>>(items: T[], id: string): T[] {
  const below = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const item of items) {
      if (item.parentId && below.has(item.parentId) && !below.has(item.id)) {
        below.add(item.id);
        grew = true;
      }
    }
  }
  return items.filter((item) => !below.has(item.id) && item.level !== 'subprocess');
}
