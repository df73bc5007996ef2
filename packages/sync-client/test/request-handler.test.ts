import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../src/audit/audit-log.ts';
import { verifyAudit } from '../src/audit/verify-audit.ts';
import { guardSelect } from '../src/config/sql-guard.ts';
import { answerFrame } from '../src/connection/answer-request.ts';
import { SqliteDriver } from '../src/drivers/sqlite/sqlite-driver.ts';
import { createLookupRunner } from '../src/lookup/lookup-runner.ts';
import { createNamedQueryRunner } from '../src/queries/named-query-runner.ts';
import { createRequestHandler } from '../src/requests/request-handler.ts';
import { sampleInvoice } from './invoice-fixtures.ts';
import { createSqliteErp, facturasLookup } from './sqlite-erp.ts';

const statement = (sql: string, parameters?: string[]) => {
  const guarded = guardSelect(sql, 'sqlite', parameters);
  if (!guarded.ok) throw new Error(guarded.reason);
  return guarded.statement;
};

const saldoSql = `SELECT COUNT(*) AS facturas, SUM(importe) AS total FROM facturas
  WHERE cuit = @cuit AND fecha >= @desde AND importe >= @minimo`;

describe('answering the server: named queries, audit log, data minimization', () => {
  let erp: ReturnType<typeof createSqliteErp>;
  let driver: SqliteDriver;
  let folder: string;
  let auditPath: string;

  const handler = (minimize = false) => {
    const lookups = createLookupRunner({
      driver,
      queryTimeoutMs: 5000,
      maxConcurrentLookups: 2,
      lookups: [{ name: 'facturas', sql: facturasLookup, statement: statement(facturasLookup) }],
    });
    const params = { cuit: 'string', desde: 'date', minimo: 'decimal' } as const;
    const queries = createNamedQueryRunner({
      driver,
      queryTimeoutMs: 5000,
      maxConcurrentQueries: 2,
      queries: [
        {
          name: 'saldo-proveedor',
          sql: saldoSql,
          params,
          maxRows: 10,
          statement: statement(saldoSql, Object.keys(params)),
        },
      ],
    });
    const audit = new AuditLog({ path: auditPath, maxBytes: 1024 * 1024, keepFiles: 3 });
    return createRequestHandler({
      lookups,
      queries,
      audit,
      ...(minimize && { minimize: { amountTolerance: '0.01' } }),
    });
  };
  let nextId = 1;
  const ask = async (method: string, params: unknown, minimize = false) => {
    const frame = JSON.stringify({ jsonrpc: '2.0', id: `r${nextId++}`, method, params });
    const answer = await answerFrame(frame, handler(minimize), new AbortController().signal);
    return {
      text: JSON.stringify(answer?.response),
      response: answer?.response as Record<string, unknown>,
    };
  };
  const auditLines = () =>
    readFileSync(auditPath, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeEach(async () => {
    nextId = 1;
    erp = createSqliteErp();
    driver = new SqliteDriver({ kind: 'sqlite', path: erp.path });
    await driver.connect();
    folder = mkdtempSync(join(tmpdir(), 'cotejo-handler-'));
    auditPath = join(folder, 'audit.jsonl');
  });
  afterEach(async () => {
    await driver.close();
    erp[Symbol.dispose]();
    rmSync(folder, { recursive: true, force: true });
  });

  it('runs a declared named query with its typed parameters', async () => {
    const { response } = await ask('query.run', {
      name: 'saldo-proveedor',
      params: { cuit: '30712345675', desde: '2024-01-01', minimo: '100.00' },
    });
    expect(response).toMatchObject({ result: { rows: [{ facturas: 1, total: '1234.56' }] } });
  });

  it('refuses a named query outside the config, and undeclared parameters', async () => {
    const undeclared = await ask('query.run', { name: 'borrar-todo', params: {} });
    expect(undeclared.response).toMatchObject({
      error: { code: -32010, data: { code: 'QUERY_NOT_ALLOWED' } },
    });
    const extra = await ask('query.run', {
      name: 'saldo-proveedor',
      params: { cuit: '30712345675', desde: '2024-01-01', minimo: '1', sql: 'DROP TABLE facturas' },
    });
    expect(extra.response).toMatchObject({ error: { data: { code: 'QUERY_NOT_ALLOWED' } } });
    expect(extra.text).toContain('no declara los parámetros sql');
    const mistyped = await ask('query.run', {
      name: 'saldo-proveedor',
      params: { cuit: '30712345675', desde: '15/03/2024', minimo: '1' },
    });
    expect(mistyped.response).toMatchObject({ error: { data: { code: 'BAD_REQUEST' } } });
    expect(erp.count()).toBe(1);
  });

  it('appends one chained audit line per lookup and named query', async () => {
    await ask('invoice.lookup', sampleInvoice);
    await ask('query.run', {
      name: 'saldo-proveedor',
      params: { cuit: 'x', desde: '2024-01-01', minimo: '1' },
    });
    await ask('query.run', { name: 'otra', params: {} });
    expect(auditLines()).toMatchObject([
      { seq: 1, kind: 'lookup', name: 'facturas', rows: 1, outcome: 'ok', requestId: 'r1' },
      {
        seq: 2,
        kind: 'query',
        name: 'saldo-proveedor',
        rows: 1,
        outcome: 'ok',
        params: { cuit: 'x' },
      },
      { seq: 3, kind: 'query', name: 'otra', rows: null, outcome: 'QUERY_NOT_ALLOWED' },
    ]);
    expect(verifyAudit(auditPath, 3).ok).toBe(true);
  });

  it('in data-minimization mode sends the verdict and field names, and no ERP value', async () => {
    const invoice = { ...sampleInvoice, importe: '1200.00', fecha: '2024-03-16' };
    const { text, response } = await ask('invoice.lookup', invoice, true);
    expect(response).toMatchObject({
      result: {
        minimized: true,
        status: 'DIFERENCIAS',
        exists: true,
        matches: false,
        differingFields: ['fecha', 'importe'],
        duplicates: 0,
        lookup: 'facturas',
      },
    });
    for (const erpValue of ['1234.56', '2024-03-15', 'ACME', 'rows']) {
      expect(text).not.toContain(erpValue);
    }
    const plain = await ask('invoice.lookup', invoice);
    expect(plain.text).toContain('ACME SA'); // the same lookup without minimization does send rows
  });
});
