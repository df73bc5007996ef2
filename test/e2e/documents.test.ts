import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseInvoice,
  invoicePdf,
  qrPayload,
  qrUrl,
  type InvoiceSpec,
} from '../../packages/server/test/support/generated-invoices.ts';
import { openEventStream } from '../../packages/server/test/support/event-stream-client.ts';
import { upload } from '../../packages/server/test/support/upload.ts';
import { demoErpLookupSql, demoErpTable } from '../../scripts/lib/demo-erp.ts';
import type { LoggedProcess } from '../../scripts/lib/logged-process.ts';
import {
  createTenantWithCredentials,
  startServerProcess,
  startSyncClient,
  type ServerProcess,
} from '../../scripts/lib/stack.ts';
import { writeSqliteSyncClientConfig } from '../../scripts/lib/sync-client-config.ts';

const recorded: InvoiceSpec = { ...baseInvoice, numero: 500, importe: '2500.50' };

describe('an uploaded invoice validated end to end through a real sync-client', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cotejo-e2e-docs-'));
  const erpPath = join(dataDir, 'erp.sqlite');
  const configPath = join(dataDir, 'sync-client.yaml');
  let server: ServerProcess;
  let syncClient: LoggedProcess;
  let apiToken: string;

  beforeAll(async () => {
    const erp = new Database(erpPath);
    erp.exec(demoErpTable);
    const insert = erp.prepare(
      `INSERT INTO facturas (tipo, numero_comprobante, punto_venta, numero, cuit, fecha, importe, razon_social)
       VALUES ('A', ?, ?, ?, '20-13046568-5', ?, ?, 'Taller del Sur SRL')`,
    );
    insert.run('0003-00000500', recorded.puntoVenta, 500, recorded.fecha, recorded.importe);
    insert.run('0003-00000502', recorded.puntoVenta, 502, recorded.fecha, '100.00');
    erp.close();
    server = await startServerProcess({ dataDir });
    const credentials = await createTenantWithCredentials({ dataDir }, 'E2E documentos');
    apiToken = credentials.apiToken;
    writeSqliteSyncClientConfig(configPath, {
      serverUrl: server.url,
      erpPath,
      lookupSql: demoErpLookupSql,
    });
    syncClient = await startSyncClient(configPath, credentials.agentKey);
  });

  afterAll(async () => {
    await syncClient?.stop();
    await server?.process.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Uploads and returns the document's final state: from the response, or from the stream. */
  async function verdictOf(spec: InvoiceSpec) {
    const stream = await openEventStream(server.url, apiToken);
    try {
      const pdf = await invoicePdf('afip', spec, qrUrl(JSON.stringify(qrPayload(spec))));
      const { status, body } = await upload(server.url, apiToken, pdf);
      expect(status).toBe(201);
      if (!body.validando) return body.documento;
      const event = await stream.next(
        (e) =>
          e.event === 'documento' &&
          e.data.id === body.documento?.id &&
          (e.data.documento as { estado: string }).estado !== 'PENDIENTE',
      );
      return event.data.documento as NonNullable<typeof body.documento>;
    } finally {
      stream.close();
    }
  }

  it('answers OK for an invoice the ERP holds', async () => {
    const documento = await verdictOf(recorded);
    expect(documento).toMatchObject({
      estado: 'OK',
      validacion: { validated: true, existsInLocal: true, matchesLocal: true, status: 'OK' },
    });
  });

  it('answers DIFERENCIAS naming the amount when the ERP recorded another one', async () => {
    const documento = await verdictOf({ ...recorded, numero: 502 });
    expect(documento).toMatchObject({
      estado: 'DIFERENCIAS',
      validacion: { differences: [{ field: 'importe', cloud: '2500.50', local: '100.00' }] },
    });
  });

  it('answers NO_ENCONTRADO for an invoice the ERP does not hold', async () => {
    const documento = await verdictOf({ ...recorded, numero: 501 });
    expect(documento?.estado).toBe('NO_ENCONTRADO');
  });
});
