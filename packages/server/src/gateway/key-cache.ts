import type { Principal } from '../credentials/credential-service.ts';

/**
 * Agent keys recently accepted, by the key itself, for `ttlMs`: a sync-client reconnecting in a
 * storm (or flapping) skips the database lookup. Only acceptances are cached; a refusal always
 * asks the database. Revoking a key in the web app drops it at once (`forgetKeyId`); revoked any
 * other way (admin CLI, another instance), it may still connect here for up to `ttlMs`.
 */
export class KeyCache {
  readonly #entries = new Map<string, { principal: Principal; expiresAt: number }>();

  constructor(
    private readonly options: { ttlMs: number; maxEntries: number; now?: () => number },
  ) {}

  #now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** The principal behind `key`, from the cache or from `lookup` (then cached). */
  async authenticate(key: string | null, lookup: () => Promise<Principal>): Promise<Principal> {
    const cached = key === null ? undefined : this.#entries.get(key);
    if (cached && cached.expiresAt > this.#now()) return cached.principal;
    if (cached && key !== null) this.#entries.delete(key);
    const principal = await lookup();
    if (key !== null) {
      if (this.#entries.size >= this.options.maxEntries) this.#evictExpiredOrOldest();
      this.#entries.set(key, { principal, expiresAt: this.#now() + this.options.ttlMs });
    }
    return principal;
  }

  forgetKeyId(keyId: string): void {
    for (const [key, entry] of this.#entries) {
      if (entry.principal.credentialId === keyId) this.#entries.delete(key);
    }
  }

  #evictExpiredOrOldest(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
    const oldest = this.#entries.keys().next();
    if (this.#entries.size >= this.options.maxEntries && !oldest.done) {
      this.#entries.delete(oldest.value);
    }
  }
}
