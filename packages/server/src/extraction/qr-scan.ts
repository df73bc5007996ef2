/**
 * Finds the AFIP QR in pixels with zxing (WebAssembly, loaded from the package's own
 * `zxing_reader.wasm`: never from a CDN). zxing already tries the four rotations and inverted
 * images; when the whole picture fails (a phone scan: small, blurred QR), overlapping crops
 * are tried, each with two binarizers, at a larger scale.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Canvas } from '@napi-rs/canvas';
import {
  prepareZXingModule,
  readBarcodes,
  type ReaderOptions,
  type ReadResult,
} from 'zxing-wasm/reader';
import { parseAfipQr, type AfipQr } from './afip-qr.ts';
import { pixelsOf, scaled, type Pixels } from './raster.ts';

/** zxing types its input as the DOM's ImageData, absent in Node; this is the shape it reads. */
const readPixels = readBarcodes as unknown as (
  image: Pixels & { colorSpace: 'srgb' },
  options: ReaderOptions,
) => Promise<ReadResult[]>;

let prepared = false;
function prepare(): void {
  if (prepared) return;
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  void prepareZXingModule({
    overrides: {
      wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength),
    },
    fireImmediately: true,
  });
  prepared = true;
}

const baseOptions: ReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  tryRotate: true,
  tryInvert: true,
  maxNumberOfSymbols: 4,
};
const binarizers = ['LocalAverage', 'GlobalHistogram'] as const;

export interface QrScan {
  qr: AfipQr | null;
  /** The raw text of the QR that was read (AFIP or not). */
  url?: string;
}

/** The first AFIP QR in the picture (`qr: null` when there is none). */
export async function scanForAfipQr(canvas: Canvas, options: { crops: boolean }): Promise<QrScan> {
  prepare();
  const whole = await decode(canvas);
  if (whole.qr || !options.crops) return whole;
  const large = canvas.width * canvas.height < 4_000_000 ? scaled(canvas, 1.5) : canvas;
  for (const region of overlappingCrops(large.width, large.height)) {
    for (const binarizer of binarizers) {
      const found = await decode(large, region, binarizer);
      if (found.qr) return found;
    }
  }
  return whole;
}

async function decode(
  canvas: Canvas,
  region?: { x: number; y: number; width: number; height: number },
  binarizer: (typeof binarizers)[number] = 'LocalAverage',
): Promise<QrScan> {
  const pixels = pixelsOf(canvas, region);
  const results = await readPixels(
    { ...pixels, colorSpace: 'srgb' },
    { ...baseOptions, binarizer },
  );
  let other: string | undefined;
  for (const result of results) {
    const qr = parseAfipQr(result.text);
    if (qr) return { qr, url: result.text };
    other ??= result.text;
  }
  return { qr: null, ...(other !== undefined && { url: other }) };
}

/** A 2×2 and a 3×3 grid of crops, each 1.5 times its cell, so a QR on a border is whole in one. */
function* overlappingCrops(width: number, height: number) {
  for (const grid of [2, 3]) {
    const cropWidth = Math.min(width, Math.ceil((width / grid) * 1.5));
    const cropHeight = Math.min(height, Math.ceil((height / grid) * 1.5));
    for (let row = 0; row < grid; row++) {
      for (let column = 0; column < grid; column++) {
        const centerX = ((column + 0.5) * width) / grid;
        const centerY = ((row + 0.5) * height) / grid;
        yield {
          x: clamp(Math.round(centerX - cropWidth / 2), 0, width - cropWidth),
          y: clamp(Math.round(centerY - cropHeight / 2), 0, height - cropHeight),
          width: cropWidth,
          height: cropHeight,
        };
      }
    }
  }
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
