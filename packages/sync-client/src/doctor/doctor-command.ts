import type { SyncClientConfig } from '../config/load-config.ts';
import { createDriver } from '../drivers/create-driver.ts';
import { checkDatabase } from './check-database.ts';
import { checkServer } from './check-server.ts';
import { formatChecks, type DoctorCheck } from './doctor-check.ts';

async function databaseChecks(config: SyncClientConfig): Promise<DoctorCheck[]> {
  const warnings: DoctorCheck[] = [];
  try {
    const driver = await createDriver(config.database, {
      onWarning: (message) => warnings.push({ status: 'warn', title: message }),
    });
    try {
      return [...(await checkDatabase(config, driver)), ...warnings];
    } finally {
      await driver.close();
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return [{ status: 'fail', title: 'No se pudo abrir la base de datos', detail }, ...warnings];
  }
}

/** `doctor`: checks the database and the server, prints a Spanish report; 1 when anything failed. */
export async function runDoctor(
  config: SyncClientConfig,
  print: (text: string) => void,
): Promise<number> {
  const checks = [...(await databaseChecks(config)), ...(await checkServer(config))];
  print(`Diagnóstico del sync-client de Cotejo (${config.file})\n\n${formatChecks(checks)}`);
  return checks.some((check) => check.status === 'fail') ? 1 : 0;
}
