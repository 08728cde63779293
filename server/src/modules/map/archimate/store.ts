import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/database/connection.ts';
import type { Actor } from '../../../platform/database/tenant-scope.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { businessRoles } from '../../access/tables.ts';
import { systems } from '../../catalogue/tables.ts';
import { createProcess } from '../../processes/queries.ts';
import { processes } from '../../processes/tables.ts';
import {
  archimateIdentifiers,
  informationObjects,
  integrations,
  modelElements,
  modelRelations,
  modelViews,
  serviceProcesses,
  services,
  serviceSystems,
  systemInformation,
  systemTechnology,
  technologyComponents,
} from '../tables.ts';
import { defaultElementType, hierarchyLevel, kindForElementType, linkFor, processParentType, technologyKindFor, type LinkKind, type MappedKind } from './mapping.ts';
import { ArchimateRejected, parseArchimate, writeArchimate, type AmElement, type AmModel, type AmRelationship, type AmView } from './model.ts';

type ObjectKind = MappedKind | LinkKind | 'relation' | 'view';
interface Ref {
  kind: ObjectKind;
  id: string;
}

/** The hierarchy has no column for a relation's name: it is kept with the identifier, under a key no property can have. */
const hierarchyName = '@name';

const ownIdentifier = /^id-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export interface ArchimateImportResult {
  elements: number;
  relationships: number;
  views: number;
  created: number;
  updated: number;
  /** Per kind of ours: how many elements became systems, services, … */
  mapped: Record<string, number>;
  /**
   * Elements that would have become processes or business roles, had the importer been allowed to
   * make those: kept as generic elements (or, if already ours, left as they are).
   */
  notAllowed: { process: number; role: number };
}

/** What the importer may create besides the map's own objects (processes need processes:write, roles access:write). */
export interface ArchimateImportRights {
  processes: boolean;
  roles: boolean;
}

/** Turns a parse failure into problem+json with the problems listed. */
export function parseOrReject(xml: string): AmModel {
  try {
    return parseArchimate(xml);
  } catch (error) {
    if (error instanceof ArchimateRejected) throw new AppError('import_rejected', error.message, error.problems.slice(0, 100));
    throw error;
  }
}

const tableOf = {
  system: systems,
  service: services,
  information: informationObjects,
  technology: technologyComponents,
  process: processes,
  role: businessRoles,
  element: modelElements,
  system_information: systemInformation,
  system_technology: systemTechnology,
  service_system: serviceSystems,
  service_process: serviceProcesses,
  /** A process's place in the hierarchy: the object is the child process. */
  process_parent: processes,
  integration: integrations,
  relation: modelRelations,
  view: modelViews,
} as const;

async function exists(tx: Executor, kind: ObjectKind, id: string): Promise<boolean> {
  const table = tableOf[kind];
  const rows = await tx.select({ id: table.id }).from(table).where(eq(table.id, id));
  return rows.length > 0;
}

/**
 * Imports an exchange file into the caller's municipality in the caller's transaction: a file
 * with any error changes nothing. Identifiers are kept, so importing the same file again updates
 * rather than duplicates, and export → import gives the same model.
 */
