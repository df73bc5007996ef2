import type { CanonicalInvoice } from '@cotejo/protocol';
import { canWrite } from '../catalog/write-privilege.ts';
import { tablesOf } from '../catalog/lookup-tables.ts';
import type { SyncClientConfig } from '../config/load-config.ts';
import type { Driver } from '../drivers/driver.ts';
import { createLookupRunner } from '../lookup/lookup-runner.ts';
import { createNamedQueryRunner } from '../queries/named-query-runner.ts';
import type { DoctorCheck } from './doctor-check.ts';

/** An invoice no ERP holds: every lookup must run with it and find nothing. */
const dummyInvoice: CanonicalInvoice = {
  tipoComprobante: 'A',
  puntoVenta: 1,
  numero: 1,
  numeroComprobante: '0001-00000001',
  cuit: '20000000001',
  fecha: '2000-01-01',
  importe: '0.00',
};

const dummyValues = { string: 'x', integer: 0, decimal: '0', date: '2000-01-01', boolean: false };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Database checks: login, every lookup and named query with dummy parameters, and whether the
 * login could write to the tables the lookups read (it should not).
 */
export async function checkDatabase(
  config: SyncClientConfig,
  driver: Driver,
): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  try {
    await driver.connect();
    checks.push({
      status: 'ok',
      title: `Base de datos ${config.database.kind}: conexión y usuario correctos`,
    });
  } catch (error) {
    return [
      { status: 'fail', title: 'No se pudo conectar a la base de datos', detail: message(error) },
    ];
  }
  for (const lookup of config.lookups) {
    const runner = createLookupRunner({
      driver,
      lookups: [lookup],
      queryTimeoutMs: config.queryTimeoutMs,
      maxConcurrentLookups: 1,
    });
    try {
      const result = await runner.lookup(dummyInvoice);
      checks.push({
        status: 'ok',
        title: `Lookup «${lookup.name}» ejecuta (${result.rows.length} filas con datos de prueba)`,
      });
    } catch (error) {
      checks.push({
        status: 'fail',
        title: `Lookup «${lookup.name}» falla`,
        detail: message(error),
      });
    }
  }
  const queries = createNamedQueryRunner({
    driver,
    queries: config.queries,
    queryTimeoutMs: config.queryTimeoutMs,
    maxConcurrentQueries: 1,
  });
  for (const query of config.queries) {
    const params = Object.fromEntries(
      Object.entries(query.params).map(([name, type]) => [name, dummyValues[type]]),
    );
    try {
      await queries.run({ name: query.name, params });
      checks.push({ status: 'ok', title: `Consulta «${query.name}» ejecuta` });
    } catch (error) {
      checks.push({
        status: 'fail',
        title: `Consulta «${query.name}» falla`,
        detail: message(error),
      });
    }
  }
  const tables = [
    ...new Set(
      [...config.lookups, ...config.queries].flatMap((entry) => tablesOf(entry.statement.tokens)),
    ),
  ];
  const signal = AbortSignal.timeout(config.queryTimeoutMs);
  const writable: string[] = [];
  let unknown = 0;
  for (const table of tables) {
    const answer = await canWrite(driver, table, signal);
    if (answer === true) writable.push(table);
    if (answer === null) unknown += 1;
  }
  if (writable.length > 0) {
    checks.push({
      status: 'warn',
      title: `El usuario de la base puede modificar ${writable.join(', ')}`,
      detail:
        'El sync-client sólo lee: use un usuario con permiso SELECT únicamente (por ejemplo, el rol db_datareader en SQL Server).',
    });
  } else if (unknown > 0 || tables.length === 0) {
    checks.push({
      status: 'warn',
      title: 'No se pudo verificar que el usuario sea de sólo lectura',
    });
  } else {
    checks.push({
      status: 'ok',
      title: `El usuario sólo puede leer las tablas consultadas (${tables.join(', ')})`,
    });
  }
  return checks;
}
