/**
 * The diagram a new process starts with: one pool with one lane, a start event, a task and an end
 * event — valid BPMN 2.0 with DI, so the modeler opens it and the lint has something to say. Pure.
 */
const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

export function blankDiagram(processName: string, seed: string): string {
  const id = seed.replace(/[^a-zA-Z0-9]/g, '').slice(0, 12) || 'p';
  const name = escapeXml(processName);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Definitions_${id}" targetNamespace="http://grunnmur.no/bpmn" exporter="Grunnmur" exporterVersion="1">
  <bpmn:collaboration id="Collaboration_${id}">
    <bpmn:participant id="Participant_${id}" name="${name}" processRef="Process_${id}" />
  </bpmn:collaboration>
  <bpmn:process id="Process_${id}" name="${name}" isExecutable="false">
    <bpmn:laneSet id="LaneSet_${id}">
      <bpmn:lane id="Lane_${id}" name="Saksbehandler">
        <bpmn:flowNodeRef>Start_${id}</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>Task_${id}</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>End_${id}</bpmn:flowNodeRef>
      </bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent id="Start_${id}" name="Behov oppstått">
      <bpmn:outgoing>Flow_a_${id}</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:task id="Task_${id}" name="Behandle sak">
      <bpmn:incoming>Flow_a_${id}</bpmn:incoming>
      <bpmn:outgoing>Flow_b_${id}</bpmn:outgoing>
    </bpmn:task>
    <bpmn:endEvent id="End_${id}" name="Sak avsluttet">
      <bpmn:incoming>Flow_b_${id}</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_a_${id}" sourceRef="Start_${id}" targetRef="Task_${id}" />
    <bpmn:sequenceFlow id="Flow_b_${id}" sourceRef="Task_${id}" targetRef="End_${id}" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_${id}">
    <bpmndi:BPMNPlane id="Plane_${id}" bpmnElement="Collaboration_${id}">
      <bpmndi:BPMNShape id="Participant_${id}_di" bpmnElement="Participant_${id}" isHorizontal="true">
        <dc:Bounds x="120" y="80" width="600" height="200" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Lane_${id}_di" bpmnElement="Lane_${id}" isHorizontal="true">
        <dc:Bounds x="150" y="80" width="570" height="200" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Start_${id}_di" bpmnElement="Start_${id}">
        <dc:Bounds x="202" y="162" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_${id}_di" bpmnElement="Task_${id}">
        <dc:Bounds x="340" y="140" width="100" height="80" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="End_${id}_di" bpmnElement="End_${id}">
        <dc:Bounds x="562" y="162" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_a_${id}_di" bpmnElement="Flow_a_${id}">
        <di:waypoint x="238" y="180" />
        <di:waypoint x="340" y="180" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_b_${id}_di" bpmnElement="Flow_b_${id}">
        <di:waypoint x="440" y="180" />
        <di:waypoint x="562" y="180" />
      </bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
