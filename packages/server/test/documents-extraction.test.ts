import { afterAll, describe, expect, it } from 'vitest';
import type { ExtractedFields } from '../src/extraction/extraction.ts';
import type { ExtractionOutcome } from '../src/extraction/extractor.ts';
import { sniffFileKind } from '../src/extraction/file-kind.ts';
import { createWorkerPoolExtractor } from '../src/extraction/worker-pool-extractor.ts';
import {
  compressionBombPdf,
  encryptedPdf,
  malformedPdf,
  pixelBombPng,
} from './support/hostile-files.ts';
import {
  baseInvoice,
  brokenQrUrl,
  invoicePdf,
  invoicePhoto,
  layouts,
  negativeInvoicePdf,
  qrPayload,
  qrPng,
  qrUrl,
  type InvoiceSpec,
  type LayoutName,
} from './support/generated-invoices.ts';

const extractor = createWorkerPoolExtractor({
  workers: 2,
  timeoutMs: 20_000,
  memoryMb: 256,
  maxQueued: 50,
});
afterAll(() => extractor.stop());

async function extract(bytes: Uint8Array): Promise<ExtractionOutcome> {
  const kind = sniffFileKind(bytes);
  if (!kind) throw new Error('not a supported file');
  return extractor.extract({ bytes, kind });
}

async function fieldsOf(bytes: Uint8Array) {
  const outcome = await extract(bytes);
  if (!outcome.ok) throw new Error(`extraction failed: ${outcome.message}`);
  return outcome.extraction;
}

const values = (fields: ExtractedFields) =>
  Object.fromEntries(
    Object.entries(fields).map(([name, field]: [string, { value: unknown }]) => [
      name,
      field.value,
    ]),
  );

const expectedValues = (spec: InvoiceSpec) => ({
  cuit: spec.cuit,
  tipoCmp: spec.tipoCmp,
  letra: spec.letra,
  puntoVenta: spec.puntoVenta,
  numero: spec.numero,
  fecha: spec.fecha,
  importe: spec.importe,
  cae: spec.cae,
  cuitReceptor: spec.receptorCuit,
});

const specs: Record<LayoutName, InvoiceSpec> = {
  afip: {
    ...baseInvoice,
    tipoCmp: 11,
    letra: 'C',
    numero: 128,
    importe: '178000.00',
    razonSocial: 'ESCOBAR LUIS',
  },
  workshop: { ...baseInvoice, importe: '77300.00', puntoVenta: 5, numero: 11643 },
  fce: {
    ...baseInvoice,
    tipoCmp: 201,
    puntoVenta: 1,
    numero: 125,
    importe: '594636.99',
    fecha: '2026-02-13',
  },
};

