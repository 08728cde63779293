import { gzipSync } from 'node:zlib';

/**
 * The serialised org tree per municipality, kept by each server instance. An entry is only used
 * while the municipality's tree version (bumped by database triggers on every change to units,
 * people and employments) and the day (headcounts count current employments) are unchanged, so
 * instances behind a load balancer never serve each other's stale copies. No I/O here.
 */
export interface CachedTree {
  version: number;
  day: string;
  /** The JSON body, encoded once rather than on every request. */
  body: Buffer;
  /** The same, gzipped: a big municipality's tree is ~0.8 MB of JSON and ~15 % of that gzipped. */
  gzipped: Buffer;
  etag: string;
}

export class TreeCache {
  readonly #entries = new Map<string, CachedTree>();

  constructor(private readonly maxTenants = 100) {}

  get(tenantId: string, version: number, day: string): CachedTree | undefined {
    const entry = this.#entries.get(tenantId);
    return entry && entry.version === version && entry.day === day ? entry : undefined;
  }

  set(tenantId: string, version: number, day: string, json: string): CachedTree {
    const body = Buffer.from(json);
    const entry = { version, day, body, gzipped: gzipSync(body), etag: `"org-tree-${tenantId}-${version}-${day}"` };
    // Re-inserting moves the tenant to the back; the front is then the least recently refreshed.
    this.#entries.delete(tenantId);
    this.#entries.set(tenantId, entry);
    if (this.#entries.size > this.maxTenants) this.#entries.delete(this.#entries.keys().next().value!);
    return entry;
  }
}
