import { describe, expect, it } from 'vitest';
import type { BpmnModel } from '../../processes/bpmn/parse.ts';
import { orderedSteps } from './steps.ts';

const element = (id: string, type: string, name: string | null = id) => ({ id, type, name, parentId: null, laneIds: [] });
const flow = (id: string, sourceId: string, targetId: string) => ({ id, type: 'bpmn:SequenceFlow', name: null, sourceId, targetId });

describe('orderedSteps', () => {
  it('lists tasks in the order the sequence flows reach them, not the order of the file', () => {
    const model: BpmnModel = {
      definitionsId: 'd',
      processes: [],
      elements: [element('t3', 'bpmn:UserTask', 'Fatte vedtak'), element('s', 'bpmn:StartEvent'), element('t1', 'bpmn:Task', 'Motta søknad'), element('t2', 'bpmn:ServiceTask', 'Sjekke gebyr'), element('x', 'bpmn:Task', 'Løs oppgave')],
      flows: [flow('f1', 's', 't1'), flow('f2', 't1', 't2'), flow('f3', 't2', 't3')],
      lanes: [],
      shapes: [],
    };
    expect(orderedSteps(model).map((step) => step.name)).toEqual(['Motta søknad', 'Sjekke gebyr', 'Fatte vedtak', 'Løs oppgave']);
  });
});