export async function importArchimate(tx: Executor, actor: Actor, xml: string, rights: ArchimateImportRights = { processes: true, roles: true }): Promise<ArchimateImportResult> {
  const tenantId = actor.tenantId;
  const model = parseOrReject(xml);
  const known = new Map<string, Ref & { row: string }>();
  /** Which identifier stands for an object of ours ("kind:id"), so that one object is never two elements. */
  const claimed = new Map<string, string>();
  for (const r of await tx.select().from(archimateIdentifiers)) {
    known.set(r.identifier, { kind: r.objectKind as ObjectKind, id: r.objectId, row: r.id });
    claimed.set(`${r.objectKind}:${r.objectId}`, r.identifier);
  }
  const result: ArchimateImportResult = { elements: 0, relationships: 0, views: 0, created: 0, updated: 0, mapped: {}, notAllowed: { process: 0, role: 0 } };
  const resolved = new Map<string, Ref>();

  const remember = async (identifier: string, ref: Ref, type: string, properties: Record<string, string>) => {
    resolved.set(identifier, ref);
    claimed.set(`${ref.kind}:${ref.id}`, identifier);
    const existing = known.get(identifier);
    if (existing) {
      await tx.update(archimateIdentifiers).set({ objectKind: ref.kind, objectId: ref.id, archimateType: type, properties }).where(eq(archimateIdentifiers.id, existing.row));
    } else {
      // An object may have been exported under its own id-<uuid> and come back: one identifier per object.
      await tx.delete(archimateIdentifiers).where(and(eq(archimateIdentifiers.objectKind, ref.kind), eq(archimateIdentifiers.objectId, ref.id)));
      await tx.insert(archimateIdentifiers).values({ tenantId, identifier, objectKind: ref.kind, objectId: ref.id, archimateType: type, properties });
    }
  };

  /** The object an identifier already stands for, if it is still there and of the same kind. */
  const findExisting = async (identifier: string, kind: ObjectKind): Promise<string | null> => {
    const k = known.get(identifier);
    if (k && k.kind === kind && (await exists(tx, kind, k.id))) return k.id;
    // A hierarchy link is exported under id-parent-<child>, never under the child's own id-<uuid>.
    const own = kind === 'process_parent' ? null : ownIdentifier.exec(identifier);
    if (own && (await exists(tx, kind, own[1]!))) return own[1]!;
    return null;
  };

  /**
   * A process or business role of the same name not yet standing for another element is the same
   * one (business role names are unique). A role name taken by another element of the file leaves
   * this element generic, so that no two elements become one.
   */
  const sameNamed = async (kind: 'process' | 'role', identifier: string, name: string): Promise<{ id: string } | 'taken' | null> => {
    const table = kind === 'process' ? processes : businessRoles;
    const same = await tx.select({ id: table.id }).from(table).where(eq(table.name, name));
    const free = same.filter((r) => (claimed.get(`${kind}:${r.id}`) ?? identifier) === identifier);
    if (free.length === 1) return free[0]!;
    return kind === 'role' && same.length ? 'taken' : null;
  };

  for (const e of model.elements) {
    let kind = kindForElementType(e.type);
    if ((kind === 'process' && !rights.processes) || (kind === 'role' && !rights.roles)) {
      result.notAllowed[kind]++;
      const ours = await findExisting(e.identifier, kind);
      if (ours) {
        // Already a process or role of ours: relations may point at it, but it is not changed.
        resolved.set(e.identifier, { kind, id: ours });
        result.elements++;
        continue;
      }
      kind = 'element';
    }
    let id = await findExisting(e.identifier, kind);
    if (!id && (kind === 'process' || kind === 'role')) {
      const same = await sameNamed(kind, e.identifier, e.name);
      if (same === 'taken') {
        kind = 'element';
        id = await findExisting(e.identifier, kind);
      } else id = same?.id ?? null;
    }
    const before = known.get(e.identifier);
    if (before?.kind === 'element' && kind !== 'element') {
      // Kept generic by an earlier import, now one of ours: the generic copy goes.
      await tx.delete(modelElements).where(eq(modelElements.id, before.id));
    }
    result.mapped[kind] = (result.mapped[kind] ?? 0) + 1;
    const created = !id;
    id = await saveElement(tx, actor, kind, id, e);
    if (created) result.created++;
    else result.updated++;
    await remember(e.identifier, { kind, id }, e.type, kind === 'element' ? {} : e.properties);
    result.elements++;
  }

  // Relations may point at relations; take them in rounds until every end is known.
  let pending = [...model.relationships];
  while (pending.length) {
    const next: AmRelationship[] = [];
    for (const r of pending) {
      const source = resolved.get(r.source);
      const target = resolved.get(r.target);
      if (!source || !target) {
        next.push(r);
        continue;
      }
      const ref = await saveRelation(tx, tenantId, r, source, target, await findRelation(r.identifier));
      const kept = ref.kind === 'relation' ? {} : ref.kind === 'process_parent' && r.name ? { ...r.properties, [hierarchyName]: r.name } : r.properties;
      await remember(r.identifier, ref, r.type, kept);
      result.relationships++;
    }
    if (next.length === pending.length) {
      throw new AppError('import_rejected', 'Noen relasjoner peker på hverandre i ring og kan ikke leses inn.', next.slice(0, 20).map((r) => ({ message: `Relasjon ${r.identifier}` })));
    }
    pending = next;
  }

  async function findRelation(identifier: string): Promise<Ref | null> {
    for (const kind of ['relation', 'system_information', 'system_technology', 'service_system', 'service_process', 'process_parent', 'integration'] as const) {
      const id = await findExisting(identifier, kind);
      if (id) return { kind, id };
    }
    return null;
  }

  for (const v of model.views) {
    const id = await findExisting(v.identifier, 'view');
    const values = { name: v.name, documentation: v.documentation, viewpoint: v.viewpoint, layout: { nodes: v.nodes, connections: v.connections } };
    let viewId = id;
    if (viewId) await tx.update(modelViews).set({ ...values, updatedAt: new Date() }).where(eq(modelViews.id, viewId));
    else viewId = (await tx.insert(modelViews).values({ ...values, tenantId }).returning({ id: modelViews.id }))[0]!.id;
    await remember(v.identifier, { kind: 'view', id: viewId }, 'Diagram', {});
    result.views++;
  }
  return result;
}

