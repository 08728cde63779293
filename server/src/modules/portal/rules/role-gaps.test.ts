import { describe, expect, it } from 'vitest';
import { roleGaps } from './role-gaps.ts';

describe('roleGaps', () => {
  it('finds system roles the processes need but the role lacks, and grants no process uses', () => {
    const needs = [
      { businessRoleId: 'saksbehandler', systemRoleId: 'arkiv-les', processId: 'p1', stepName: 'Journalføre søknad' },
      { businessRoleId: 'saksbehandler', systemRoleId: 'byggesak-skriv', processId: 'p1', stepName: 'Fatte vedtak' },
      { businessRoleId: 'saksbehandler', systemRoleId: 'byggesak-skriv', processId: 'p2', stepName: 'Behandle klage' },
    ];
    const grants = new Map([['saksbehandler', new Set(['arkiv-les', 'lonn-admin'])]]);
    const [gap] = roleGaps(['saksbehandler'], needs, grants, new Map([['saksbehandler', new Set(['p1', 'p2'])]]));
    expect(gap!.missing).toEqual([{ systemRoleId: 'byggesak-skriv', processIds: ['p1', 'p2'], steps: ['Fatte vedtak', 'Behandle klage'] }]);
    expect(gap!.unused).toEqual(['lonn-admin']);
  });
});