describe('extraction of generated invoices', () => {
  for (const layout of Object.keys(layouts) as LayoutName[]) {
    const spec = specs[layout];

    it(`${layout}: QR and text agree on every field`, async () => {
      const extraction = await fieldsOf(
        await invoicePdf(layout, spec, qrUrl(JSON.stringify(qrPayload(spec)))),
      );
      expect(values(extraction.fields)).toMatchObject(expectedValues(spec));
      expect(extraction.qr.status).toBe('ok');
      expect(extraction.findings).toEqual([]);
      expect(extraction.fields.numero).toMatchObject({ sources: ['qr', 'text'], confidence: 0.99 });
    });

    it(`${layout}: without a QR, the text alone gives every field`, async () => {
      const extraction = await fieldsOf(await invoicePdf(layout, spec));
      const printed: Partial<ReturnType<typeof expectedValues>> = expectedValues(spec);
      delete printed.cuitReceptor;
      expect(values(extraction.fields)).toMatchObject(printed);
      expect(extraction.qr.status).toBe('absent');
      expect(extraction.fields.cuit?.sources).toEqual(['text']);
    });
  }

  it('takes the issuer CUIT even when the receiver box comes first', async () => {
    const extraction = await fieldsOf(await invoicePdf('workshop', specs.workshop));
    expect(extraction.fields.cuit?.value).toBe(specs.workshop.cuit);
    expect(extraction.fields.cuitReceptor?.value).toBe(specs.workshop.receptorCuit);
  });

  it('reads a QR-only image', async () => {
    const extraction = await fieldsOf(await qrPng(qrUrl(JSON.stringify(qrPayload(baseInvoice)))));
    expect(values(extraction.fields)).toMatchObject({
      ...expectedValues(baseInvoice),
      moneda: 'PES',
    });
    expect(extraction.fields.importe?.sources).toEqual(['qr']);
  });

  it('finds a small rotated QR in a photo without text', async () => {
    const extraction = await fieldsOf(
      await invoicePhoto(qrUrl(JSON.stringify(qrPayload(baseInvoice)))),
    );
    expect(extraction.qr.status).toBe('ok');
    expect(values(extraction.fields)).toMatchObject({
      cuit: baseInvoice.cuit,
      numero: baseInvoice.numero,
    });
  });

  it('with a broken QR, takes the fields from the text and says so', async () => {
    const spec = specs.afip;
    const extraction = await fieldsOf(await invoicePdf('afip', spec, brokenQrUrl(spec)));
    expect(extraction.qr.status).toBe('malformed');
    expect(values(extraction.fields)).toMatchObject({
      ...expectedValues(spec),
      cuitReceptor: spec.receptorCuit,
    });
    expect(extraction.fields.cae?.sources).toEqual(['text']);
    expect(extraction.findings.map((f) => f.code)).toEqual(['QR_MALFORMADO']);
  });

  it('flags a QR that contradicts the printed total, keeping the QR', async () => {
    const spec = specs.afip;
    const qr = qrUrl(JSON.stringify({ ...qrPayload(spec), importe: 999 }));
    const extraction = await fieldsOf(await invoicePdf('afip', spec, qr));
    expect(extraction.fields.importe).toMatchObject({
      value: '999.00',
      sources: ['qr'],
      confidence: 0.5,
    });
    expect(extraction.findings).toEqual([
      expect.objectContaining({ code: 'QR_TEXTO_DIFIEREN', field: 'importe' }),
    ]);
  });

  it('flags two conflicting totals', async () => {
    const extraction = await fieldsOf(await negativeInvoicePdf());
    expect(extraction.findings.map((f) => f.code)).toContain('TOTALES_EN_CONFLICTO');
    expect(values(extraction.fields)).toMatchObject({
      cuit: '20123456787',
      tipoCmp: 11,
      puntoVenta: 1,
      numero: 2,
      fecha: '2026-02-02',
      importe: '3170.00',
      cae: 'null',
    });
  });
});

describe('hostile files', () => {
  it('an encrypted PDF fails as encrypted', async () => {
    expect(await extract(await encryptedPdf())).toMatchObject({ ok: false, reason: 'encrypted' });
  });

  it('a malformed PDF fails as unreadable', async () => {
    expect(await extract(malformedPdf())).toMatchObject({ ok: false, reason: 'unreadable' });
  });

  it('a PNG declaring gigapixels is refused before decoding', async () => {
    expect(await extract(pixelBombPng())).toMatchObject({ ok: false, reason: 'too_large' });
  });

  it('a decompression bomb ends by the heap or time limit, and the pool keeps working', async () => {
    // Its own pool with tight limits: reading this file needs gigabytes and minutes either way.
    const tight = createWorkerPoolExtractor({
      workers: 1,
      timeoutMs: 5000,
      memoryMb: 128,
      maxQueued: 5,
    });
    try {
      const outcome = await tight.extract({ bytes: compressionBombPdf(100), kind: 'pdf' });
      expect(outcome).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/^(out_of_memory|timeout)$/) as unknown,
        message: expect.stringMatching(/superó (el tiempo|la memoria) máxim/) as unknown,
      });
      const after = await tight.extract({
        bytes: await invoicePdf('afip', specs.afip),
        kind: 'pdf',
      });
      expect(after.ok && after.extraction.fields.numero?.value).toBe(specs.afip.numero);
    } finally {
      await tight.stop();
    }
  });
});
