import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstNothing, verifyPassword } from './password.ts';

describe('passwords', () => {
  it('hashes with argon2id and a fresh salt, and verifies', async () => {
    const first = await hashPassword('correcta-1234');
    const second = await hashPassword('correcta-1234');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, 'correcta-1234')).toBe(true);
    expect(await verifyPassword(first, 'incorrecta-1234')).toBe(false);
  });

  it('treats a malformed hash as a mismatch and unknown users as failures', async () => {
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
    expect(await verifyAgainstNothing('x')).toBe(false);
  });
});
