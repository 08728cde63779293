import { describe, expect, it } from 'vitest';
import { GraphBuilder, type ModelGraph } from '../../server/src/modules/map/impact/graph.ts';
import { reach } from '../../server/src/modules/map/impact/traverse.ts';
import { impactOf, whatIfDown } from '../../server/src/modules/map/impact/what-if-down.ts';

/**
 *   Byggesøknad (service) ──realised_by──▶ Saksbehandling (process) ──uses──▶ Sak (system) ──runs_on──▶ Server1 ──runs_on?──
 *   Saksbehandling ──performed_by──▶ Saksbehandler (role) ──uses──▶ Sak
 *   Helse (information, special) ──held_in──▶ Sak
 *   Arkiv (system) ──receives_from──▶ Int1 (integration) ──receives_from──▶ Sak
 *   Int1 ──carries──▶ Helse   (not a dependency)
 */
function municipality(): ModelGraph {
  const b = new GraphBuilder();
  b.addNode('svc', 'service', 'Byggesøknad');
  b.addNode('proc', 'process', 'Saksbehandling');
  b.addNode('role', 'role', 'Saksbehandler');
  b.addNode('sak', 'system', 'Sak');
  b.addNode('arkiv', 'system', 'Arkiv');
  b.addNode('int', 'integration', 'Sak til arkiv');
  b.addNode('helse', 'information', 'Helseopplysninger', { personalDataCategory: 'special' });
  b.addNode('srv', 'technology', 'Server1');
  b.addEdge('svc', 'proc', 'realised_by');
  b.addEdge('proc', 'sak', 'uses');
  b.addEdge('proc', 'role', 'performed_by');
  b.addEdge('role', 'sak', 'uses');
  b.addEdge('helse', 'sak', 'held_in');
  b.addEdge('arkiv', 'int', 'receives_from');
  b.addEdge('int', 'sak', 'receives_from');
  b.addEdge('int', 'helse', 'carries');
  b.addEdge('sak', 'srv', 'runs_on');
  b.usersOf.set(b.index.get('sak')!, Int32Array.from([0, 1, 2]));
  b.usersOf.set(b.index.get('arkiv')!, Int32Array.from([2, 3]));
  b.personCount = 4;
  return b.build();
}

const names = (items: { name: string }[]) => items.map((i) => i.name).sort();

describe('impact analysis', () => {
  it('finds everything that depends on a system, upstream and transitively', () => {
    const answer = impactOf(municipality(), 'sak', 'upstream', null)!;
    expect(names(answer.items)).toEqual(['Arkiv', 'Byggesøknad', 'Helseopplysninger', 'Sak til arkiv', 'Saksbehandler', 'Saksbehandling']);
    expect(answer.counts).toEqual({ service: 1, process: 1, role: 1, system: 1, integration: 1, information: 1 });
  });

  it('finds what a service depends on, downstream, down to the technology', () => {
    const answer = impactOf(municipality(), 'svc', 'downstream', null)!;
    expect(names(answer.items)).toEqual(['Sak', 'Saksbehandler', 'Saksbehandling', 'Server1']);
    const server = answer.items.find((i) => i.name === 'Server1')!;
    expect(server.distance).toBe(3);
    expect(server.path.map((s) => s.name)).toEqual(['Byggesøknad', 'Saksbehandling', 'Sak', 'Server1']);
    expect(server.path.map((s) => s.via)).toEqual([undefined, 'realised_by', 'uses', 'runs_on']);
  });

  it('gives each result the shortest path that explains it', () => {
    const answer = impactOf(municipality(), 'srv', 'upstream', null)!;
    const service = answer.items.find((i) => i.kind === 'service')!;
    expect(service.path.map((s) => s.name)).toEqual(['Server1', 'Sak', 'Saksbehandling', 'Byggesøknad']);
    const archive = answer.items.find((i) => i.name === 'Arkiv')!;
    expect(archive.path.map((s) => s.name)).toEqual(['Server1', 'Sak', 'Sak til arkiv', 'Arkiv']);
  });

  it('stops at the depth limit and says there was more', () => {
    const one = impactOf(municipality(), 'srv', 'upstream', 1)!;
    expect(names(one.items)).toEqual(['Sak']);
    expect(one.truncated).toBe(true);
    const all = impactOf(municipality(), 'srv', 'upstream', 10)!;
    expect(all.truncated).toBe(false);
    expect(all.total).toBe(7);
  });

  it('does not follow relations that are no dependency (information carried by an integration)', () => {
    const answer = impactOf(municipality(), 'helse', 'downstream', null)!;
    expect(names(answer.items)).toEqual(['Sak', 'Server1']);
  });

  it('ends on cycles: each object once, with a finite path', () => {
    const b = new GraphBuilder();
    for (const id of ['a', 'b', 'c', 'd']) b.addNode(id, 'system', id.toUpperCase());
    // A → B → C → A is a cycle of integrations; D hangs off C.
    b.addEdge('a', 'b', 'depends_on');
    b.addEdge('b', 'c', 'depends_on');
    b.addEdge('c', 'a', 'depends_on');
    b.addEdge('d', 'c', 'depends_on');
    b.addEdge('a', 'a', 'depends_on');
    const g = b.build();
    const down = impactOf(g, 'a', 'downstream', null)!;
    expect(names(down.items)).toEqual(['B', 'C']);
    expect(down.items.find((i) => i.name === 'C')!.path.map((s) => s.name)).toEqual(['A', 'B', 'C']);
    const up = impactOf(g, 'a', 'upstream', null)!;
    expect(names(up.items)).toEqual(['B', 'C', 'D']);
    expect(up.items.find((i) => i.name === 'D')!.path.map((s) => s.name)).toEqual(['A', 'C', 'D']);
  });

  it('walks the same graph repeatedly without one walk leaking into the next', () => {
    const g = municipality();
    const first = reach(g, g.index.get('sak')!, 'upstream');
    const second = reach(g, g.index.get('svc')!, 'upstream');
    expect(first.nodes.length).toBe(6);
    expect(second.nodes.length).toBe(0);
  });

  it('answers "what if Sak is down" with services, processes, roles, people and personal data', () => {
    const answer = whatIfDown(municipality(), 'sak')!;
    expect(names(answer.services)).toEqual(['Byggesøknad']);
    expect(names(answer.processes)).toEqual(['Saksbehandling']);
    expect(names(answer.roles)).toEqual(['Saksbehandler']);
    expect(names(answer.systems)).toEqual(['Arkiv']);
    expect(names(answer.information)).toEqual(['Helseopplysninger']);
    expect(answer.personalData).toEqual({ special: 1 });
    // Sak's users 0,1,2 and Arkiv's 2,3 (Arkiv stops getting data): four different people.
    expect(answer.employeesAffected).toBe(4);
    expect(answer.services[0]!.path.map((s) => s.name)).toEqual(['Sak', 'Saksbehandling', 'Byggesøknad']);
  });

  it('answers null for an object that is not in the model', () => {
    expect(whatIfDown(municipality(), 'nope')).toBeNull();
    expect(impactOf(municipality(), 'nope', 'upstream', 3)).toBeNull();
  });

  it('skips edges to objects that are not in the graph', () => {
    const b = new GraphBuilder();
    b.addNode('a', 'system', 'A');
    expect(b.addEdge('a', 'gone', 'uses')).toBe(false);
    expect(b.build().edgeCount).toBe(0);
  });
});
