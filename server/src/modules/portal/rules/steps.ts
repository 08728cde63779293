import type { BpmnModel } from '../../processes/bpmn/parse.ts';

const stepTypes = /Task$|^bpmn:SubProcess$|^bpmn:CallActivity$/;

export interface Step {
  elementId: string;
  name: string;
  type: string;
  laneIds: string[];
}

/**
 * The steps of a diagram in the order work flows: breadth-first from the start events along
 * sequence flows; steps not reached that way follow in document order. Pure.
 */
export function orderedSteps(model: BpmnModel): Step[] {
  const byId = new Map(model.elements.map((element) => [element.id, element]));
  const next = new Map<string, string[]>();
  for (const flow of model.flows) {
    if (flow.type !== 'bpmn:SequenceFlow' || !flow.sourceId || !flow.targetId) continue;
    next.set(flow.sourceId, [...(next.get(flow.sourceId) ?? []), flow.targetId]);
  }
  const queue = model.elements.filter((element) => element.type === 'bpmn:StartEvent').map((element) => element.id);
  const seen = new Set<string>(queue);
  const order: string[] = [];
  while (queue.length) {
    const id = queue.shift()!;
    order.push(id);
    for (const target of next.get(id) ?? []) {
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  for (const element of model.elements) if (!seen.has(element.id)) order.push(element.id);
  return order
    .map((id) => byId.get(id))
    .filter((element) => element !== undefined && stepTypes.test(element.type))
    .map((element) => ({ elementId: element!.id, name: element!.name?.trim() || element!.id, type: element!.type, laneIds: element!.laneIds }));
}
