import { describe, expect, it } from 'vitest';
import { BpmnRejected, decodeBpmnBytes, parseBpmn } from '../../server/src/modules/processes/bpmn/parse.ts';
import { compareModels } from '../../server/src/modules/processes/bpmn/compare.ts';
import { linearDiagram } from '../../server/src/modules/processes/bpmn/linear-diagram.ts';

const sample = linearDiagram({ id: 'P', name: 'Søke barnehageplass', lanes: [{ id: 'L1', name: 'Foresatt' }], steps: [{ id: 'T1', name: 'Sende søknad', lane: 0 }] });

describe('reading BPMN safely', () => {
  it('refuses DOCTYPE and ENTITY declarations before parsing, in any letter case', async () => {
    for (const head of ['<!DOCTYPE x [<!ENTITY a "b">]>', '<!doctype x SYSTEM "http://evil/x.dtd">', '<!ENTITY a SYSTEM "file:///etc/passwd">']) {
      await expect(parseBpmn(sample.replace('<bpmn:definitions', `${head}<bpmn:definitions`))).rejects.toThrow(/DOCTYPE- eller ENTITY/);
    }
  });

  it('refuses a billion-laughs document in well under a second', async () => {
    const entities = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const started = performance.now();
    await expect(parseBpmn(`<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "lol">${entities}]><d>&l10;</d>`)).rejects.toBeInstanceOf(BpmnRejected);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('reads ISO-8859-1 and UTF-8, refuses other encodings and invalid UTF-8', () => {
    const latin = new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><a/>');
    expect(decodeBpmnBytes(latin)).toContain('encoding="UTF-8"');
    expect(() => decodeBpmnBytes(new TextEncoder().encode('<?xml version="1.0" encoding="windows-1252"?><a/>'))).toThrow(/windows-1252/);
    expect(() => decodeBpmnBytes(new Uint8Array([0x3c, 0x61, 0xff, 0xfe, 0x3e]))).toThrow(/tegnkoding/);
  });

  it('extracts elements, flows, lanes and shapes with their bounds', async () => {
    const { model } = await parseBpmn(sample);
    expect(model.lanes).toEqual([{ id: 'L1', name: 'Foresatt', parentId: null }]);
    expect(model.elements.find((e) => e.id === 'T1')).toMatchObject({ type: 'bpmn:Task', name: 'Sende søknad', laneIds: ['L1'] });
    expect(model.flows).toHaveLength(2);
    expect(model.shapes.find((s) => s.bpmnElement === 'T1')?.bounds).toMatchObject({ width: 100, height: 80 });
  });

  it('notices a lost shape, a moved shape and a renamed element in a round trip', async () => {
    const { model: before } = await parseBpmn(sample);
    const { model: after } = await parseBpmn(sample.replace('name="Sende søknad"', 'name="Sende inn"').replace(/<bpmndi:BPMNShape id="P_end_di"[^]*?<\/bpmndi:BPMNShape>/, ''));
    const differences = compareModels(before, after);
    expect(differences.some((d) => d.includes('T1') && d.includes('navn'))).toBe(true);
    expect(differences.some((d) => d.includes('P_end_di'))).toBe(true);
    expect(compareModels(before, before)).toEqual([]);
  });
});
