import { AppError } from '@cotejo/protocol';
import mssql from 'mssql';
import { guardSelect } from '../../config/sql-guard.ts';
import type {
  Driver,
  DriverHooks,
  DriverParam,
  DriverRow,
  MssqlSettings,
  QueryOptions,
} from '../driver.ts';
import { connectFailure, erpError, runCancellable } from '../driver-errors.ts';
import { mssqlConfig } from './mssql-config.ts';
import { parameterFor } from './mssql-parameters.ts';
import { toExactRow } from './mssql-values.ts';

/**
 * SQL Server through `mssql` + `tedious`, every query an `sp_executesql` with typed parameters
 * (`@p1..@pn`).
 *
 * - SQL Server has no read-only session: besides the guard that checked the configuration,
 *   this driver refuses any statement that is not one SELECT, and `doctor` warns when the login
 *   may write. The real barrier is a login with SELECT permission only.
 * - A pool `error` listener is always attached: tedious reports a connection reset mid-query a
 *   second time as a pool `error`, which would otherwise end the process.
 * - A query is cancelled with ATTENTION when its signal fires; the connection stays usable.
 * - `encrypt: true` against a server that does not offer TLS: tedious goes on in plain text,
 *   password included. The driver cannot stop that, but says so loudly (`onWarning`).
 */
export class MssqlDriver implements Driver {
  readonly kind = 'mssql';
  readonly placeholders = 'at';
  #pool: mssql.ConnectionPool | undefined;
  #warnedPlaintext = false;
  readonly #checked = new Set<string>();

  constructor(
    private readonly settings: MssqlSettings,
    private readonly hooks: DriverHooks = {},
  ) {}

  async connect(): Promise<void> {
    const pool = new mssql.ConnectionPool({
      ...mssqlConfig(this.settings),
      beforeConnect: (connection) => this.#watchEncryption(connection),
    });
    pool.on('error', () => undefined); // the failed request already reported it
    this.#pool = pool;
    try {
      await pool.connect();
    } catch (error) {
      this.#pool = undefined;
      await pool.close().catch(() => undefined);
      throw connectFailure(this.settings, error, ['ELOGIN']);
    }
  }

  async query(
    sql: string,
    params: readonly DriverParam[],
    { signal, types }: QueryOptions,
  ): Promise<DriverRow[]> {
    const pool = this.#pool;
    if (pool === undefined) throw erpError(this.kind, new Error('la conexión está cerrada'));
    this.#refuseWrites(sql, params.length);
    const request = pool.request();
    params.forEach((value, index) => {
      const parameter = parameterFor(value, types?.[index]);
      request.input(`p${index + 1}`, parameter.type, parameter.value);
    });
    const result = await runCancellable(
      this.kind,
      signal,
      () => request.query<Record<string, unknown>>(sql),
      () => {
        request.cancel();
        return Promise.resolve();
      },
    );
    const recordset = result.recordset as mssql.IRecordSet<Record<string, unknown>> | undefined;
    if (recordset === undefined) return [];
    try {
      return recordset.map((row) => toExactRow(row, recordset.columns));
    } catch (error) {
      throw erpError(this.kind, error);
    }
  }

  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    await pool?.close();
  }

  #refuseWrites(sql: string, parameterCount: number): void {
    if (this.#checked.has(sql)) return;
    const names = Array.from({ length: parameterCount }, (_, index) => `p${index + 1}`);
    const guarded = guardSelect(sql, 'mssql', names);
    if (!guarded.ok) {
      throw new AppError(
        'ERP_UNAVAILABLE',
        `El sync-client sólo ejecuta un SELECT de solo lectura en SQL Server: ${guarded.reason}`,
      );
    }
    this.#checked.add(sql);
  }

  #watchEncryption(connection: mssql.Connection): void {
    if (this.settings.encrypt !== true) return; // strict: TLS comes first or nothing does
    let secure = false;
    connection.on('secure', () => (secure = true));
    connection.on('connect', (error?: Error) => {
      if (error || secure || this.#warnedPlaintext) return;
      this.#warnedPlaintext = true;
      this.hooks.onWarning?.(
        `ATENCIÓN: se pidió cifrado (database.encrypt: true) pero SQL Server ` +
          `(${this.settings.host}) no lo ofreció y la conexión sigue SIN CIFRAR, contraseña ` +
          'incluida. Configure un certificado en SQL Server y use encrypt: strict, o corrija la red.',
      );
    });
  }
}