async function saveElement(tx: Executor, actor: Actor, kind: MappedKind, id: string | null, e: AmElement): Promise<string> {
  const name = e.name;
  const tenantId = actor.tenantId;
  switch (kind) {
    case 'process':
      if (id) {
        const [self] = await tx.select({ parentId: processes.parentId }).from(processes).where(eq(processes.id, id));
        const siblings = await tx.select({ id: processes.id }).from(processes).where(and(self?.parentId ? eq(processes.parentId, self.parentId) : isNull(processes.parentId), eq(processes.name, name), ne(processes.id, id)));
        // A sibling that took the name here keeps it; the process keeps its own name.
        await tx.update(processes).set({ ...(siblings.length ? {} : { name }), purpose: e.documentation, updatedAt: new Date() }).where(eq(processes.id, id));
        return id;
      }
      // A draft with a blank diagram, at the top until a Composition/Aggregation places it.
      return createProcess(tx, actor, { parentId: null, level: 'process', name, purpose: e.documentation, ownerPersonId: null });
    case 'role':
      if (id) {
        // Business role names are unique: a role that took the name here keeps it.
        const [other] = await tx.select({ id: businessRoles.id }).from(businessRoles).where(and(eq(businessRoles.name, name), ne(businessRoles.id, id)));
        await tx.update(businessRoles).set({ ...(other ? {} : { name }), description: e.documentation, updatedAt: new Date() }).where(eq(businessRoles.id, id));
        return id;
      }
      return (await tx.insert(businessRoles).values({ tenantId, name, description: e.documentation }).returning({ id: businessRoles.id }))[0]!.id;
    case 'system': {
      if (id) {
        await tx.update(systems).set({ name, description: e.documentation, updatedAt: new Date() }).where(eq(systems.id, id));
        return id;
      }
      // A system of the same name already in the catalogue is the same system.
      const [same] = await tx.select({ id: systems.id }).from(systems).where(eq(systems.name, name));
      if (same) {
        await tx.update(systems).set({ description: e.documentation, updatedAt: new Date() }).where(eq(systems.id, same.id));
        return same.id;
      }
      return (await tx.insert(systems).values({ tenantId, name, description: e.documentation }).returning({ id: systems.id }))[0]!.id;
    }
    case 'service':
      if (id) {
        await tx.update(services).set({ name, description: e.documentation, updatedAt: new Date() }).where(eq(services.id, id));
        return id;
      }
      return (await tx.insert(services).values({ tenantId, name, description: e.documentation }).returning({ id: services.id }))[0]!.id;
    case 'information':
      if (id) {
        await tx.update(informationObjects).set({ name, description: e.documentation, updatedAt: new Date() }).where(eq(informationObjects.id, id));
        return id;
      }
      return (await tx.insert(informationObjects).values({ tenantId, name, description: e.documentation }).returning({ id: informationObjects.id }))[0]!.id;
    case 'technology': {
      const values = { name, description: e.documentation, kind: technologyKindFor(e.type) };
      if (id) {
        await tx.update(technologyComponents).set({ ...values, updatedAt: new Date() }).where(eq(technologyComponents.id, id));
        return id;
      }
      return (await tx.insert(technologyComponents).values({ ...values, tenantId }).returning({ id: technologyComponents.id }))[0]!.id;
    }
    default: {
      const values = { type: e.type, name, documentation: e.documentation, properties: e.properties };
      if (id) {
        await tx.update(modelElements).set({ ...values, updatedAt: new Date() }).where(eq(modelElements.id, id));
        return id;
      }
      return (await tx.insert(modelElements).values({ ...values, tenantId }).returning({ id: modelElements.id }))[0]!.id;
    }
  }
}

