import type { DatabaseSettings, Driver } from './driver.ts';

/** The driver for the configured database; each client library loads only when chosen. */
export async function createDriver(settings: DatabaseSettings): Promise<Driver> {
  switch (settings.kind) {
    case 'sqlite': {
      const { SqliteDriver } = await import('./sqlite/sqlite-driver.ts');
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
  }
}
