import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/database/connection.ts';
import { GraphBuilder, type EdgeType, type ModelGraph, type NodeKind } from '../impact/graph.ts';
import { relationDirection, typedEdgeFor } from '../archimate/mapping.ts';

type Row = Record<string, unknown>;

async function rows(tx: Executor, query: ReturnType<typeof sql>): Promise<Row[]> {
  const result = await tx.execute(query);
  return ((result as { rows?: Row[] }).rows ?? (result as unknown as Row[])) as Row[];
}

/**
 * Which optional modules are installed: the map reads the access and process tables when they are
 * there and does without them when they are not (a municipality may run only the catalogue).
 */
async function presentTables(tx: Executor, names: string[]): Promise<Set<string>> {
  const found = await rows(tx, sql`select t.name from unnest(${`{${names.join(',')}}`}::text[]) as t(name) where to_regclass('public.' || t.name) is not null`);
  return new Set(found.map((r) => r.name as string));
}

export interface LoadedGraph {
  graph: ModelGraph;
  /** How the head count was made: from access entitlements, or from the units that own systems. */
  usersBasis: 'entitlements' | 'units' | 'none';
}

/** Reads the whole model of the caller's municipality (row-level security limits it) into a graph. */
export async function loadGraph(tx: Executor): Promise<LoadedGraph> {
  const b = new GraphBuilder();
  const node = (kind: NodeKind) => (r: Row) => b.addNode(r.id as string, kind, r.name as string);
  const edges = (type: EdgeType) => (r: Row) => b.addEdge(r.a as string, r.b as string, type);
  const optional = await presentTables(tx, ['processes', 'process_versions', 'process_element_links', 'business_roles', 'business_role_system_roles', 'system_roles', 'desired_entitlements']);

  for (const r of await rows(tx, sql`select id, name, audience, criticality, owning_unit_id, owner_person_id from services`)) {
    b.addNode(r.id as string, 'service', r.name as string, { criticality: r.criticality as string, unitId: r.owning_unit_id as string | null, hasOwner: r.owner_person_id !== null });
  }
  const hasProcesses = optional.has('processes') && optional.has('process_versions') && optional.has('process_element_links');
  if (hasProcesses) {
    for (const r of await rows(tx, sql`select id, name, owner_person_id from processes`)) b.addNode(r.id as string, 'process', r.name as string, { hasOwner: r.owner_person_id !== null });
  }
  const hasRoles = optional.has('business_roles') && optional.has('business_role_system_roles') && optional.has('system_roles');
  if (hasRoles) {
    for (const r of await rows(tx, sql`select id, name, owner_person_id from business_roles`)) b.addNode(r.id as string, 'role', r.name as string, { hasOwner: r.owner_person_id !== null });
  }
  for (const r of await rows(tx, sql`select id, name, personal_data_category, sensitivity, owner_person_id from information_objects`)) {
    b.addNode(r.id as string, 'information', r.name as string, { personalDataCategory: r.personal_data_category as string, sensitivity: r.sensitivity as string, hasOwner: r.owner_person_id !== null });
  }
  for (const r of await rows(tx, sql`select id, name, lifecycle_phase, criticality, owning_unit_id, owner_person_id from systems`)) {
    b.addNode(r.id as string, 'system', r.name as string, { lifecycle: r.lifecycle_phase as string, criticality: r.criticality as string, unitId: r.owning_unit_id as string | null, hasOwner: r.owner_person_id !== null });
  }
  for (const r of await rows(tx, sql`select id, name, kind from technology_components`)) {
    b.addNode(r.id as string, 'technology', r.name as string, { type: r.kind as string });
  }
  (await rows(tx, sql`select id, name from integrations`)).forEach(node('integration'));
  for (const r of await rows(tx, sql`select id, name, type from model_elements`)) {
    b.addNode(r.id as string, 'element', r.name as string, { type: r.type as string });
  }

  (await rows(tx, sql`select service_id as a, process_id as b from service_processes`)).forEach(edges('realised_by'));
  (await rows(tx, sql`select service_id as a, system_id as b from service_systems`)).forEach(edges('uses'));
  (await rows(tx, sql`select information_object_id as a, system_id as b from system_information`)).forEach(edges('held_in'));
  (await rows(tx, sql`select system_id as a, technology_component_id as b from system_technology`)).forEach(edges('runs_on'));
  for (const r of await rows(tx, sql`select id, from_system_id, to_system_id from integrations`)) {
    // The receiving system depends on the integration, which depends on the sending system.
    b.addEdge(r.to_system_id as string, r.id as string, 'receives_from');
    b.addEdge(r.id as string, r.from_system_id as string, 'receives_from');
  }
  (await rows(tx, sql`select integration_id as a, information_object_id as b from integration_information`)).forEach(edges('carries'));
  if (hasProcesses) {
    // Only the published version of a process says how work is done today.
    const links = await rows(tx, sql`
      select v.process_id as a, l.kind, coalesce(l.target_id, sr.system_id) as b
      from process_element_links l
      join process_versions v on v.id = l.version_id and v.state = 'published'
      left join ${sql.raw(optional.has('system_roles') ? 'system_roles' : '(select null::uuid as id, null::uuid as system_id)')} sr on sr.id = l.system_role_id`);
    const kinds: Record<string, EdgeType> = {
      task_system: 'uses',
      lane_business_role: 'performed_by',
      data_information_object: 'uses_information',
      call_process: 'calls',
    };
    for (const r of links) {
      const type = kinds[r.kind as string];
      if (type && r.b) b.addEdge(r.a as string, r.b as string, type);
    }
  }
  if (hasRoles) {
    (await rows(tx, sql`select distinct brs.business_role_id as a, sr.system_id as b from business_role_system_roles brs join system_roles sr on sr.id = brs.system_role_id`)).forEach(edges('uses'));
  }
  if (hasProcesses) {
    // The hierarchy: a process consists of its sub-processes (as an ArchiMate Composition says).
    (await rows(tx, sql`select parent_id as a, id as b from processes where parent_id is not null`)).forEach(edges('has_part'));
  }
  for (const r of await rows(tx, sql`select type, source_kind, source_id, target_kind, target_id from model_relations`)) {
    const typed = typedEdgeFor(r.type as string, r.source_kind as string, r.target_kind as string);
    if (typed?.from === 'source') b.addEdge(r.source_id as string, r.target_id as string, typed.edge);
    if (typed?.from === 'target') b.addEdge(r.target_id as string, r.source_id as string, typed.edge);
    if (typed) continue;
    const direction = relationDirection(r.type as string);
    if (direction === 'source_depends_on_target') b.addEdge(r.source_id as string, r.target_id as string, 'depends_on');
    else if (direction === 'target_depends_on_source') b.addEdge(r.target_id as string, r.source_id as string, 'depends_on');
    else b.addEdge(r.source_id as string, r.target_id as string, 'associated');
  }

  // Who uses a system: the people the access engine says should have a role in it, or else the
  // people employed in the unit that owns it.
  let usersBasis: LoadedGraph['usersBasis'] = 'none';
  const people = new Map<string, number>();
  const personIndex = (id: string) => {
    let i = people.get(id);
    if (i === undefined) people.set(id, (i = people.size));
    return i;
  };
  const users = new Map<number, number[]>();
  const addUser = (systemId: string, personId: string) => {
    const s = b.index.get(systemId);
    if (s === undefined) return;
    let list = users.get(s);
    if (!list) users.set(s, (list = []));
    list.push(personIndex(personId));
  };
  if (optional.has('desired_entitlements') && optional.has('system_roles')) {
    const entitled = await rows(tx, sql`select distinct sr.system_id, de.person_id from desired_entitlements de join system_roles sr on sr.id = de.system_role_id where de.state = 'active'`);
    for (const r of entitled) addUser(r.system_id as string, r.person_id as string);
    if (entitled.length) usersBasis = 'entitlements';
  }
  if (usersBasis === 'none') {
    const employed = await rows(tx, sql`
      select distinct s.id as system_id, e.person_id
      from systems s join employments e on e.org_unit_id = s.owning_unit_id
      where e.start_date <= current_date and (e.end_date is null or e.end_date >= current_date)`);
    for (const r of employed) addUser(r.system_id as string, r.person_id as string);
    if (employed.length) usersBasis = 'units';
  }
  for (const [s, list] of users) b.usersOf.set(s, Int32Array.from(new Set(list)));
  b.personCount = people.size;
  return { graph: b.build(), usersBasis };
}
