/**
 * `npm run bench:impact`: impact analysis on a model of 100,000 objects and 1,000,000 relations,
 * in memory (the graph the server caches per municipality). Targets (issue 5): upstream +
 * downstream impact of one object 3 steps out p95 ≤ 50 ms; full transitive "what if it is down"
 * of a core system ≤ 300 ms.
 */
import os from 'node:os';
import { GraphBuilder, type EdgeType, type NodeKind } from '../server/src/modules/map/impact/graph.ts';
import { impactOf, whatIfDown } from '../server/src/modules/map/impact/what-if-down.ts';

// A seeded generator, so every run measures the same model.
let seed = 0x9e3779b9;
const random = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
};
const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;

const counts: [NodeKind, number][] = [
  ['service', 5_000],
  ['process', 15_000],
  ['role', 10_000],
  ['information', 20_000],
  ['system', 30_000],
  ['technology', 5_000],
  ['integration', 15_000],
];
console.log(`Machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const started = performance.now();
const b = new GraphBuilder();
const ids: Record<string, number[]> = {};
for (const [kind, count] of counts) {
  ids[kind] = [];
  for (let i = 0; i < count; i++) ids[kind].push(b.addNode(`${kind}-${i}`, kind, `${kind} ${i}`, kind === 'information' ? { personalDataCategory: pick(['none', 'personal', 'special']) } : undefined));
}
// Hubs: a few core systems many things use, as in a real municipality (the case and archive system).
const core = ids.system!.slice(0, 50);
const systemPick = () => (random() < 0.2 ? pick(core) : pick(ids.system!));
const edge = (from: number, to: number, type: EdgeType) => b.addEdgeByIndex(from, to, type);
for (const s of ids.service!) {
  for (let k = 0; k < 3; k++) edge(s, pick(ids.process!), 'realised_by');
  for (let k = 0; k < 2; k++) edge(s, systemPick(), 'uses');
}
for (const p of ids.process!) {
  for (let k = 0; k < 10; k++) edge(p, systemPick(), 'uses');
  for (let k = 0; k < 5; k++) edge(p, pick(ids.role!), 'performed_by');
  for (let k = 0; k < 5; k++) edge(p, pick(ids.information!), 'uses_information');
  if (random() < 0.3) edge(p, pick(ids.process!), 'calls');
}
for (const r of ids.role!) for (let k = 0; k < 10; k++) edge(r, systemPick(), 'uses');
for (const i of ids.information!) for (let k = 0; k < 5; k++) edge(i, systemPick(), 'held_in');
for (const s of ids.system!) for (let k = 0; k < 3; k++) edge(s, pick(ids.technology!), 'runs_on');
for (const i of ids.integration!) {
  edge(pick(ids.system!), i, 'receives_from');
  edge(i, pick(ids.system!), 'receives_from');
  for (let k = 0; k < 2; k++) edge(i, pick(ids.information!), 'carries');
}
let edges = 15_000 + 10_000 + 150_000 + 75_000 + 75_000 + 100_000 + 100_000 + 90_000 + 60_000;
// The rest: generic dependencies between systems and technology (ArchiMate serving/realisation).
const rest = ids.system!.concat(ids.technology!);
while (edges < 1_000_000) {
  edge(pick(rest), pick(rest), 'depends_on');
  edges++;
}
// People: each system used by 0–40 of 10,000 employees (the head count in what-if-down).
for (const s of ids.system!) b.usersOf.set(s, Int32Array.from({ length: Math.floor(random() * 40) }, () => Math.floor(random() * 10_000)));
b.personCount = 10_000;
const graph = b.build();
const built = performance.now() - started;
console.log(`Model: ${graph.size.toLocaleString('nb')} objects, ${graph.edgeCount.toLocaleString('nb')} relations; generated and built (CSR) in ${built.toFixed(0)} ms`);

const percentile = (values: number[], p: number) => [...values].sort((a, c) => a - c)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const all = Array.from({ length: graph.size }, (_, i) => i);

// Warm up the JIT and the scratch arrays.
for (let i = 0; i < 20; i++) impactOf(graph, graph.ids[pick(all)]!, 'upstream', 3);

const samples: number[] = [];
let reached = 0;
for (let i = 0; i < 300; i++) {
  const id = graph.ids[pick(all)]!;
  const t0 = performance.now();
  const up = impactOf(graph, id, 'upstream', 3)!;
  const down = impactOf(graph, id, 'downstream', 3)!;
  samples.push(performance.now() - t0);
  reached += up.total + down.total;
}
const p50 = percentile(samples, 50);
const p95 = percentile(samples, 95);
console.log(`Upstream + downstream, 3 steps, 300 random objects (with paths for the first 500 of each): p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms; avg ${Math.round(reached / 300).toLocaleString('nb')} objects reached`);

const coreSamples: number[] = [];
let answer = whatIfDown(graph, graph.ids[core[0]!]!)!;
for (const s of core.slice(0, 20)) {
  const t0 = performance.now();
  answer = whatIfDown(graph, graph.ids[s]!)!;
  coreSamples.push(performance.now() - t0);
}
const t = answer.totals;
console.log(
  `Full transitive "what if it is down" of a core system, 20 core systems: p50 ${percentile(coreSamples, 50).toFixed(1)} ms, max ${Math.max(...coreSamples).toFixed(1)} ms; ` +
    `reaches ${(t.services + t.processes + t.roles + t.systems + t.information + t.other).toLocaleString('nb')} objects, ${answer.employeesAffected.toLocaleString('nb')} people`,
);
const ok = p95 <= 50 && Math.max(...coreSamples) <= 300;
console.log(ok ? 'Targets met (p95 ≤ 50 ms; full transitive ≤ 300 ms).' : 'Targets NOT met.');
process.exit(ok ? 0 : 1);
