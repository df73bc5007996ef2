import { describe, expect, it } from 'vitest';
import { bearerToken, generateSecret, hashSecret } from './secret.ts';

describe('secrets', () => {
  it('generates distinct prefixed secrets of 32 random bytes', () => {
    const a = generateSecret('ck_');
    const b = generateSecret('ck_');
    expect(a).toMatch(/^ck_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('hashes deterministically without keeping the secret', () => {
    const secret = generateSecret('ct_');
    expect(hashSecret(secret)).toBe(hashSecret(secret));
    expect(hashSecret(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(secret)).not.toContain(secret.slice(3));
  });

  it('reads bearer tokens', () => {
    expect(bearerToken('Bearer ck_abc')).toBe('ck_abc');
    expect(bearerToken('bearer   ck_abc ')).toBe('ck_abc');
    expect(bearerToken('Basic xyz')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken('Bearer a b')).toBeNull();
  });
});
