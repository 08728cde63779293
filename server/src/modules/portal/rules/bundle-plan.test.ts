import { describe, expect, it } from 'vitest';
import { isNoise, planEntry, processesForDocument } from './bundle-plan.ts';

describe('planEntry', () => {
  it('takes BPMN files as processes and office files as documents', () => {
    expect(planEntry('Byggesak/Mottak.bpmn')).toEqual({ path: 'Byggesak/Mottak.bpmn', kind: 'bpmn' });
    expect(planEntry('Byggesak/Rutine.docx')).toEqual({ path: 'Byggesak/Rutine.docx', kind: 'document' });
  });

  it('refuses path traversal and unknown file types with a reason', () => {
    expect(planEntry('../../etc/passwd')).toMatchObject({ refused: expect.stringContaining('ut av mappen') });
    expect(planEntry('virus.exe')).toMatchObject({ refused: expect.stringContaining('.exe') });
  });

  it('skips zip tool leftovers', () => {
    expect(isNoise('__MACOSX/Byggesak/._Mottak.bpmn')).toBe(true);
    expect(isNoise('Byggesak/.DS_Store')).toBe(true);
    expect(isNoise('Byggesak/Mottak.bpmn')).toBe(false);
  });
});

describe('processesForDocument', () => {
  const bpmn = ['Byggesak/Mottak av søknad.bpmn', 'Byggesak/Vedtak.bpmn', 'Skole/Inntak.bpmn'];

  it('links a document in a folder named after a BPMN file to that process only', () => {
    expect(processesForDocument('Byggesak/Mottak av søknad/Sjekkliste.docx', bpmn)).toEqual(['Byggesak/Mottak av søknad.bpmn']);
  });

  it('links a document named after a BPMN file to that process', () => {
    expect(processesForDocument('Byggesak/Vedtak - mal.docx', bpmn)).toEqual(['Byggesak/Vedtak.bpmn']);
  });

  it('links other documents to every process in the same folder, and none elsewhere', () => {
    expect(processesForDocument('Byggesak/Gebyrregulativ.xlsx', bpmn)).toEqual(['Byggesak/Mottak av søknad.bpmn', 'Byggesak/Vedtak.bpmn']);
    expect(processesForDocument('Felles/Mal.docx', bpmn)).toEqual([]);
  });
});
