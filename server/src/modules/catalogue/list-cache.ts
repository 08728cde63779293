/**
 * Pages of the system list, serialised, kept by each server instance per municipality. A page is
 * only used while the municipality's catalogue version (bumped by database triggers on every change
 * to systems and licence pools) and its org tree version (owner and unit names) are unchanged, so
 * instances behind a load balancer never serve each other's stale copies. No I/O here.
 */
interface TenantPages {
  catalogueVersion: number;
  orgVersion: number;
  pages: Map<string, Buffer>;
}

export class SystemListCache {
  readonly #tenants = new Map<string, TenantPages>();

  constructor(
    private readonly maxTenants = 100,
    private readonly maxPagesPerTenant = 200,
  ) {}

  get(tenantId: string, catalogueVersion: number, orgVersion: number, key: string): Buffer | undefined {
    const tenant = this.#tenants.get(tenantId);
    if (!tenant || tenant.catalogueVersion !== catalogueVersion || tenant.orgVersion !== orgVersion) return undefined;
    return tenant.pages.get(key);
  }

  set(tenantId: string, catalogueVersion: number, orgVersion: number, key: string, json: string): Buffer {
    let tenant = this.#tenants.get(tenantId);
    if (!tenant || tenant.catalogueVersion !== catalogueVersion || tenant.orgVersion !== orgVersion) {
      tenant = { catalogueVersion, orgVersion, pages: new Map() };
    }
    // Re-inserting moves the tenant to the back; the front is then the least recently refreshed.
    this.#tenants.delete(tenantId);
    this.#tenants.set(tenantId, tenant);
    if (this.#tenants.size > this.maxTenants) this.#tenants.delete(this.#tenants.keys().next().value!);
    const body = Buffer.from(json);
    tenant.pages.delete(key);
    tenant.pages.set(key, body);
    if (tenant.pages.size > this.maxPagesPerTenant) tenant.pages.delete(tenant.pages.keys().next().value!);
    return body;
  }
}
