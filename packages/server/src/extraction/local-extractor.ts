/**
 * Extraction of one file on this thread: the QR (from the image, or from rendered PDF pages),
 * the PDF text layer, and their cross-check. Runs inside the extraction worker.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { AfipQr } from './afip-qr.ts';
import { crossCheck } from './cross-check.ts';
import type { Extraction, FileKind } from './extraction.ts';
import { maxTextPages, openPdf, readPageText, renderPage } from './pdf-document.ts';
import { scanForAfipQr, type QrScan } from './qr-scan.ts';
import { decodeImage } from './raster.ts';
import { readTextFields, type TextFields } from './text/text-fields.ts';
import type { PageText } from './text/text-lines.ts';

/** Pages rendered to look for the QR (it is on the first page of every layout seen). */
const qrPages = 2;
/** Render scale for QR search: 2 reads printed QRs; the retry at 3 reads phone scans. */
const qrScale = 2;
const qrRetryScale = 3;
const requiredFields = ['cuit', 'puntoVenta', 'numero', 'fecha', 'importe'] as const;
/** Text handed to the LLM layer: the first copy of an invoice fits many times over. */
const maxTextChars = 12_000;

export async function extractLocally(bytes: Uint8Array, kind: FileKind): Promise<Extraction> {
  if (kind !== 'pdf') {
    const scan = await scanForAfipQr(await decodeImage(bytes, kind), { crops: true });
    return assemble(scan, readTextFields([]), [], 1);
  }
  const pdf = await openPdf(bytes);
  try {
    const pages: PageText[] = [];
    for (let number = 1; number <= Math.min(pdf.numPages, maxTextPages); number++) {
      const page = await pdf.getPage(number);
      pages.push(await readPageText(page));
      page.cleanup();
    }
    const text = readTextFields(pages);
    const textComplete = requiredFields.every((name) => text[name] !== undefined);
    const scan = await findQrInPdf(pdf, { crops: !textComplete });
    return assemble(scan, text, pages, pdf.numPages);
  } finally {
    await pdf.destroy();
  }
}

async function findQrInPdf(pdf: PDFDocumentProxy, options: { crops: boolean }): Promise<QrScan> {
  let last: QrScan = { qr: null };
  for (let number = 1; number <= Math.min(pdf.numPages, qrPages); number++) {
    const page = await pdf.getPage(number);
    try {
      last = await scanForAfipQr(await renderPage(page, qrScale), { crops: false });
      if (last.qr) return last;
      if (number === 1) {
        // Phone scans: a larger render finds a blurred QR; crops (costly) only for scans
        // whose text layer did not give the required fields.
        last = await scanForAfipQr(await renderPage(page, qrRetryScale), options);
        if (last.qr) return last;
      }
    } finally {
      page.cleanup();
    }
  }
  return last;
}

function assemble(
  scan: QrScan,
  text: TextFields,
  pages: PageText[],
  pageCount: number,
): Extraction {
  const qr: AfipQr | null = scan.qr;
  const { fields, findings } = crossCheck(qr, text);
  return {
    fields,
    findings,
    qr: { status: qr?.status ?? 'absent', ...(qr && scan.url && { url: scan.url.slice(0, 2000) }) },
    pages: pageCount,
    hasTextLayer: pages.some((page) => page.lines.length > 0),
    text: pages
      .map((page) => page.lines.map((line) => line.text).join('\n'))
      .join('\n\f\n')
      .slice(0, maxTextChars),
  };
}
