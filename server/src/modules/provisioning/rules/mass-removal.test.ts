import { describe, expect, it } from 'vitest';
import { defaultGuardSettings, judgeBatch, removalThreshold } from './mass-removal.ts';

describe('mass-removal guard', () => {
  it('uses 2 % of the accounts or 25, whichever is larger', () => {
    expect(removalThreshold(defaultGuardSettings, 100)).toBe(25);
    expect(removalThreshold(defaultGuardSettings, 10_000)).toBe(200);
  });

  it('releases a batch at the threshold and holds one above it', () => {
    expect(judgeBatch(defaultGuardSettings, { origin: 'person_event', removals: 25, accountBase: 100, activePeople: 100 }).hold).toBe(false);
    const verdict = judgeBatch(defaultGuardSettings, { origin: 'person_event', removals: 26, accountBase: 100, activePeople: 100 });
    expect(verdict).toMatchObject({ hold: true, threshold: 25 });
  });

  it('holds a full recompute that would remove access while no one is active, however few removals', () => {
    expect(judgeBatch(defaultGuardSettings, { origin: 'full_recompute', removals: 1, accountBase: 3, activePeople: 0 }).hold).toBe(true);
    expect(judgeBatch(defaultGuardSettings, { origin: 'person_event', removals: 1, accountBase: 3, activePeople: 0 }).hold).toBe(false);
  });
});
