import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmExtractor } from '../src/extraction/llm-extractor.ts';
import { createWorkerPoolExtractor } from '../src/extraction/worker-pool-extractor.ts';
import { baseInvoice, invoicePdf } from './support/generated-invoices.ts';

interface Recorded {
  url: string;
  authorization: string | undefined;
  body: { model: string; messages: { role: string; content: unknown }[] };
}

/** A local stand-in for an OpenAI-compatible endpoint: answers chat completions as told. */
function standIn(answer: () => { status: number; content: string }) {
  const requests: Recorded[] = [];
  const server: Server = createServer((request: IncomingMessage, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      requests.push({
        url: request.url ?? '',
        authorization: request.headers.authorization,
        body: JSON.parse(raw) as Recorded['body'],
      });
      const { status, content } = answer();
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id: 'chatcmpl-1',
          object: 'chat.completion',
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        }),
      );
    });
  });
  return { server, requests };
}

/** A receipt-like PDF whose text the heuristics cannot read: no labels, no QR. */
async function unlabelledPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  const lines = [
    'Gracias por su compra',
    'Comprobante 0007 / 00000042',
    'Emitido el catorce de febrero',
    'Son pesos mil',
  ];
  lines.forEach((text, i) => page.drawText(text, { x: 40, y: 800 - i * 20, size: 11, font }));
  return pdf.save();
}

describe('the LLM extractor layer (OpenAI-compatible endpoint)', () => {
  let reply = { status: 200, content: '' };
  const stand = standIn(() => reply);
  const errors: unknown[] = [];
  const pool = createWorkerPoolExtractor({
    workers: 1,
    timeoutMs: 20_000,
    memoryMb: 256,
    maxQueued: 10,
  });
  let extractor: ReturnType<typeof createLlmExtractor>;

  beforeAll(async () => {
    await new Promise<void>((resolve) => stand.server.listen(0, '127.0.0.1', resolve));
    const { port } = stand.server.address() as AddressInfo;
    extractor = createLlmExtractor({
      base: pool,
      endpoint: {
        url: `http://127.0.0.1:${port}/v1`,
        model: 'modelo-de-prueba',
        apiKey: 'sk-prueba',
        timeoutMs: 5000,
      },
      onError: (error) => errors.push(error),
    });
  });
  afterAll(async () => {
    await extractor.stop();
    await new Promise((resolve) => stand.server.close(resolve));
  });

  it('fills the fields the local extraction missed, marked as from the LLM', async () => {
    reply = {
      status: 200,
      content:
        '```json\n{"cuit":"20-13046568-5","puntoVenta":"0007","numero":42,"fecha":"14/02/2026","importe":"1.000,00","razonSocial":"Kiosco Sur","cae":null}\n```',
    };
    const outcome = await extractor.extract({ bytes: await unlabelledPdf(), kind: 'pdf' });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.extraction.fields).toMatchObject({
      cuit: { value: '20130465685', sources: ['llm'] },
      puntoVenta: { value: 7, sources: ['llm'] },
      numero: { value: 42, sources: ['llm'] },
      fecha: { value: '2026-02-14', sources: ['llm'] },
      importe: { value: '1000.00', sources: ['llm'] },
      // The heuristics read a (wrong) name from the text; the LLM never overrides a value.
      razonSocial: { sources: ['text'] },
    });
    expect(outcome.extraction.fields.cae).toBeUndefined();
    const [request] = stand.requests;
    expect(request).toMatchObject({
      url: '/v1/chat/completions',
      authorization: 'Bearer sk-prueba',
      body: { model: 'modelo-de-prueba' },
    });
    expect(JSON.stringify(request?.body.messages)).toContain('Comprobante 0007 / 00000042');
  });

  it('is not called when the local extraction is complete, and never overrides it', async () => {
    const before = stand.requests.length;
    const outcome = await extractor.extract({
      bytes: await invoicePdf('afip', baseInvoice),
      kind: 'pdf',
    });
    expect(stand.requests.length).toBe(before);
    expect(outcome.ok && outcome.extraction.fields.numero).toMatchObject({
      value: baseInvoice.numero,
      sources: ['text'],
    });
  });

  it('keeps the local result when the endpoint fails', async () => {
    reply = { status: 500, content: 'error' };
    const outcome = await extractor.extract({ bytes: await unlabelledPdf(), kind: 'pdf' });
    expect(outcome.ok && outcome.extraction.fields.numero).toBeUndefined();
    expect(errors.at(-1)).toBeInstanceOf(Error);
    expect(String(errors.at(-1))).not.toContain('sk-prueba');
  });
});
