/**
 * Callers resolved in the last few seconds, by the hash of their session or API token. Every
 * request needs its caller, and on PostgreSQL that lookup was one of a request's few round trips;
 * under load the same callers come back many times a second. Signing out or revoking here forgets
 * at once; another server process (GRUNNMUR_WORKERS) may accept a signed-out session or a revoked
 * token for at most `ttlMs` more (docs/decisions/0006-fewer-round-trips-per-request.md).
 */
export class CallerCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(hash: string, now = Date.now()): T | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.entries.delete(hash);
      return undefined;
    }
    return entry.value;
  }

  /** Remembers a caller until the TTL passes or `expiresAt` (a session's end), whichever is first. */
  set(hash: string, value: T, expiresAt?: Date, now = Date.now()): void {
    if (this.ttlMs <= 0) return;
    // The oldest entry goes first: a Map iterates in insertion order.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(hash, { value, until: Math.min(now + this.ttlMs, expiresAt?.getTime() ?? Infinity) });
  }

  forget(hash: string): void {
    this.entries.delete(hash);
  }

  clear(): void {
    this.entries.clear();
  }
}