/**
 * Puts a process under another if our hierarchy allows it: the child has no other parent, the
 * parent is not below the child, the levels fit and no sibling has the same name. Returns whether
 * it did; if not, the relation is kept as a generic one.
 */
async function placeUnder(tx: Executor, parentId: string, childId: string): Promise<boolean> {
  const all = await tx.select({ id: processes.id, parentId: processes.parentId, level: processes.level, name: processes.name }).from(processes);
  const byId = new Map(all.map((p) => [p.id, p]));
  const child = byId.get(childId);
  const parent = byId.get(parentId);
  if (!child || !parent || (child.parentId && child.parentId !== parentId)) return false;
  for (let at: string | null | undefined = parentId; at; at = byId.get(at)?.parentId) if (at === childId) return false;
  const level = hierarchyLevel(parent.level, child.level);
  if (!level) return false;
  if (all.some((p) => p.parentId === parentId && p.id !== childId && p.name === child.name)) return false;
  await tx.update(processes).set({ parentId, level, updatedAt: new Date() }).where(eq(processes.id, childId));
  return true;
}

async function saveRelation(tx: Executor, tenantId: string, r: AmRelationship, source: Ref, target: Ref, existing: Ref | null): Promise<Ref> {
  if (existing?.kind === 'process_parent') {
    // Placed again (the hierarchy may have been edited since); if it no longer fits, kept generic.
    if (await placeUnder(tx, source.id, target.id)) return existing;
    existing = null;
  } else if (existing && existing.kind !== 'relation') return existing;
  const link = existing ? null : linkFor(r.type, source.kind as MappedKind, target.kind as MappedKind);
  if (link === 'process_parent') {
    if (await placeUnder(tx, source.id, target.id)) return { kind: link, id: target.id };
  } else if (link === 'service_process') {
    const pair = await tx.select({ id: serviceProcesses.id }).from(serviceProcesses).where(and(eq(serviceProcesses.serviceId, target.id), eq(serviceProcesses.processId, source.id)));
    if (!pair.length) {
      const [row] = await tx.insert(serviceProcesses).values({ tenantId, serviceId: target.id, processId: source.id, note: r.name }).returning({ id: serviceProcesses.id });
      return { kind: link, id: row!.id };
    }
  } else if (link === 'system_information') {
    const pair = await tx.select({ id: systemInformation.id }).from(systemInformation).where(and(eq(systemInformation.systemId, source.id), eq(systemInformation.informationObjectId, target.id)));
    if (!pair.length) {
      const [row] = await tx.insert(systemInformation).values({ tenantId, systemId: source.id, informationObjectId: target.id, note: r.name }).returning({ id: systemInformation.id });
      return { kind: link, id: row!.id };
    }
  } else if (link === 'system_technology') {
    const pair = await tx.select({ id: systemTechnology.id }).from(systemTechnology).where(and(eq(systemTechnology.systemId, target.id), eq(systemTechnology.technologyComponentId, source.id)));
    if (!pair.length) {
      const [row] = await tx.insert(systemTechnology).values({ tenantId, systemId: target.id, technologyComponentId: source.id, note: r.name }).returning({ id: systemTechnology.id });
      return { kind: link, id: row!.id };
    }
  } else if (link === 'service_system') {
    const pair = await tx.select({ id: serviceSystems.id }).from(serviceSystems).where(and(eq(serviceSystems.serviceId, target.id), eq(serviceSystems.systemId, source.id)));
    if (!pair.length) {
      const [row] = await tx.insert(serviceSystems).values({ tenantId, serviceId: target.id, systemId: source.id, note: r.name }).returning({ id: serviceSystems.id });
      return { kind: link, id: row!.id };
    }
  } else if (link === 'integration') {
    const [row] = await tx
      .insert(integrations)
      .values({ tenantId, name: r.name, description: r.documentation, fromSystemId: source.id, toSystemId: target.id, kind: 'api', mode: 'async' })
      .returning({ id: integrations.id });
    return { kind: link, id: row!.id };
  }
  const values = {
    type: r.type,
    name: r.name,
    documentation: r.documentation,
    sourceKind: source.kind,
    sourceId: source.id,
    targetKind: target.kind,
    targetId: target.id,
    properties: r.properties,
  };
  if (existing) {
    await tx.update(modelRelations).set({ ...values, updatedAt: new Date() }).where(eq(modelRelations.id, existing.id));
    return existing;
  }
  const [row] = await tx.insert(modelRelations).values({ ...values, tenantId }).returning({ id: modelRelations.id });
  return { kind: 'relation', id: row!.id };
}

