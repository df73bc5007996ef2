import { afterEach, describe, expect, it } from 'vitest';
import { guardSelect } from '../src/config/sql-guard.ts';
import type { MssqlSettings } from '../src/drivers/driver.ts';
import { MssqlDriver } from '../src/drivers/mssql/mssql-driver.ts';
import { createLookupRunner } from '../src/lookup/lookup-runner.ts';
import { sampleInvoice } from './invoice-fixtures.ts';
import { startMssqlErp } from './mssql-erp.ts';
import type { TdsTestServerOptions } from './support/tds/tds-test-server.ts';
import { createTestCertificate, hasOpenssl } from './test-certificate.ts';

const idle = () => ({ signal: new AbortController().signal });

describe('SQL Server driver (on the TDS test server)', () => {
  let erp: Awaited<ReturnType<typeof startMssqlErp>> | undefined;
  let driver: MssqlDriver | undefined;

  const open = async (
    server: Partial<TdsTestServerOptions> = {},
    settings: Partial<MssqlSettings> = {},
    warnings: string[] = [],
  ) => {
    erp = await startMssqlErp(server);
    erp.exec(`CREATE TABLE Facturas (Id INT, Numero NVARCHAR(20), Cuit VARCHAR(11), Fecha DATE, Alta DATETIME,
      Importe DECIMAL(15,2), Total MONEY, Grande DECIMAL(38,2), Emitida DATETIME2(7), Anulada BIT,
      Contador BIGINT, Nota NVARCHAR(50))`);
    erp.exec(`INSERT INTO Facturas VALUES (7, '0001-00001234', '30712345675',
      '2024-03-15', '2024-03-15 09:30:00', 1234.56, '1234.5600', '12345678901234567890.12',
      '2024-03-15 13:45:30.1234567', 1, 9007199254740993, 'Ñandú')`);
    driver = new MssqlDriver(erp.settings(settings), {
      onWarning: (message) => warnings.push(message),
    });
    await driver.connect();
    return { erp, driver };
  };

  afterEach(async () => {
    await driver?.close();
    await erp?.close();
    driver = undefined;
    erp = undefined;
  });

  it('sends each lookup parameter typed through sp_executesql', async () => {
    const { erp, driver } = await open();
    const sql = `SELECT Numero AS numeroComprobante FROM Facturas WHERE Cuit = @cuit
      AND Numero = @numeroComprobante AND Id = @numero AND Fecha = @fecha AND Importe = @importe`;
    const statement = guardSelect(sql, 'mssql');
    if (!statement.ok) throw new Error(statement.reason);
    const runner = createLookupRunner({
      driver,
      queryTimeoutMs: 5000,
      maxConcurrentLookups: 1,
      lookups: [{ name: 'facturas', sql, statement: statement.statement }],
    });
    const result = await runner.lookup({ ...sampleInvoice, numero: 7 });
    expect(result.rows).toEqual([{ numeroComprobante: '0001-00001234' }]);
    const request = erp.server.requests.find((sent) => sent.sql.includes('FROM Facturas'));
    expect(request?.kind).toBe('sp_executesql');
    expect(request?.sql).toContain('WHERE Cuit = @p1');
    expect(request?.declaration).toBe(
      '@p1 varchar(11), @p2 varchar(13), @p3 int, @p4 date, @p5 decimal(18, 2)',
    );
    expect(request?.parameters.map((parameter) => parameter.value)).toEqual([
      '30712345675',
      '0001-00001234',
      7,
      '2024-03-15',
      '1234.56',
    ]);
  });

  it('binds non-ASCII text as nvarchar', async () => {
    const { erp, driver } = await open();
    const rows = await driver.query('SELECT Nota FROM Facturas WHERE Nota = @p1', ['Ñandú'], {
      ...idle(),
      types: ['string'],
    });
    expect(rows).toEqual([{ Nota: 'Ñandú' }]);
    expect(erp.server.requests.at(-1)?.declaration).toBe('@p1 nvarchar(5)');
  });

  it('reads every column type exactly: decimals and money as strings, dates as ISO dates', async () => {
    const { driver } = await open();
    const rows = await driver.query(
      `SELECT Id, Numero, Cuit, Fecha, Alta, Importe, Total, Emitida, Anulada, Contador, Nota
       FROM Facturas`,
      [],
      idle(),
    );
    expect(rows).toEqual([
      {
        Id: 7,
        Numero: '0001-00001234',
        Cuit: '30712345675',
        Fecha: '2024-03-15',
        Alta: '2024-03-15',
        Importe: '1234.56',
        Total: '1234.5600',
        Emitida: '2024-03-15',
        Anulada: 1,
        Contador: '9007199254740993',
        Nota: 'Ñandú',
      },
    ]);
  });

  it('refuses a decimal too long to read exactly, saying how to convert it', async () => {
    const { driver } = await open();
    const error = await driver
      .query('SELECT Grande FROM Facturas', [], idle())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERP_UNAVAILABLE' });
    expect((error as Error).message).toContain('CONVERT(varchar(40), Grande)');
  });

  it('refuses anything but one SELECT before it reaches the server', async () => {
    const { erp, driver } = await open();
    const sent = erp.server.requests.length;
    const error = await driver
      .query("SELECT 1 AS x; EXEC xp_cmdshell 'dir'", [], idle())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERP_UNAVAILABLE' });
    expect(erp.server.requests.length).toBe(sent);
  });

  it('warns loudly when encryption was asked for and the server did not offer it', async () => {
    const warnings: string[] = [];
    const { driver } = await open({ encryption: 'none' }, { encrypt: true }, warnings);
    expect(await driver.query('SELECT 1 AS x', [], idle())).toEqual([{ x: 1 }]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('SIN CIFRAR');
  });

  describe.skipIf(!hasOpenssl())(
    'with TLS (needs the openssl command for a test certificate)',
    () => {
      it('negotiates TLS inside PRELOGIN (encrypt: true) without a warning', async () => {
        const credentials = createTestCertificate();
        const warnings: string[] = [];
        const { driver } = await open(
          { encryption: 'tds7', credentials },
          { encrypt: true, trustServerCertificate: true },
          warnings,
        );
        expect(await driver.query('SELECT 1 AS x', [], idle())).toEqual([{ x: 1 }]);
        expect(warnings).toEqual([]);
      });

      it('validates the certificate against a given CA with encrypt: strict (TDS 8.0)', async () => {
        const credentials = createTestCertificate();
        const { driver } = await open(
          { encryption: 'strict', credentials },
          { encrypt: 'strict', ca: credentials.cert.toString(), tlsServerName: 'localhost' },
        );
        expect(await driver.query('SELECT 1 AS x', [], idle())).toEqual([{ x: 1 }]);
      });

      it('refuses a certificate it cannot validate', async () => {
        const credentials = createTestCertificate();
        const error = await open(
          { encryption: 'strict', credentials },
          { encrypt: 'strict', tlsServerName: 'localhost' },
        ).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: 'ERP_UNAVAILABLE' });
      });
    },
  );
});
