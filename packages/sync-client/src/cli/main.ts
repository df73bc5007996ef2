#!/usr/bin/env -S npx tsx
import { parseArgs } from 'node:util';
import { AppError, databaseKinds, type DatabaseKind } from '@cotejo/protocol';
import { loadConfig } from '../config/load-config.ts';
import { runDoctor } from '../doctor/doctor-command.ts';
import { runInit } from '../init/init-command.ts';
import { initFlags, type InitOptions } from '../init/init-options.ts';
import { createPrompter } from '../init/prompter.ts';
import { syncClientVersion } from '../version.ts';
import { runAuditVerify } from './audit-command.ts';
import { runClient } from './run-command.ts';

const usage = `Uso: cotejo-sync-client <comando> --config <archivo.yaml> [opciones]

Comandos:
  run            conecta con Cotejo y responde las consultas de facturas con la base local
  init           crea la configuración: prueba la conexión, lee el esquema y propone las consultas
                 (pregunta lo que falte; --yes para no preguntar nada)
  doctor         diagnostica la base, las consultas, los permisos, el servidor y el reloj
  audit verify   verifica que el registro de auditoría local no fue alterado

Opciones de init: --server-url, --key-env, --db-kind (${databaseKinds.join('|')}), --db-path,
  --db-host, --db-port, --db-instance, --db-user, --db-name, --db-password-env VARIABLE,
  --db-password-file ARCHIVO (la contraseña se toma de COTEJO_DB_PASSWORD o se pregunta),
  --encrypt strict|true|false, --trust-server-certificate, --template auto|ninguna|generico|
  tango|sap-b1|dynamics-gp, --data-minimization, --yes, --force

  --version      muestra la versión`;

const options = {
  config: { type: 'string', short: 'c' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  ...initFlags,
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof options; allowPositionals: true }>
>['values'];

function initOptions(values: Values, config: string): InitOptions {
  const kind = values['db-kind'];
  const encrypt = values.encrypt;
  if (encrypt !== undefined && !['strict', 'true', 'false'].includes(encrypt)) {
    throw new AppError('CONFIG_INVALID', '--encrypt debe ser strict, true o false');
  }
  const port = values['db-port'];
  return {
    config,
    serverUrl: values['server-url'],
    keyEnv: values['key-env'],
    dbKind: kind as DatabaseKind | undefined,
    dbPath: values['db-path'],
    dbHost: values['db-host'],
    dbPort: port === undefined ? undefined : Number(port),
    dbInstance: values['db-instance'],
    dbUser: values['db-user'],
    dbName: values['db-name'],
    dbPasswordEnv: values['db-password-env'],
    dbPasswordFile: values['db-password-file'],
    encrypt: encrypt as InitOptions['encrypt'],
    trustServerCertificate: values['trust-server-certificate'],
    template: values.template,
    dataMinimization: values['data-minimization'],
    yes: values.yes ?? false,
    force: values.force ?? false,
  };
}

/** Exit codes: 0 fine, 1 database, server or audit failure, 2 usage or configuration. */
async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    console.log(syncClientVersion);
    return 0;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const command = positionals.join(' ');
  const config = values.config;
  if (!['run', 'init', 'doctor', 'audit verify'].includes(command)) {
    console.error(`Comando desconocido: ${command || '(ninguno)'}\n\n${usage}`);
    return 2;
  }
  if (config === undefined) {
    console.error(`Falta --config <archivo.yaml>\n\n${usage}`);
    return 2;
  }
  const print = (text: string) => console.log(text);
  switch (command) {
    case 'init': {
      const prompter = createPrompter(process.stdin, process.stdout);
      try {
        return await runInit(initOptions(values, config), prompter, process.env);
      } finally {
        prompter.close();
      }
    }
    case 'doctor':
      return runDoctor(loadConfig(config, process.env), print);
    case 'audit verify':
      return runAuditVerify(loadConfig(config, process.env, { requireKey: false }).audit, print);
  }
  const client = await runClient(loadConfig(config, process.env));
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
