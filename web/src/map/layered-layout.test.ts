import { describe, expect, it } from 'vitest';
import { layeredPositions } from './layered-layout';

describe('the layered placement of big maps', () => {
  it('puts each layer in its own band, services above systems above technology', () => {
    const positions = layeredPositions(
      [
        { id: 'tech', kind: 'technology' },
        { id: 'system', kind: 'system' },
        { id: 'service', kind: 'service' },
      ],
      [],
    );
    expect(positions.service!.y).toBeLessThan(positions.system!.y);
    expect(positions.system!.y).toBeLessThan(positions.tech!.y);
  });

  it('wraps a band wider than a row into several rows, none overlapping', () => {
    const nodes = Array.from({ length: 7 }, (_, index) => ({ id: `s${index}`, kind: 'system' }));
    const positions = layeredPositions(nodes, [], { perRow: 3 });
    const rows = new Set(Object.values(positions).map((point) => point.y));
    expect(rows.size).toBe(3);
    const places = new Set(Object.values(positions).map((point) => `${point.x},${point.y}`));
    expect(places.size).toBe(7);
  });

  it('orders a band by where its neighbours above stand, so related objects line up', () => {
    const positions = layeredPositions(
      [
        { id: 'left service', kind: 'service' },
        { id: 'right service', kind: 'service' },
        { id: 'serves right', kind: 'system' },
        { id: 'serves left', kind: 'system' },
      ],
      [
        { source: 'serves left', target: 'left service' },
        { source: 'serves right', target: 'right service' },
      ],
    );
    expect(positions['left service']!.x).toBeLessThan(positions['right service']!.x);
    expect(positions['serves left']!.x).toBeLessThan(positions['serves right']!.x);
  });

  it('places an object of a kind it does not know below the known layers', () => {
    const positions = layeredPositions(
      [
        { id: 'odd', kind: 'something-else' },
        { id: 'tech', kind: 'technology' },
      ],
      [],
    );
    expect(positions.odd!.y).toBeGreaterThan(positions.tech!.y);
  });
});
