import type { BpmnModel } from './parse.ts';

/**
 * Compares two readings of a model: what the round-trip check (export → import keeps every element,
 * flow, lane and shape: ids, types, names, bounds) needs. Pure. Returns human-readable differences.
 */
export function compareModels(before: BpmnModel, after: BpmnModel): string[] {
  const differences: string[] = [];
  const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((item) => [item.id, item]));

  const check = <T extends { id: string }>(what: string, a: T[], b: T[], same: (x: T, y: T) => string | null) => {
    if (a.length !== b.length) differences.push(`${what}: ${a.length} før, ${b.length} etter`);
    const afterById = byId(b);
    for (const item of a) {
      const other = afterById.get(item.id);
      if (!other) {
        differences.push(`${what} ${item.id} mangler etter eksport`);
        continue;
      }
      const problem = same(item, other);
      if (problem) differences.push(`${what} ${item.id}: ${problem}`);
    }
  };

  check('element', before.elements, after.elements, (x, y) =>
    x.type !== y.type ? `type ${x.type} ≠ ${y.type}` : x.name !== y.name ? `navn «${x.name}» ≠ «${y.name}»` : null,
  );
  check('flyt', before.flows, after.flows, (x, y) =>
    x.type !== y.type
      ? `type ${x.type} ≠ ${y.type}`
      : x.name !== y.name
        ? `navn «${x.name}» ≠ «${y.name}»`
        : x.sourceId !== y.sourceId || x.targetId !== y.targetId
          ? `kobler ${x.sourceId}→${x.targetId} ≠ ${y.sourceId}→${y.targetId}`
          : null,
  );
  check('svømmebane', before.lanes, after.lanes, (x, y) => (x.name !== y.name ? `navn «${x.name}» ≠ «${y.name}»` : null));
  // Shape ids are optional in BPMN DI; key shapes by diagram + id + element.
  const shapeKey = (s: BpmnModel['shapes'][number]) => ({ ...s, id: `${s.diagramId}/${s.id}/${s.bpmnElement ?? ''}` });
  check('figur', before.shapes.map(shapeKey), after.shapes.map(shapeKey), (x, y) => {
    if (x.isEdge !== y.isEdge) return 'figur/kant byttet';
    if (JSON.stringify(x.bounds) !== JSON.stringify(y.bounds)) return `plassering ${JSON.stringify(x.bounds)} ≠ ${JSON.stringify(y.bounds)}`;
    if (JSON.stringify(x.waypoints ?? null) !== JSON.stringify(y.waypoints ?? null)) return 'knekkpunkter endret';
    return null;
  });
  return differences;
}
