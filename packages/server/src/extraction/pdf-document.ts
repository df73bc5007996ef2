/**
 * PDF reading with pdf.js (the legacy build: the one for Node 20), rendering with
 * @napi-rs/canvas. Fonts come from the package's own `standard_fonts/` folder; no network, no
 * `eval`, and embedded images above `maxImagePixels` are not decoded.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import {
  getDocument,
  type PDFDocumentProxy,
  type PDFPageProxy,
} from 'pdfjs-dist/legacy/build/pdf.mjs';
import { maxImagePixels } from './raster.ts';
import { buildLines, type PageText, type TextItem } from './text/text-lines.ts';

const require = createRequire(import.meta.url);
const standardFontDataUrl = `${join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/** Pages read for text; copies and attachments beyond this are not needed. */
export const maxTextPages = 20;
/** Text items per page; a page with more is read up to this many. */
const maxItemsPerPage = 20_000;

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    maxImageSize: maxImagePixels,
    stopAtErrors: false,
    verbosity: 0,
  }).promise;
}

export async function readPageText(page: PDFPageProxy): Promise<PageText> {
  const content = await page.getTextContent();
  const items: TextItem[] = [];
  for (const item of content.items.slice(0, maxItemsPerPage)) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const [, , , scaleY = 0, x = 0, y = 0] = item.transform as number[];
    items.push({
      text: item.str,
      x,
      y,
      width: item.width,
      height: item.height || Math.abs(scaleY),
    });
  }
  return { page: page.pageNumber, lines: buildLines(items) };
}

/** Renders a page at `scale` (capped so the canvas stays under `maxImagePixels`). */
export async function renderPage(page: PDFPageProxy, scale: number): Promise<Canvas> {
  const natural = page.getViewport({ scale: 1 });
  const cap = Math.sqrt(maxImagePixels / (natural.width * natural.height));
  const viewport = page.getViewport({ scale: Math.min(scale, cap) });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({
    canvas: canvas as never,
    canvasContext: context as never,
    viewport,
  }).promise;
  return canvas;
}
