import { ConfigError, loadConfig, type Config } from './config.ts';
import { startServer, type RunningServer } from './start-server.ts';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  fail(error.message);
}

let server: RunningServer;
try {
  server = await startServer(config);
} catch (error) {
  fail(
    `No se pudo iniciar el servidor: ${error instanceof Error ? error.message : String(error)}. ` +
      'Revise que el puerto esté libre y que la base de datos sea accesible.',
  );
}

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  try {
    await server.stop();
    process.exit(0);
  } catch (error) {
    fail(`Error al detener el servidor (${signal}): ${String(error)}`);
  }
}
process.once('SIGINT', (signal) => void shutdown(signal));
process.once('SIGTERM', (signal) => void shutdown(signal));
