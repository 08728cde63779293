/**
 * Builds a simple BPMN 2.0 diagram with DI from a list of steps in lanes: start → steps → end, each
 * step in its lane, laid out left to right. Used by the demo data and the render benchmark. Pure.
 */
export interface LinearStep {
  id: string;
  name: string;
  lane: number;
  /** 'task' (default), 'userTask', 'serviceTask', 'manualTask' or 'callActivity'. */
  type?: 'task' | 'userTask' | 'serviceTask' | 'manualTask' | 'callActivity';
}

export interface LinearDiagram {
  id: string;
  name: string;
  lanes: { id: string; name: string }[];
  steps: LinearStep[];
  startName?: string;
  endName?: string;
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

export function linearDiagram(spec: LinearDiagram): string {
  const laneHeight = 140;
  const column = 150;
  const left = 160;
  const top = 60;
  const nodes = [
    { id: `${spec.id}_start`, kind: 'startEvent', name: spec.startName ?? 'Start', lane: spec.steps[0]?.lane ?? 0 },
    ...spec.steps.map((step) => ({ id: step.id, kind: step.type ?? 'task', name: step.name, lane: step.lane })),
    { id: `${spec.id}_end`, kind: 'endEvent', name: spec.endName ?? 'Ferdig', lane: spec.steps.at(-1)?.lane ?? 0 },
  ];
  const flows = nodes.slice(1).map((node, index) => ({ id: `${spec.id}_flow${index + 1}`, source: nodes[index]!, target: node }));
  const width = left + nodes.length * column + 40;
  const bounds = (node: (typeof nodes)[number], index: number) => {
    const isEvent = node.kind === 'startEvent' || node.kind === 'endEvent';
    const w = isEvent ? 36 : 100;
    const h = isEvent ? 36 : 80;
    const cx = left + index * column + 60;
    const cy = top + node.lane * laneHeight + laneHeight / 2;
    return { x: cx - w / 2, y: cy - h / 2, width: w, height: h, cx, cy };
  };
  const placed = nodes.map((node, index) => ({ node, box: bounds(node, index) }));
  const boxOf = new Map(placed.map((p) => [p.node.id, p.box]));

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="${spec.id}_defs" targetNamespace="http://grunnmur.no/bpmn" exporter="Grunnmur" exporterVersion="1">`,
  );
  out.push(`  <bpmn:collaboration id="${spec.id}_collab"><bpmn:participant id="${spec.id}_pool" name="${escapeXml(spec.name)}" processRef="${spec.id}" /></bpmn:collaboration>`);
  out.push(`  <bpmn:process id="${spec.id}" name="${escapeXml(spec.name)}" isExecutable="false">`);
  out.push(`    <bpmn:laneSet id="${spec.id}_lanes">`);
  spec.lanes.forEach((lane, index) => {
    out.push(`      <bpmn:lane id="${lane.id}" name="${escapeXml(lane.name)}">`);
    for (const node of nodes.filter((n) => n.lane === index)) out.push(`        <bpmn:flowNodeRef>${node.id}</bpmn:flowNodeRef>`);
    out.push('      </bpmn:lane>');
  });
  out.push('    </bpmn:laneSet>');
  for (const node of nodes) {
    const incoming = flows.filter((f) => f.target.id === node.id).map((f) => `<bpmn:incoming>${f.id}</bpmn:incoming>`);
    const outgoing = flows.filter((f) => f.source.id === node.id).map((f) => `<bpmn:outgoing>${f.id}</bpmn:outgoing>`);
    out.push(`    <bpmn:${node.kind} id="${node.id}" name="${escapeXml(node.name)}">${[...incoming, ...outgoing].join('')}</bpmn:${node.kind}>`);
  }
  for (const flow of flows) out.push(`    <bpmn:sequenceFlow id="${flow.id}" sourceRef="${flow.source.id}" targetRef="${flow.target.id}" />`);
  out.push('  </bpmn:process>');
  out.push(`  <bpmndi:BPMNDiagram id="${spec.id}_diagram"><bpmndi:BPMNPlane id="${spec.id}_plane" bpmnElement="${spec.id}_collab">`);
  out.push(`    <bpmndi:BPMNShape id="${spec.id}_pool_di" bpmnElement="${spec.id}_pool" isHorizontal="true"><dc:Bounds x="${left - 60}" y="${top}" width="${width - left + 60}" height="${spec.lanes.length * laneHeight}" /></bpmndi:BPMNShape>`);
  spec.lanes.forEach((lane, index) => {
    out.push(`    <bpmndi:BPMNShape id="${lane.id}_di" bpmnElement="${lane.id}" isHorizontal="true"><dc:Bounds x="${left - 30}" y="${top + index * laneHeight}" width="${width - left + 30}" height="${laneHeight}" /></bpmndi:BPMNShape>`);
  });
  for (const { node, box } of placed) {
    out.push(`    <bpmndi:BPMNShape id="${node.id}_di" bpmnElement="${node.id}"><dc:Bounds x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" /></bpmndi:BPMNShape>`);
  }
  for (const flow of flows) {
    const a = boxOf.get(flow.source.id)!;
    const b = boxOf.get(flow.target.id)!;
    const start = { x: a.x + a.width, y: a.cy };
    const end = { x: b.x, y: b.cy };
    const points = start.y === end.y ? [start, end] : [start, { x: (start.x + end.x) / 2, y: start.y }, { x: (start.x + end.x) / 2, y: end.y }, end];
    out.push(`    <bpmndi:BPMNEdge id="${flow.id}_di" bpmnElement="${flow.id}">${points.map((p) => `<di:waypoint x="${p.x}" y="${p.y}" />`).join('')}</bpmndi:BPMNEdge>`);
  }
  out.push('  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>');
  out.push('</bpmn:definitions>');
  return out.join('\n');
}