/** The caller's municipality's whole model as an exchange file. */
export async function exportArchimate(tx: Executor, modelName: string, tenantId: string): Promise<{ xml: string; model: AmModel }> {
  const ids = await tx.select().from(archimateIdentifiers);
  const byObject = new Map(ids.map((r) => [`${r.objectKind}:${r.objectId}`, r]));
  const identifierOf = (kind: ObjectKind, id: string) => byObject.get(`${kind}:${id}`)?.identifier ?? (kind === 'process_parent' ? `id-parent-${id}` : `id-${id}`);
  const stored = (kind: ObjectKind, id: string) => byObject.get(`${kind}:${id}`);
  const elements: AmElement[] = [];
  const present = new Set<string>();
  const addElement = (kind: MappedKind, id: string, name: string, documentation: string, fallbackType: string, properties?: Record<string, string>) => {
    const s = stored(kind, id);
    const identifier = identifierOf(kind, id);
    present.add(`${kind}:${id}`);
    elements.push({ identifier, type: kind === 'element' ? fallbackType : s?.archimateType || fallbackType, name, documentation, properties: properties ?? s?.properties ?? {} });
  };
  for (const r of await tx.select().from(systems)) addElement('system', r.id, r.name, r.description, defaultElementType('system'));
  for (const r of await tx.select().from(services)) addElement('service', r.id, r.name, r.description, defaultElementType('service'));
  for (const r of await tx.select().from(informationObjects)) addElement('information', r.id, r.name, r.description, defaultElementType('information'));
  for (const r of await tx.select().from(technologyComponents)) addElement('technology', r.id, r.name, r.description, defaultElementType('technology', r.kind));
  const processRows = await tx.select({ id: processes.id, parentId: processes.parentId, name: processes.name, purpose: processes.purpose }).from(processes);
  for (const r of processRows) addElement('process', r.id, r.name, r.purpose, defaultElementType('process'));
  for (const r of await tx.select().from(businessRoles)) addElement('role', r.id, r.name, r.description, defaultElementType('role'));
  for (const r of await tx.select().from(modelElements)) addElement('element', r.id, r.name, r.documentation, r.type, r.properties);

  const relationships: AmRelationship[] = [];
  const addRelation = (kind: ObjectKind, id: string, fallbackType: string, name: string, documentation: string, source: Ref, target: Ref, properties?: Record<string, string>) => {
    const s = stored(kind, id);
    relationships.push({
      identifier: identifierOf(kind, id),
      type: kind === 'relation' ? fallbackType : s?.archimateType || fallbackType,
      name,
      documentation,
      source: identifierOf(source.kind, source.id),
      target: identifierOf(target.kind, target.id),
      properties: properties ?? s?.properties ?? {},
    });
    present.add(`${kind}:${id}`);
  };
  for (const r of await tx.select().from(systemInformation)) addRelation('system_information', r.id, 'Access', r.note, '', { kind: 'system', id: r.systemId }, { kind: 'information', id: r.informationObjectId });
  for (const r of await tx.select().from(systemTechnology)) addRelation('system_technology', r.id, 'Realization', r.note, '', { kind: 'technology', id: r.technologyComponentId }, { kind: 'system', id: r.systemId });
  for (const r of await tx.select().from(serviceSystems)) addRelation('service_system', r.id, 'Serving', r.note, '', { kind: 'system', id: r.systemId }, { kind: 'service', id: r.serviceId });
  for (const r of await tx.select().from(serviceProcesses)) {
    // process_id has no foreign key: a link to a removed process is left out.
    if (present.has(`process:${r.processId}`)) addRelation('service_process', r.id, 'Realization', r.note, '', { kind: 'process', id: r.processId }, { kind: 'service', id: r.serviceId });
  }
  for (const r of processRows) {
    if (!r.parentId) continue;
    const { [hierarchyName]: name = '', ...properties } = stored('process_parent', r.id)?.properties ?? {};
    addRelation('process_parent', r.id, processParentType, name, '', { kind: 'process', id: r.parentId }, { kind: 'process', id: r.id }, properties);
  }
  for (const r of await tx.select().from(integrations)) addRelation('integration', r.id, 'Flow', r.name, r.description, { kind: 'system', id: r.fromSystemId }, { kind: 'system', id: r.toSystemId });
  const generic = await tx.select().from(modelRelations);
  for (const r of generic) present.add(`relation:${r.id}`);
  for (const r of generic) {
    // A relation whose end was removed here is left out rather than exported dangling.
    if (!present.has(`${r.sourceKind}:${r.sourceId}`) || !present.has(`${r.targetKind}:${r.targetId}`)) continue;
    addRelation('relation', r.id, r.type, r.name, r.documentation, { kind: r.sourceKind as ObjectKind, id: r.sourceId }, { kind: r.targetKind as ObjectKind, id: r.targetId }, r.properties);
  }
  const views: AmView[] = (await tx.select().from(modelViews).orderBy(modelViews.createdAt)).map((v) => ({
    identifier: identifierOf('view', v.id),
    name: v.name,
    documentation: v.documentation,
    viewpoint: v.viewpoint,
    nodes: v.layout.nodes,
    connections: v.layout.connections,
  }));
  const model: AmModel = { identifier: `id-${tenantId}`, name: modelName, documentation: '', elements, relationships, views };
  return { xml: writeArchimate(model), model };
}

/** Counts for the UI and the conformance script. */
export async function modelCounts(tx: Executor) {
  const result = await tx.execute(sql`select
    (select count(*) from model_elements)::int as elements,
    (select count(*) from model_relations)::int as relations,
    (select count(*) from model_views)::int as views`);
  const rows = ((result as { rows?: unknown[] }).rows ?? (result as unknown as unknown[])) as { elements: number; relations: number; views: number }[];
  return rows[0]!;
}
