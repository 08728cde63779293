import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../server/src/modules/processes/bpmn/parse.ts';
import { linearDiagram } from '../../server/src/modules/processes/bpmn/linear-diagram.ts';
import { isVerbObjectName } from '../../server/src/modules/processes/lint/task-name.ts';
import { lintDefinitions } from '../../server/src/modules/processes/lint/run.ts';
import { effectiveLevels, standardRules } from '../../server/src/modules/processes/lint/standard.ts';
import { diffVersions } from '../../server/src/modules/processes/bpmn/diff.ts';
import { approvalProblem, nextState, reviewIsDue } from '../../server/src/modules/processes/governance/states.ts';

const none = { laneRoles: [], taskSystemsOrManual: [], calledProcesses: [], dataObjects: [] };
const diagram = (steps: { id: string; name: string; lane: number }[]) =>
  linearDiagram({ id: 'P', name: 'Behandle søknad', lanes: [{ id: 'L1', name: 'Saksbehandler' }, { id: 'L2', name: 'Leder' }], steps });

describe('task names: verb + object', () => {
  it.each(['Behandle søknad', 'Motta søknad', 'Sende vedtak til søker', 'Gå gjennom dokumentasjon', 'Avslå søknad', 'Registrere melding i arkiv'])('accepts «%s»', (name) => {
    expect(isVerbObjectName(name)).toBe(true);
  });
  it.each(['Søknad', 'Vedtak fattes', 'Behandling av søknad', 'Behandle', '', 'Alle søknader'])('refuses «%s»', (name) => {
    expect(isVerbObjectName(name)).toBe(false);
  });
});

describe('the modelling standard', () => {
  it('reports a lane without a business role as an error and a task without system or manual mark as a warning', async () => {
    const { definitions } = await parseBpmn(diagram([{ id: 'T1', name: 'Behandle søknad', lane: 0 }, { id: 'T2', name: 'Fatte vedtak', lane: 1 }]));
    const findings = await lintDefinitions(definitions, {}, none);
    expect(findings.filter((f) => f.rule === 'grunnmur/lane-business-role').map((f) => [f.elementId, f.level])).toEqual([
      ['L1', 'error'],
      ['L2', 'error'],
    ]);
    expect(findings.filter((f) => f.rule === 'grunnmur/task-system-or-manual').map((f) => f.level)).toEqual(['warn', 'warn']);
    const linked = await lintDefinitions(definitions, {}, { ...none, laneRoles: ['L1', 'L2'], taskSystemsOrManual: ['T1', 'T2'] });
    expect(linked).toEqual([]);
  });

  it('names badly named tasks and honours a tenant turning the rule to error or off', async () => {
    const { definitions } = await parseBpmn(diagram([{ id: 'T1', name: 'Søknad', lane: 0 }]));
    const links = { ...none, laneRoles: ['L1', 'L2'], taskSystemsOrManual: ['T1'] };
    expect(await lintDefinitions(definitions, {}, links)).toEqual([expect.objectContaining({ rule: 'grunnmur/task-verb-object', level: 'warn', elementId: 'T1' })]);
    expect((await lintDefinitions(definitions, { 'grunnmur/task-verb-object': 'error' }, links))[0]!.level).toBe('error');
    expect(await lintDefinitions(definitions, { 'grunnmur/task-verb-object': 'off' }, links)).toEqual([]);
  });

  it('finds a second start event on the same level', async () => {
    const xml = diagram([{ id: 'T1', name: 'Behandle søknad', lane: 0 }]).replace(
      '<bpmn:sequenceFlow',
      '<bpmn:startEvent id="S2" name="Ny start"><bpmn:outgoing>F2</bpmn:outgoing></bpmn:startEvent><bpmn:sequenceFlow id="F2" sourceRef="S2" targetRef="T1" /><bpmn:sequenceFlow',
    );
    const { definitions } = await parseBpmn(xml.replace('</bpmndi:BPMNPlane>', '<bpmndi:BPMNShape id="S2_di" bpmnElement="S2"><dc:Bounds x="100" y="300" width="36" height="36" /></bpmndi:BPMNShape><bpmndi:BPMNEdge id="F2_di" bpmnElement="F2"><di:waypoint x="136" y="318" /><di:waypoint x="300" y="130" /></bpmndi:BPMNEdge></bpmndi:BPMNPlane>'));
    const findings = await lintDefinitions(definitions, {}, { ...none, laneRoles: ['L1', 'L2'], taskSystemsOrManual: ['T1'] });
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'grunnmur/one-start-event', elementId: 'P', level: 'error' }));
  });

  it('carries bpmnlint’s recommended rules, each with a default level', () => {
    expect(standardRules.filter((r) => r.source === 'bpmnlint').length).toBeGreaterThanOrEqual(26);
    expect(effectiveLevels({ 'label-required': 'off' })['label-required']).toBe('off');
    expect(effectiveLevels({})['no-implicit-start']).toBe('error');
  });
});

describe('version diff', () => {
  it('lists elements added, removed, renamed and relinked', async () => {
    const before = await parseBpmn(diagram([{ id: 'T1', name: 'Behandle søknad', lane: 0 }, { id: 'T2', name: 'Fatte vedtak', lane: 1 }]));
    const after = await parseBpmn(diagram([{ id: 'T1', name: 'Vurdere søknad', lane: 0 }, { id: 'T3', name: 'Sende vedtak', lane: 1 }]));
    const diff = diffVersions(
      { model: before.model, links: [{ elementId: 'L1', kind: 'lane_business_role', targetId: 'a', label: 'Saksbehandler byggesak' }] },
      { model: after.model, links: [{ elementId: 'L1', kind: 'lane_business_role', targetId: 'b', label: 'Arkivar' }] },
    );
    expect(diff.added.map((e) => e.id)).toEqual(['T3']);
    expect(diff.removed.map((e) => e.id)).toEqual(['T2']);
    expect(diff.renamed).toEqual([expect.objectContaining({ id: 'T1', from: 'Behandle søknad', name: 'Vurdere søknad' })]);
    expect(diff.relinked).toEqual([expect.objectContaining({ id: 'L1', from: ['lane_business_role:Saksbehandler byggesak'], to: ['lane_business_role:Arkivar'] })]);
  });
});

describe('governance', () => {
  it('moves draft → in review → approved → published → retired and refuses skipping a step', () => {
    expect(nextState('draft', 'submit')).toEqual({ ok: true, state: 'in_review' });
    expect(nextState('in_review', 'approve')).toEqual({ ok: true, state: 'approved' });
    expect(nextState('approved', 'publish')).toEqual({ ok: true, state: 'published' });
    expect(nextState('published', 'retire')).toEqual({ ok: true, state: 'retired' });
    const skipped = nextState('draft', 'publish');
    expect(skipped.ok).toBe(false);
    expect(!skipped.ok && skipped.reason).toMatch(/utkast/);
  });
  it('lets nobody approve their own version', () => {
    expect(approvalProblem('u1', ['u1', 'u2'])).toMatch(/annen/);
    expect(approvalProblem('u3', ['u1', null])).toBeNull();
  });
  it('finds a review due after twelve months', () => {
    expect(reviewIsDue(new Date('2025-01-15T00:00:00Z'), new Date('2026-01-14T00:00:00Z'))).toBe(false);
    expect(reviewIsDue(new Date('2025-01-15T00:00:00Z'), new Date('2026-01-15T00:00:00Z'))).toBe(true);
    expect(reviewIsDue(null, new Date())).toBe(true);
  });
});
