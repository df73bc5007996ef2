import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalRow } from '@cotejo/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiskFileStore } from '../src/storage/disk-file-store.ts';
import { openEventStream } from './support/event-stream-client.ts';
import {
  baseInvoice,
  invoicePdf,
  negativeInvoicePdf,
  qrPayload,
  qrUrl,
  type InvoiceSpec,
} from './support/generated-invoices.ts';
import { encryptedPdf } from './support/hostile-files.ts';
import { startTestServer, type TestServer, type TestTenant } from './support/test-server.ts';
import { upload } from './support/upload.ts';

/** The ERP row a sync-client returns for the invoice it was asked about. */
const echo = (params: Record<string, unknown>): LocalRow[] => [
  {
    numeroComprobante: params.numeroComprobante as string,
    cuit: params.cuit as string,
    fecha: params.fecha as string,
    importe: params.importe as string,
  },
];

const withQr = (spec: InvoiceSpec) =>
  invoicePdf('afip', spec, qrUrl(JSON.stringify(qrPayload(spec))));

describe('documents API', () => {
  const filesDir = mkdtempSync(join(tmpdir(), 'cotejo-files-'));
  let server: TestServer;
  let tenant: TestTenant;
  let other: TestTenant;
  const get = (path: string, token = tenant.token) =>
    server.app.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${token}` } });
  interface Listed {
    documentos: { id: string; estado: string }[];
    siguiente: string | null;
  }
  const list = async (path: string, token = tenant.token) =>
    (await get(path, token)).json<Listed>();
  interface Detail {
    documento: { id: string; estado: string; queryId: string };
  }

  beforeAll(async () => {
    server = await startTestServer(
      {},
      {
        documents: {
          files: createDiskFileStore(filesDir),
          maxUploadBytes: 512 * 1024,
          extraction: { workers: 2, timeoutMs: 20_000, memoryMb: 256 },
        },
      },
    );
    tenant = await server.createTenant('Documentos');
    other = await server.createTenant('Otro cliente');
    const agent = await server.connectAgent(tenant.key);
    agent.hello();
    agent.autoAnswer(echo);
  });

  afterAll(async () => {
    await server.closeAgents();
    await server.stop();
    rmSync(filesDir, { recursive: true, force: true });
  });

  let first: string;
  let firstBytes: Uint8Array;
  it('uploads an invoice and answers with the verdict in the §4 shape', async () => {
    firstBytes = await withQr(baseInvoice);
    const { status, body } = await upload(server.url, tenant.token, firstBytes);
    expect(status).toBe(201);
    expect(body.success).toBe(true);
    expect(body.validando).toBeUndefined();
    const documento = body.documento!;
    first = documento.id;
    expect(documento.estado).toBe('OK');
    expect(documento.datosExtraidos).toMatchObject({
      numeroComprobante: '0003-00003668',
      cuit: baseInvoice.cuit,
      fecha: baseInvoice.fecha,
      importe: baseInvoice.importe,
      tipoComprobante: 'Factura A',
      qr: { status: 'ok' },
      hallazgos: [],
      validacion: {
        validated: true,
        existsInLocal: true,
        matchesLocal: true,
        error: null,
        status: 'OK',
        differences: [],
        agent: { hostname: 'erp-server-01' },
      },
    });
    expect(documento.validacion).toEqual(documento.datosExtraidos.validacion);
    const timeline = (documento as unknown as { lineaDeTiempo: { evento: string; en: string }[] })
      .lineaDeTiempo;
    expect(timeline.map((step) => step.evento)).toEqual([
      'subida',
      'extraida',
      'encolada',
      'enviada',
      'respondida',
    ]);
    const times = timeline.map((step) => Date.parse(step.en));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('returns the existing document for the identical file', async () => {
    const { status, body } = await upload(server.url, tenant.token, firstBytes, 'otra.pdf');
    expect(status).toBe(200);
    expect(body.documento?.id).toBe(first);
  });

  it('flags the same invoice in another file as DUPLICADO, linking the first', async () => {
    const workshop = await invoicePdf('workshop', baseInvoice);
    const { status, body } = await upload(server.url, tenant.token, workshop);
    expect(status).toBe(201);
    expect(body.documento).toMatchObject({
      estado: 'DUPLICADO',
      duplicadoDe: first,
      queryId: null,
      enlaces: { duplicadoDe: `/api/documentos/${first}` },
      validacion: { status: 'DUPLICADO' },
    });
    expect(body.documento?.datosExtraidos.hallazgos.map((h) => h.code)).toEqual(['DUPLICADO']);
    // Another tenant may hold the same invoice: no duplicate there.
    const elsewhere = await upload(server.url, other.token, workshop);
    expect(elsewhere.body.documento?.estado).not.toBe('DUPLICADO');
  });

  it('flags the negative samples’ traits: bad CUIT check digit, no CAE, two totals', async () => {
    const { body } = await upload(server.url, tenant.token, await negativeInvoicePdf());
    expect(body.documento?.datosExtraidos.hallazgos.map((h) => h.code).sort()).toEqual([
      'CAE_FALTANTE',
      'CUIT_INVALIDO',
      'TOTALES_EN_CONFLICTO',
    ]);
  });

  it.each([
    ['an empty file', new Uint8Array(), /vacío/],
    [
      'a file of another type named .pdf',
      new TextEncoder().encode('PK\u0003\u0004 no soy un PDF'),
      /no es un PDF, PNG ni JPEG/,
    ],
    ['a malformed PDF', new TextEncoder().encode('%PDF-1.4\n%%garbage'), /dañado/],
  ])('stores %s as ERROR_EXTRACCION with a clear message', async (_name, bytes, message) => {
    const { status, body } = await upload(server.url, tenant.token, bytes);
    expect(status).toBe(422);
    expect(body).toMatchObject({
      success: false,
      error: { code: 'EXTRACTION_FAILED', message: expect.stringMatching(message) as unknown },
      documento: { estado: 'ERROR_EXTRACCION' },
    });
  });

  it('stores an encrypted PDF as ERROR_EXTRACCION, and the server keeps working', async () => {
    const { body } = await upload(server.url, tenant.token, await encryptedPdf());
    expect(body.error?.message).toMatch(/contraseña/);
    const next = await upload(
      server.url,
      tenant.token,
      await withQr({ ...baseInvoice, numero: 3669 }),
    );
    expect(next.body.documento?.estado).toBe('OK');
  });

  it('refuses a file over the size limit, a body that is not multipart, and no token', async () => {
    const big = new Uint8Array(600 * 1024).fill(0x20);
    big.set(new TextEncoder().encode('%PDF-1.7\n'));
    expect((await upload(server.url, tenant.token, big)).body.error?.code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    const json = await server.app.inject({
      method: 'POST',
      url: '/api/documentos/procesar',
      headers: { authorization: `Bearer ${tenant.token}` },
      payload: { archivo: 'x' },
    });
    expect(json.statusCode).toBe(400);
    expect((await upload(server.url, 'ct_nope', big)).status).toBe(401);
  });

  it('lists with filters and pages, per tenant', async () => {
    const ok = await list('/api/documentos?estado=OK');
    expect(ok.documentos.map((d) => d.id)).toContain(first);
    expect(ok.documentos.every((d) => d.estado === 'OK')).toBe(true);
    const byCuit = await list(
      `/api/documentos?cuit=${baseInvoice.cuit}&fechaDesde=2026-02-01&fechaHasta=2026-02-28`,
    );
    expect(byCuit.documentos.length).toBe(3);
    expect((await list('/api/documentos?q=00003668')).documentos.length).toBe(2);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(`/api/documentos?limite=2${cursor ? `&cursor=${cursor}` : ''}`);
      const body = page.json<Listed>();
      seen.push(...body.documentos.map((d) => d.id));
      cursor = body.siguiente;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(8);
    expect((await get('/api/documentos?estado=NADA')).statusCode).toBe(400);
    expect((await list('/api/documentos', other.token)).documentos.length).toBe(1);
    expect((await get(`/api/documentos/${first}`, other.token)).statusCode).toBe(404);
  });

  it('gives detail, validation status, re-validation and the original file', async () => {
    const detail = await get(`/api/documentos/${first}`);
    expect(detail.json()).toMatchObject({ success: true, documento: { id: first, estado: 'OK' } });
    const status = await get(`/api/documentos/${first}/validation-status`);
    expect(status.json()).toMatchObject({
      validado: true,
      validando: false,
      resultado: { status: 'OK' },
    });
    const before = detail.json<Detail>().documento.queryId;
    const again = await server.app.inject({
      method: 'POST',
      url: `/api/documentos/${first}/revalidar`,
      headers: { authorization: `Bearer ${tenant.token}` },
    });
    expect(again.json<Detail>().documento).toMatchObject({ estado: 'OK' });
    expect(again.json<Detail>().documento.queryId).not.toBe(before);
    const original = await get(`/api/documentos/${first}/original`);
    expect(original.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(original.rawPayload, Buffer.from(firstBytes))).toBe(0);
    expect(original.headers['content-disposition']).toMatch(/^attachment;/);
    const preview = await get(`/api/documentos/${first}/original?vista=1`);
    expect(preview.headers['content-disposition']).toMatch(/^inline;/);
  });
});

describe('event stream', () => {
  let server: TestServer;
  let tenant: TestTenant;
  let other: TestTenant;

  beforeAll(async () => {
    server = await startTestServer({ syncWaitMs: 0 });
    tenant = await server.createTenant('Eventos');
    other = await server.createTenant('Ajeno');
  });
  afterAll(async () => {
    await server.closeAgents();
    await server.stop();
  });

  it('delivers presence changes and the verdict of a document validated later', async () => {
    const stream = await openEventStream(server.url, tenant.token);
    const foreign = await openEventStream(server.url, other.token);
    try {
      expect(stream.status).toBe(200);
      await stream.next((e) => e.event === 'agentes' && !('cambio' in e.data));
      const { body } = await upload(server.url, tenant.token, await withQr(baseInvoice));
      expect(body).toMatchObject({
        success: true,
        validando: true,
        documento: { estado: 'PENDIENTE' },
      });
      expect(body.queryId).toBe(body.documento?.queryId);
      const id = body.documento?.id;

      const agent = await server.connectAgent(tenant.key);
      agent.hello('erp-eventos');
      agent.autoAnswer(echo);
      await stream.next(
        (e) => e.event === 'agentes' && (e.data.cambio as { tipo?: string })?.tipo === 'conectado',
      );
      const verdict = await stream.next(
        (e) =>
          e.event === 'documento' &&
          e.data.id === id &&
          (e.data.documento as { estado: string }).estado === 'OK',
      );
      expect(verdict.data.documento).toMatchObject({
        validacion: { status: 'OK', validated: true },
      });

      await foreign.next((e) => e.event === 'agentes');
      expect(foreign.events.filter((e) => e.event === 'documento')).toEqual([]);
      expect(foreign.events).toHaveLength(1);
    } finally {
      stream.close();
      foreign.close();
    }
  });

  it('refuses a stream without a valid token', async () => {
    const stream = await openEventStream(server.url, 'ct_invalid');
    expect(stream.status).toBe(401);
    stream.close();
  });
});
