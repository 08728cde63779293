import type { BpmnModel } from './parse.ts';

/**
 * A readable difference between two versions of a process: elements added, removed, renamed and
 * relinked (their business role, system, information object or called process changed). Pure.
 */
export interface LinkLike {
  elementId: string;
  kind: string;
  targetId: string | null;
  label?: string | null;
}

export interface DiffElement {
  id: string;
  type: string;
  name: string | null;
}

export interface VersionDiff {
  added: DiffElement[];
  removed: DiffElement[];
  renamed: (DiffElement & { from: string | null })[];
  relinked: (DiffElement & { from: string[]; to: string[] })[];
  flowsAdded: number;
  flowsRemoved: number;
}

function elementsOf(model: BpmnModel): Map<string, DiffElement> {
  const all = new Map<string, DiffElement>();
  for (const element of model.elements) all.set(element.id, { id: element.id, type: element.type, name: element.name });
  for (const lane of model.lanes) all.set(lane.id, { id: lane.id, type: 'bpmn:Lane', name: lane.name });
  return all;
}

const linkText = (link: LinkLike) => (link.kind === 'task_manual' ? 'manuell' : `${link.kind}:${link.label ?? link.targetId ?? ''}`);

export function diffVersions(before: { model: BpmnModel; links: LinkLike[] }, after: { model: BpmnModel; links: LinkLike[] }): VersionDiff {
  const a = elementsOf(before.model);
  const b = elementsOf(after.model);
  const diff: VersionDiff = { added: [], removed: [], renamed: [], relinked: [], flowsAdded: 0, flowsRemoved: 0 };
  for (const [id, element] of b) if (!a.has(id)) diff.added.push(element);
  for (const [id, element] of a) if (!b.has(id)) diff.removed.push(element);
  for (const [id, element] of b) {
    const old = a.get(id);
    if (old && (old.name ?? '').trim() !== (element.name ?? '').trim()) diff.renamed.push({ ...element, from: old.name });
  }
  const linksBy = (links: LinkLike[]) => {
    const map = new Map<string, string[]>();
    for (const link of links) map.set(link.elementId, [...(map.get(link.elementId) ?? []), linkText(link)].sort());
    return map;
  };
  const la = linksBy(before.links);
  const lb = linksBy(after.links);
  for (const id of new Set([...la.keys(), ...lb.keys()])) {
    const element = b.get(id);
    if (!element || !a.has(id)) continue; // added or removed elements are reported as such
    const from = la.get(id) ?? [];
    const to = lb.get(id) ?? [];
    if (from.join('|') !== to.join('|')) diff.relinked.push({ ...element, from, to });
  }
  const flowsA = new Set(before.model.flows.map((f) => f.id));
  const flowsB = new Set(after.model.flows.map((f) => f.id));
  diff.flowsAdded = [...flowsB].filter((id) => !flowsA.has(id)).length;
  diff.flowsRemoved = [...flowsA].filter((id) => !flowsB.has(id)).length;
  return diff;
}
