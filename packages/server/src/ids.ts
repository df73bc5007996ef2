import { randomUUID } from 'node:crypto';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a textual UUID; checked before casting an outside value with `::uuid`. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuidPattern.test(value);
}

/** A new unguessable id (UUID v4: 122 random bits from the CSPRNG). */
export function newId(): string {
  return randomUUID();
}
