import { describe, expect, it } from 'vitest';
import { defaultGuardSettings, judgeBatch, needsAccountBase, removalThreshold } from './mass-removal.ts';

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

describe('many single events adding up', () => {
  it('holds an event whose removals, with those released by events in the last hour, go over the threshold', () => {
    const settings = defaultGuardSettings;
    expect(judgeBatch(settings, { origin: 'person_event', removals: 1, recentRemovals: 24, accountBase: 100, activePeople: 100 }).hold).toBe(false);
    const verdict = judgeBatch(settings, { origin: 'person_event', removals: 1, recentRemovals: 25, accountBase: 100, activePeople: 100 });
    expect(verdict).toMatchObject({ hold: true, threshold: 25 });
    if (verdict.hold) expect(verdict.reason).toContain('den siste timen');
  });

  it('never holds an event that removes nothing, however much went before', () => {
    expect(judgeBatch(defaultGuardSettings, { origin: 'person_event', removals: 0, recentRemovals: 500, accountBase: 100, activePeople: 100 }).hold).toBe(false);
  });

  it('needs the account count only when the removals could pass the minimum', () => {
    expect(needsAccountBase(defaultGuardSettings, 0, 1000)).toBe(false);
    expect(needsAccountBase(defaultGuardSettings, 3)).toBe(false);
    expect(needsAccountBase(defaultGuardSettings, 25)).toBe(false);
    expect(needsAccountBase(defaultGuardSettings, 26)).toBe(true);
    expect(needsAccountBase(defaultGuardSettings, 1, 25)).toBe(true);
  });

  it('gives the same verdict without the account count whenever it says the count is not needed', () => {
    for (const removals of [1, 5, 25])
      for (const recentRemovals of [0, 10, 24 - removals + 1])
        for (const accountBase of [0, 100, 10_000, 1_000_000]) {
          if (needsAccountBase(defaultGuardSettings, removals, recentRemovals)) continue;
          const input = { origin: 'person_event', removals, recentRemovals, activePeople: 1 };
          expect(judgeBatch(defaultGuardSettings, { ...input, accountBase: 0 }).hold).toBe(judgeBatch(defaultGuardSettings, { ...input, accountBase }).hold);
        }
  });
});

describe('changes the municipality wants reviewed', () => {
  it('holds a batch that awaits review even when it removes nothing, and says why', () => {
    const verdict = judgeBatch(defaultGuardSettings, { origin: 'person_event', removals: 0, accountBase: 100, activePeople: 100, awaitsReview: true });
    expect(verdict.hold).toBe(true);
    if (verdict.hold) expect(verdict.reason).toMatch(/SCIM.*godkjennes/);
  });

  it('gives the size of a mass removal as the reason when both apply', () => {
    const verdict = judgeBatch(defaultGuardSettings, { origin: 'person_event', removals: 30, accountBase: 100, activePeople: 100, awaitsReview: true });
    if (verdict.hold) expect(verdict.reason).toMatch(/over terskelen/);
    else expect.fail('held');
  });
});
