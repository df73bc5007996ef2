import type { FileKind } from './extraction.ts';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The kind of file from its content. PDF readers accept the `%PDF-` header within the first
 * 1024 bytes, and so do we.
 */
export function sniffFileKind(bytes: Uint8Array): FileKind | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024));
  if (head.subarray(0, 8).equals(pngSignature)) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.includes('%PDF-', 0, 'latin1')) return 'pdf';
  return null;
}

/**
 * Width and height declared by a PNG (IHDR) or JPEG (first SOFn) header, read before decoding
 * so that a decompression bomb is refused without allocating its pixels.
 */
export function imageSize(
  bytes: Uint8Array,
  kind: 'png' | 'jpeg',
): { width: number; height: number } | null {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (kind === 'png') {
    if (view.length < 24 || view.toString('latin1', 12, 16) !== 'IHDR') return null;
    return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
  }
  let offset = 2;
  while (offset + 9 < view.length) {
    if (view[offset] !== 0xff) return null;
    const marker = view[offset + 1] ?? 0;
    const length = view.readUInt16BE(offset + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame)
      return { height: view.readUInt16BE(offset + 5), width: view.readUInt16BE(offset + 7) };
    offset += 2 + length;
  }
  return null;
}
