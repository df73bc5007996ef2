import { AppError, type DatabaseKind } from '@cotejo/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardSelect } from '../src/config/sql-guard.ts';
import type { Driver } from '../src/drivers/driver.ts';
import { createLookupRunner, type InvoiceLookupRunner } from '../src/lookup/lookup-runner.ts';
import { injection, sampleInvoice as invoice } from './invoice-fixtures.ts';

/** What each database's test file provides: a fresh database, a writable side door, a driver. */
export interface ConformanceTarget {
  kind: DatabaseKind;
  columnTypes: { integer: string; text: string; decimal: string; date: string };
  /** Creates an empty database; `exec` runs SQL on a separate, writable connection. */
  setup(): Promise<{
    driver: Driver;
    exec: (sql: string) => Promise<Record<string, unknown>[]>;
    teardown: () => Promise<void>;
  }>;
  /**
   * A lookup that runs for many seconds and a query (for `exec`) counting running copies of it
   * as `n`; or why the case cannot run on this database.
   */
  slowQuery: { sql: string; countRunning: string } | { skipReason: string };
  /** A driver for the same database whose login the server refuses; or why none exists. */
  badLogin: (() => Driver) | { skipReason: string };
  /** A driver aimed at a database that cannot be reached. */
  unreachable: () => Promise<Driver>;
  /**
   * Ends every connection the server holds for the driver (not `exec`'s), as a server restart
   * or a network cut would; or why the case cannot run.
   */
  dropConnections: (() => Promise<void>) | { skipReason: string };
}

const select = `SELECT numero_comprobante AS numeroComprobante, cuit AS CUIT, fecha AS fecha,
  importe AS importe, razon_social AS razonSocial, id AS interno FROM facturas`;

