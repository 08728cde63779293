import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../../server/src/platform/database/connection.ts';
import {
  archimateIdentifiers,
  mapModelVersions,
  informationObjects,
  integrationInformation,
  integrations,
  mapSavedViews,
  modelElements,
  modelRelations,
  modelViews,
  serviceProcesses,
  services,
  serviceSystems,
  systemInformation,
  systemTechnology,
  technologyComponents,
} from '../../../server/src/modules/map/tables.ts';

export async function seedTenant(db: Executor, tenantId: string, mark: string, base: Record<string, string[]>): Promise<Record<string, string[]>> {
  const systemId = base.systems![0]!;
  const [service] = await db.insert(services).values({ tenantId, name: `${mark} tjeneste`, ownerPersonId: base.persons![0] }).returning();
  const [info] = await db.insert(informationObjects).values({ tenantId, name: `${mark} helseopplysninger`, personalDataCategory: 'special' }).returning();
  const [held] = await db.insert(systemInformation).values({ tenantId, systemId, informationObjectId: info!.id, note: mark }).returning();
  const [integration] = await db.insert(integrations).values({ tenantId, name: `${mark} integrasjon`, fromSystemId: systemId, toSystemId: systemId }).returning();
  const [flow] = await db.insert(integrationInformation).values({ tenantId, integrationId: integration!.id, informationObjectId: info!.id, note: mark }).returning();
  const [tech] = await db.insert(technologyComponents).values({ tenantId, name: `${mark} server`, kind: 'server' }).returning();
  const [runsOn] = await db.insert(systemTechnology).values({ tenantId, systemId, technologyComponentId: tech!.id, note: mark }).returning();
  const [sp] = await db.insert(serviceProcesses).values({ tenantId, serviceId: service!.id, processId: randomUUID(), note: mark }).returning();
  const [ss] = await db.insert(serviceSystems).values({ tenantId, serviceId: service!.id, systemId, note: mark }).returning();
  const [element] = await db.insert(modelElements).values({ tenantId, type: 'Principle', name: `${mark} prinsipp`, properties: { note: mark } }).returning();
  const [relation] = await db
    .insert(modelRelations)
    .values({ tenantId, type: 'Association', name: mark, sourceKind: 'element', sourceId: element!.id, targetKind: 'system', targetId: systemId })
    .returning();
  const [identifier] = await db.insert(archimateIdentifiers).values({ tenantId, identifier: `id-${mark}`, objectKind: 'element', objectId: element!.id, archimateType: 'Principle' }).returning();
  const [view] = await db.insert(modelViews).values({ tenantId, name: `${mark} visning`, layout: { nodes: [], connections: [] } }).returning();
  const [saved] = await db.insert(mapSavedViews).values({ tenantId, name: `${mark} kart`, ownerUserId: base.users![0]!, shared: true }).returning();
  // The model version row is written by the tables' triggers, not by us.
  const [version] = await db.select({ id: mapModelVersions.id }).from(mapModelVersions).where(eq(mapModelVersions.tenantId, tenantId));
  return {
    services: [service!.id],
    information_objects: [info!.id],
    system_information: [held!.id],
    integrations: [integration!.id],
    integration_information: [flow!.id],
    technology_components: [tech!.id],
    system_technology: [runsOn!.id],
    service_processes: [sp!.id],
    service_systems: [ss!.id],
    model_elements: [element!.id],
    model_relations: [relation!.id],
    archimate_identifiers: [identifier!.id],
    model_views: [view!.id],
    map_saved_views: [saved!.id],
    map_model_versions: [version!.id],
  };
}
