#!/usr/bin/env -S npx tsx
import { parseArgs } from 'node:util';
import { AppError } from '@cotejo/protocol';
import { loadConfig } from '../config/load-config.ts';
import { runClient } from './run-command.ts';

const usage = `Uso: cotejo-sync-client run --config <archivo.yaml>

Comandos:
  run   conecta con Cotejo y responde las consultas de facturas con la base local`;

/** Exit codes: 0 stopped normally, 1 database or unexpected failure, 2 usage or configuration. */
async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { config: { type: 'string', short: 'c' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const [command] = parsed.positionals;
  if (parsed.values.help) {
    console.log(usage);
    return 0;
  }
  if (command !== 'run' || parsed.values.config === undefined) {
    console.error(
      command === 'run'
        ? `Falta --config <archivo.yaml>\n\n${usage}`
        : `Comando desconocido: ${command ?? '(ninguno)'}\n\n${usage}`,
    );
    return 2;
  }
  const config = loadConfig(parsed.values.config, process.env);
  const client = await runClient(config);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await client.stop();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof AppError) {
      console.error(`Error: ${error.message}`);
      process.exitCode = error.code === 'CONFIG_INVALID' ? 2 : 1;
    } else {
      console.error('Error inesperado del sync-client:', error);
      process.exitCode = 1;
    }
  },
);
