/**
 * Pixels for QR decoding: uploaded PNG/JPEG files decoded onto a canvas, with the declared
 * size checked before decoding (a small file can declare gigapixels).
 */
import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import { imageSize } from './file-kind.ts';

export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Larger images are refused: 40 MP is a 300 dpi A3 scan. */
export const maxImagePixels = 40_000_000;

export class ImageTooLargeError extends Error {
  override readonly name = 'ImageTooLargeError';
}

export async function decodeImage(bytes: Uint8Array, kind: 'png' | 'jpeg'): Promise<Canvas> {
  const size = imageSize(bytes, kind);
  if (!size || size.width === 0 || size.height === 0)
    throw new Error('cabecera de imagen ilegible');
  if (size.width * size.height > maxImagePixels) {
    throw new ImageTooLargeError(`${size.width}×${size.height} píxeles`);
  }
  const image = await loadImage(Buffer.from(bytes));
  const canvas = createCanvas(image.width, image.height);
  canvas.getContext('2d').drawImage(image, 0, 0);
  return canvas;
}

export function pixelsOf(
  canvas: Canvas,
  region?: { x: number; y: number; width: number; height: number },
): Pixels {
  const { x, y, width, height } = region ?? {
    x: 0,
    y: 0,
    width: canvas.width,
    height: canvas.height,
  };
  const image = canvas.getContext('2d').getImageData(x, y, width, height);
  return { data: image.data, width: image.width, height: image.height };
}

/** A copy scaled by `factor` (to give small QR modules more pixels). */
export function scaled(canvas: Canvas, factor: number): Canvas {
  const width = Math.max(1, Math.round(canvas.width * factor));
  const height = Math.max(1, Math.round(canvas.height * factor));
  if (width * height > maxImagePixels) return canvas;
  const copy = createCanvas(width, height);
  copy.getContext('2d').drawImage(canvas, 0, 0, width, height);
  return copy;
}
