import { createHash } from 'node:crypto';

/**
 * Uploaded originals, content-addressed by SHA-256: the same bytes are stored once, and the
 * key is the hash. Local disk by default; the seam for object storage later.
 */
export interface FileStore {
  /** Stores the bytes (once) and returns their SHA-256 in hex. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes stored under `sha256`, or null. */
  get(sha256: string): Promise<Buffer | null>;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export const isSha256 = (value: string) => /^[0-9a-f]{64}$/.test(value);