/** Same decimal value, written as a string (trailing zeros aside). */
function expectDecimal(actual: unknown, expected: string): void {
  expect(typeof actual).toBe('string');
  const trim = (text: string) => text.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  expect(trim(actual as string)).toBe(trim(expected));
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => new Error('la consulta debió fallar'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Polls a condition of the database (a query), as the server's own activity views show it. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

export function describeDriverConformance(target: ConformanceTarget): void {
  describe(`${target.kind} driver conformance`, () => {
    let driver: Driver;
    let exec: (sql: string) => Promise<Record<string, unknown>[]>;
    let teardown: () => Promise<void> = () => Promise.resolve();
    const runner = (...sqls: string[]): InvoiceLookupRunner =>
      createLookupRunner({
        driver,
        queryTimeoutMs: 10_000,
        maxConcurrentLookups: 2,
        lookups: sqls.map((sql, index) => ({
          name: `consulta${index + 1}`,
          sql,
          statement: guarded(sql),
        })),
      });
    const guarded = (sql: string) => {
      const result = guardSelect(sql, target.kind);
      if (!result.ok) throw new Error(result.reason);
      return result.statement;
    };
    const count = async () => Number((await exec('SELECT COUNT(*) AS n FROM facturas'))[0]?.n);
    const idle = () => ({ signal: new AbortController().signal });

    beforeAll(async () => {
      ({ driver, exec, teardown } = await target.setup());
      const { integer, text, decimal, date } = target.columnTypes;
      await exec(`CREATE TABLE facturas (id ${integer} PRIMARY KEY, punto_venta ${integer},
        numero ${integer}, numero_comprobante ${text}, cuit ${text}, fecha ${date},
        importe ${decimal}, razon_social ${text})`);
      await exec(`INSERT INTO facturas VALUES
        (1, 1, 1234, '0001-00001234', '30712345675', '2024-03-15', 1234.56, 'ACME SA'),
        (2, 1, 1235, '0001-00001235', '30712345675', '2024-03-16', 0.10, 'ACME SA'),
        (3, 2, 7, '0002-00000007', '20123456786', '2023-12-31', 99999999999.99, 'Otro SRL')`);
      await driver.connect();
    });
    afterAll(async () => {
      await driver?.close();
      await teardown();
    });

    it('maps aliases to canonical fields, with dates as YYYY-MM-DD', async () => {
      const result = await runner(
        `${select} WHERE punto_venta = @puntoVenta AND numero = @numero`,
      ).lookup(invoice);
      expect(result.lookup).toBe('consulta1');
      expect(result.rows).toHaveLength(1);
      const [row] = result.rows;
      expect(row).toMatchObject({
        numeroComprobante: '0001-00001234',
        cuit: '30712345675',
        fecha: '2024-03-15',
        razonSocial: 'ACME SA',
      });
      expect(Object.keys(row ?? {}).sort()).toEqual(
        ['cuit', 'fecha', 'importe', 'numeroComprobante', 'razonSocial'].sort(),
      );
    });

    it('returns decimals as exact decimal strings', async () => {
      const rows = await driver.query('SELECT importe FROM facturas ORDER BY id', [], idle());
      const values = rows.map((row) => Object.values(row)[0]);
      expectDecimal(values[0], '1234.56');
      expectDecimal(values[1], '0.10');
      expectDecimal(values[2], '99999999999.99');
    });

    it('binds named parameters, repeated and of every type', async () => {
      const lookup = runner(`${select} WHERE cuit = @cuit AND fecha = @fecha
        AND importe = @importe AND numero = @numero AND @numero = numero
        AND numero_comprobante = @numeroComprobante`);
      expect((await lookup.lookup(invoice)).rows).toHaveLength(1);
      expect((await lookup.lookup({ ...invoice, importe: '1234.57' })).rows).toEqual([]);
      expect((await lookup.lookup({ ...invoice, fecha: '2024-03-14' })).rows).toEqual([]);
    });

    it('runs lookups in order: the first with rows answers', async () => {
      const lookups = runner(
        `${select} WHERE numero_comprobante = @numeroComprobante AND cuit = '00000000000'`,
        `${select} WHERE numero_comprobante = @numeroComprobante`,
      );
      const found = await lookups.lookup(invoice);
      expect(found.lookup).toBe('consulta2');
      expect(found.rows).toHaveLength(1);
      const missing = await lookups.lookup({ ...invoice, numeroComprobante: '0009-00000009' });
      expect(missing).toMatchObject({ rows: [] });
      expect(missing.lookup).toBeUndefined();
    });

    it('binds an injection attempt as a plain value: no rows, table intact', async () => {
      const lookup = runner(`${select} WHERE numero_comprobante = @numeroComprobante`);
      const result = await lookup.lookup({ ...invoice, numeroComprobante: injection });
      expect(result.rows).toEqual([]);
      expect(await count()).toBe(3);
    });

    it('refuses writes: the session is read-only', async () => {
      const insert = `INSERT INTO facturas VALUES
        (9, 9, 9, '0009-00000009', '30712345675', '2024-01-01', 1.00, 'X')`;
      expect((await rejection(driver.query(insert, [], idle()))).code).toBe('ERP_UNAVAILABLE');
      const update = 'UPDATE facturas SET importe = 0';
      expect((await rejection(driver.query(update, [], idle()))).code).toBe('ERP_UNAVAILABLE');
      expect(await count()).toBe(3);
      const zeroed = await exec('SELECT COUNT(*) AS n FROM facturas WHERE importe = 0');
      expect(Number(zeroed[0]?.n)).toBe(0);
    });

    it('reports database errors as ERP_UNAVAILABLE', async () => {
      const error = await rejection(driver.query('SELECT * FROM no_existe', [], idle()));
      expect(error.code).toBe('ERP_UNAVAILABLE');
    });

    it('does not start a query whose signal already fired', async () => {
      const error = await rejection(
        driver.query('SELECT 1 AS x', [], { signal: AbortSignal.abort() }),
      );
      expect(error.code).toBe('QUERY_TIMEOUT');
    });

    it('reports an unreachable database as ERP_UNAVAILABLE, in Spanish', async () => {
      const error = await rejection((await target.unreachable()).connect());
      expect(error.code).toBe('ERP_UNAVAILABLE');
      expect(error.message).toMatch(/^No se pudo conectar a /);
    });

    const { badLogin } = target;
    if (typeof badLogin === 'function') {
      it('explains a refused login in Spanish', async () => {
        const error = await rejection(badLogin().connect());
        expect(error.code).toBe('ERP_UNAVAILABLE');
        expect(error.message).toContain('rechazó el usuario');
        expect(error.message).toContain('database.user');
      });
    } else {
      it.skip(`explains a refused login (skipped: ${badLogin.skipReason})`, () => undefined);
    }

    /**
     * After connections were dropped: each pooled connection may fail once (cleanly, with
     * ERP_UNAVAILABLE) as it is found dead; then queries answer again. The suites use a pool
     * of 4, so a fifth attempt must succeed.
     */
    const recovers = async () => {
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        const outcome = await driver.query('SELECT 1 AS x', [], idle()).catch((e: unknown) => e);
        if (!(outcome instanceof Error)) {
          expect(outcome).toEqual([{ x: 1 }]);
          return;
        }
        expect((outcome as AppError).code).toBe('ERP_UNAVAILABLE');
      }
      throw new Error('the driver did not recover within 5 queries');
    };

    const { dropConnections, slowQuery } = target;
    if (typeof dropConnections === 'function') {
      it('recovers after the server drops every connection (restart)', async () => {
        expect(await driver.query('SELECT 1 AS x', [], idle())).toEqual([{ x: 1 }]);
        await dropConnections();
        await recovers();
      });
    } else {
      it.skip(`recovers after a restart (skipped: ${dropConnections.skipReason})`, () => undefined);
    }

    if ('sql' in slowQuery && typeof dropConnections === 'function') {
      it('fails a query whose connection drops mid-way, and goes on', async () => {
        const running = async () => Number((await exec(slowQuery.countRunning))[0]?.n);
        const query = rejection(driver.query(slowQuery.sql, [], idle()));
        await until(async () => (await running()) === 1);
        await dropConnections();
        expect((await query).code).toBe('ERP_UNAVAILABLE');
        await recovers();
      });
    } else {
      it.skip('fails a query whose connection drops mid-way (skipped: no slow query or no way to drop connections)', () =>
        undefined);
    }

    if ('sql' in slowQuery) {
      const running = async () => Number((await exec(slowQuery.countRunning))[0]?.n);

      it('cancels a running query when its signal fires, and stays usable', async () => {
        const controller = new AbortController();
        const query = driver.query(slowQuery.sql, [], { signal: controller.signal });
        const outcome = rejection(query);
        await until(async () => (await running()) === 1);
        controller.abort();
        expect((await outcome).code).toBe('QUERY_TIMEOUT');
        await until(async () => (await running()) === 0);
        expect(await driver.query('SELECT 1 AS x', [], idle())).toEqual([{ x: 1 }]);
      });

      it('fails a lookup past queryTimeoutMs with QUERY_TIMEOUT and stops it', async () => {
        const slow = createLookupRunner({
          driver,
          queryTimeoutMs: 300,
          maxConcurrentLookups: 1,
          lookups: [{ name: 'lenta', sql: slowQuery.sql, statement: guarded(slowQuery.sql) }],
        });
        expect((await rejection(slow.lookup(invoice))).code).toBe('QUERY_TIMEOUT');
        await until(async () => (await running()) === 0);
      });
    } else {
      it.skip(`cancels a running query (skipped: ${slowQuery.skipReason})`, () => undefined);
    }
  });
}
