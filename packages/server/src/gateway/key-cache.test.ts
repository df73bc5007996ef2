import { describe, expect, it } from 'vitest';
import { KeyCache } from './key-cache.ts';

const principal = (credentialId: string) => ({ credentialId, tenantId: 't1' });

describe('KeyCache', () => {
  it('asks the database once per key within the TTL, again after it', async () => {
    let now = 0;
    let lookups = 0;
    const cache = new KeyCache({ ttlMs: 1000, maxEntries: 10, now: () => now });
    const lookup = () => {
      lookups++;
      return Promise.resolve(principal('k1'));
    };
    await cache.authenticate('ck_a', lookup);
    await cache.authenticate('ck_a', lookup);
    expect(lookups).toBe(1);
    now = 1000;
    await cache.authenticate('ck_a', lookup);
    expect(lookups).toBe(2);
  });

  it('never caches a refusal, and forgets a revoked key at once', async () => {
    const cache = new KeyCache({ ttlMs: 60_000, maxEntries: 10 });
    const refuse = () => Promise.reject(new Error('UNAUTHORIZED'));
    await expect(cache.authenticate('ck_b', refuse)).rejects.toThrow('UNAUTHORIZED');
    await expect(cache.authenticate('ck_b', refuse)).rejects.toThrow('UNAUTHORIZED');
    await cache.authenticate('ck_c', () => Promise.resolve(principal('k3')));
    cache.forgetKeyId('k3');
    await expect(cache.authenticate('ck_c', refuse)).rejects.toThrow('UNAUTHORIZED');
  });

  it('stays within maxEntries', async () => {
    let lookups = 0;
    const cache = new KeyCache({ ttlMs: 60_000, maxEntries: 2 });
    const lookup = () => {
      lookups++;
      return Promise.resolve(principal('k'));
    };
    for (const key of ['ck_1', 'ck_2', 'ck_3', 'ck_1']) await cache.authenticate(key, lookup);
    expect(lookups).toBe(4);
  });
});
