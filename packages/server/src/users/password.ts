import { hash, verify } from '@node-rs/argon2';

/** Longer passwords are refused before hashing (argon2 cost does not depend on it, bodies do). */
export const maxPasswordLength = 200;
export const minPasswordLength = 8;

/**
 * argon2id (the library's default algorithm; its `Algorithm` is a const enum that isolated
 * modules cannot read) with 19 MiB, 2 passes, 1 lane: OWASP's minimum. A PHC string.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same work as a real check when the email is unknown, so that response times do
 * not tell which emails have an account.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('cotejo-no-such-user');
  await verifyPassword(await dummyHash, password);
  return false;
}
