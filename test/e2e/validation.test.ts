import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoErpLookupSql, demoErpTable } from '../../scripts/lib/demo-erp.ts';
import type { LoggedProcess } from '../../scripts/lib/logged-process.ts';
import {
  createTenantWithCredentials,
  platformClient,
  startServerProcess,
  startSyncClient,
  type ServerProcess,
} from '../../scripts/lib/stack.ts';
import { writeSqliteSyncClientConfig } from '../../scripts/lib/sync-client-config.ts';

const cuit = '30500017704';
const invoice = (numeroComprobante: string, importe: string) => ({
  tipoComprobante: 'A',
  numeroComprobante,
  cuit,
  fecha: '2026-03-15',
  importe,
});

/** ERP rows: [numero_comprobante as the ERP writes it, punto_venta, numero, importe]. */
const erpRows: [string, number, number, string][] = [
  ['0001-00000100', 1, 100, '1500.00'],
  ['0001-00000101', 1, 101, '2000.02'],
  ['0001-00000102', 1, 102, '300.00'],
  ['0001-00000102', 1, 102, '300.00'],
  ['00001-00000077', 1, 77, '12345.67'],
  ['A-0002-00000200', 2, 200, '99.90'],
  ['0003-00000300', 3, 300, '10.00'],
];

describe('an invoice validated end to end through a real sync-client (PGlite server)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cotejo-e2e-'));
  const erpPath = join(dataDir, 'erp.sqlite');
  const configPath = join(dataDir, 'sync-client.yaml');
  let server: ServerProcess;
  let syncClient: LoggedProcess;
  let agentKey: string;
  let api: ReturnType<typeof platformClient>;

  beforeAll(async () => {
    const erp = new Database(erpPath);
    erp.exec(demoErpTable);
    const insert = erp.prepare(
      `INSERT INTO facturas (tipo, numero_comprobante, punto_venta, numero, cuit, fecha, importe, razon_social)
       VALUES ('A', ?, ?, ?, '30-50001770-4', '2026-03-15', ?, 'Proveedor SA')`,
    );
    for (const row of erpRows) insert.run(...row);
    erp.close();

    server = await startServerProcess({ dataDir });
    const credentials = await createTenantWithCredentials({ dataDir }, 'E2E');
    agentKey = credentials.agentKey;
    api = platformClient(server.url, credentials.apiToken);
    writeSqliteSyncClientConfig(configPath, {
      serverUrl: server.url,
      erpPath,
      lookupSql: demoErpLookupSql,
    });
    syncClient = await startSyncClient(configPath, agentKey);
  });

  afterAll(async () => {
    await syncClient?.stop();
    await server?.process.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers OK when the ERP holds the same invoice', async () => {
    const { httpStatus, body } = await api.validate(invoice('A-0001-00000100', '1500,00'));
    expect(httpStatus).toBe(200);
    expect(body.status).toBe('OK');
    expect(body.verdict?.differences).toEqual([]);
  });

  it('answers DIFERENCIAS naming importe with both values when the amount is off by 0.02', async () => {
    const { body } = await api.validate(invoice('0001-00000101', '2000.00'));
    expect(body.status).toBe('DIFERENCIAS');
    expect(body.verdict?.differences).toEqual([
      { field: 'importe', cloud: '2000.00', local: '2000.02' },
    ]);
  });

  it('answers NO_ENCONTRADO for an invoice the ERP does not hold', async () => {
    const { body } = await api.validate(invoice('0001-00009999', '10.00'));
    expect(body.status).toBe('NO_ENCONTRADO');
  });

  it('answers DUPLICADO when the ERP recorded the invoice twice', async () => {
    const { body } = await api.validate(invoice('1-102', '300'));
    expect(body.status).toBe('DUPLICADO');
    expect(body.verdict?.duplicates).toBe(1);
  });

  it('matches numbers written differently in the cloud and in the ERP', async () => {
    const fromCloud = await api.validate(invoice('A 1-77', '12.345,67'));
    expect(fromCloud.body.status).toBe('OK');
    const fromErp = await api.validate(invoice('0002-00000200', '99.9'));
    expect(fromErp.body.status).toBe('OK');
  });

  it('refuses an injection attempt as a number and leaves the ERP intact', async () => {
    const { httpStatus, body } = await api.validate(
      invoice(`' OR 1=1; DROP TABLE facturas; --`, '1.00'),
    );
    expect(httpStatus).toBe(400);
    expect(body).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    const erp = new Database(erpPath, { readonly: true });
    expect(erp.prepare('SELECT count(*) AS n FROM facturas').get()).toEqual({ n: erpRows.length });
    erp.close();
  });

  it('keeps a request made while the sync-client is stopped and completes it when it returns', async () => {
    await syncClient.stop();
    const pending = await api.validate(invoice('0003-00000300', '10.00'));
    expect(pending.httpStatus).toBe(202);
    expect(pending.body.status).toBe('PENDIENTE');

    syncClient = await startSyncClient(configPath, agentKey);
    let current = await api.get(pending.body.id);
    for (let i = 0; i < 100 && current.body.status === 'PENDIENTE'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      current = await api.get(pending.body.id);
    }
    expect(current.httpStatus).toBe(200);
    expect(current.body.status).toBe('OK');
  });
});
