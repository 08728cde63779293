/**
 * A fast layered placement for big pictures: one band per layer (services at the top, technology
 * at the bottom), wrapped into rows, ordered within the band by the average position of each
 * object's neighbours in the bands above (one barycentre sweep), so related objects line up. ELK
 * does this better but takes many seconds beyond a few hundred objects. Pure: no DOM.
 */
export const layerOrder = ['service', 'process', 'role', 'information', 'integration', 'system', 'technology', 'element', 'unit'];

/** Above this many objects the map uses this placement instead of ELK. */
export const elkLimit = 300;

export function layeredPositions(
  nodes: { id: string; kind: string }[],
  edges: { source: string; target: string }[],
  { perRow = 30, dx = 140, dy = 70, bandGap = 60 } = {},
): Record<string, { x: number; y: number }> {
  const layerOf = (kind: string) => {
    const i = layerOrder.indexOf(kind);
    return i === -1 ? layerOrder.length : i;
  };
  const neighbours = new Map<string, string[]>();
  const append = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const e of edges) {
    append(neighbours, e.source, e.target);
    append(neighbours, e.target, e.source);
  }
  const bands = new Map<number, { id: string; kind: string }[]>();
  for (const n of nodes) append(bands, layerOf(n.kind), n);
  const slot = new Map<string, number>();
  const positions: Record<string, { x: number; y: number }> = {};
  let y = 0;
  for (const layer of [...bands.keys()].sort((a, b) => a - b)) {
    const band = bands.get(layer)!;
    const score = (id: string) => {
      const placed = (neighbours.get(id) ?? []).map((n) => slot.get(n)).filter((s): s is number => s !== undefined);
      return placed.length ? placed.reduce((a, b) => a + b, 0) / placed.length : Number.MAX_SAFE_INTEGER;
    };
    const ordered = band.map((n) => ({ n, s: score(n.id) })).sort((a, b) => a.s - b.s);
    const columns = Math.min(perRow, ordered.length);
    ordered.forEach(({ n }, i) => {
      const row = Math.floor(i / perRow);
      const col = i % perRow;
      // Relative slot (0..1) so bands of different widths line up against each other.
      slot.set(n.id, columns > 1 ? col / (columns - 1) : 0.5);
      positions[n.id] = { x: col * dx + ((perRow - columns) * dx) / 2, y: y + row * dy };
    });
    y += Math.ceil(ordered.length / perRow) * dy + bandGap;
  }
  return positions;
}
