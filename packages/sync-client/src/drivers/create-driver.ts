import { AppError } from '@cotejo/protocol';
import type { DatabaseSettings, Driver, DriverHooks } from './driver.ts';

/** The driver for the configured database; each client library loads only when chosen. */
export async function createDriver(
  settings: DatabaseSettings,
  hooks: DriverHooks = {},
): Promise<Driver> {
  switch (settings.kind) {
    case 'sqlite': {
      const { SqliteDriver } = await import('./sqlite/sqlite-driver.ts').catch((error: unknown) => {
        // The single executable carries no native modules, and SQLite's is one.
        throw new AppError(
          'ERP_UNAVAILABLE',
          'Este ejecutable no incluye SQLite (módulo nativo better-sqlite3): instale el ' +
            'sync-client con Node.js y npm para usar una base SQLite.',
          { cause: error },
        );
      });
      return new SqliteDriver(settings);
    }
    case 'postgres': {
      const { PostgresDriver } = await import('./postgres/postgres-driver.ts');
      return new PostgresDriver(settings);
    }
    case 'mysql': {
      const { MysqlDriver } = await import('./mysql/mysql-driver.ts');
      return new MysqlDriver(settings);
    }
    case 'mssql': {
      const { MssqlDriver } = await import('./mssql/mssql-driver.ts');
      return new MssqlDriver(settings, hooks);
    }
  }
}
