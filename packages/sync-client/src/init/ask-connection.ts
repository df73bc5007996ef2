import { dirname, resolve } from 'node:path';
import { AppError, databaseKinds, type DatabaseKind } from '@cotejo/protocol';
import type { Environment } from '../config/load-config.ts';
import type { DatabaseSettings } from '../drivers/driver.ts';
import type { InitOptions } from './init-options.ts';
import type { Prompter } from './prompter.ts';

const defaultPasswordEnv = 'COTEJO_DB_PASSWORD';

export interface InitContext {
  options: InitOptions;
  prompter: Prompter;
  env: Environment;
}

/** A value from its flag, else asked (interactive), else an error naming the flag (--yes). */
export async function value(
  { options, prompter }: InitContext,
  given: string | undefined,
  flag: string,
  question: string,
  fallback?: string,
): Promise<string> {
  if (given !== undefined) return given;
  if (options.yes) {
    if (fallback !== undefined) return fallback;
    throw new AppError('CONFIG_INVALID', `Falta --${flag} (init --yes no pregunta)`);
  }
  return prompter.ask(question, fallback);
}

function kindOf(text: string): DatabaseKind {
  const kind = databaseKinds.find((candidate) => candidate === text.trim().toLowerCase());
  if (kind === undefined) {
    throw new AppError(
      'CONFIG_INVALID',
      `Base de datos desconocida «${text}»: use ${databaseKinds.join(', ')}`,
    );
  }
  return kind;
}

/** The connection: YAML fields (password by reference only) and driver settings to test it. */
export async function askConnection(context: InitContext) {
  const { options, prompter, env } = context;
  const configFolder = dirname(resolve(options.config));
  const kind = kindOf(
    await value(
      context,
      options.dbKind,
      'db-kind',
      `Base de datos (${databaseKinds.join(', ')})`,
      'mssql',
    ),
  );
  if (kind === 'sqlite') {
    const path = await value(context, options.dbPath, 'db-path', 'Archivo SQLite');
    const settings: DatabaseSettings = { kind, path: resolve(configFolder, path) };
    return { yaml: { kind, path }, settings, passwordFile: undefined };
  }
  const host = await value(context, options.dbHost, 'db-host', 'Servidor', '127.0.0.1');
  let port: number | undefined = options.dbPort;
  let instanceName = options.dbInstance;
  if (port === undefined && instanceName === undefined) {
    const fallback = { mssql: '1433', postgres: '5432', mysql: '3306' }[kind];
    const written = await value(
      context,
      undefined,
      'db-port',
      kind === 'mssql' ? 'Puerto, o \\instancia con nombre' : 'Puerto',
      fallback,
    );
    if (written.startsWith('\\')) instanceName = written.slice(1);
    else port = Number(written);
  }
  const user = await value(context, options.dbUser, 'db-user', 'Usuario de la base (sólo lectura)');
  const database = await value(context, options.dbName, 'db-name', 'Nombre de la base');

  let passwordEnv = options.dbPasswordEnv;
  let passwordFile = options.dbPasswordFile;
  let password: string | undefined;
  if (passwordEnv === undefined && passwordFile === undefined) {
    const where = options.yes
      ? '1'
      : await prompter.ask(
          'Contraseña: (1) en una variable de entorno, (2) en un archivo aparte',
          '1',
        );
    if (where === '2')
      passwordFile = await prompter.ask('Archivo de la contraseña', './cotejo-db-password');
    else
      passwordEnv = await value(
        context,
        undefined,
        'db-password-env',
        'Variable de entorno con la contraseña',
        defaultPasswordEnv,
      );
  }
  if (passwordEnv !== undefined) {
    password = env[passwordEnv];
    if (password === undefined)
      prompter.say(
        `⚠ La variable ${passwordEnv} no está definida: se prueba la conexión sin contraseña.`,
      );
  } else if (passwordFile !== undefined) {
    password =
      env[defaultPasswordEnv] ?? (options.yes ? undefined : await prompter.askHidden('Contraseña'));
    if (password === undefined || password === '') {
      throw new AppError(
        'CONFIG_INVALID',
        `Falta la contraseña: defina ${defaultPasswordEnv} para escribir ${passwordFile}`,
      );
    }
  }
  const secret =
    passwordEnv !== undefined
      ? { passwordEnv }
      : passwordFile !== undefined
        ? { passwordFile }
        : {};
  const network = { host, user, database, ...(port !== undefined && { port }) };
  if (kind !== 'mssql') {
    const settings: DatabaseSettings = {
      kind,
      host,
      port: port ?? 0,
      user,
      database,
      password,
      ssl: false,
      maxConnections: 1,
    };
    return {
      yaml: { kind, ...network, ...secret },
      settings,
      passwordFile: passwordFile && { path: passwordFile, password: password ?? '' },
    };
  }
  const encryptText = await value(
    context,
    options.encrypt,
    'encrypt',
    'Cifrado (strict, true, false)',
    'true',
  );
  const encrypt = encryptText === 'strict' ? 'strict' : encryptText !== 'false';
  const trustServerCertificate =
    options.trustServerCertificate ??
    (encrypt === true && !options.yes
      ? await prompter.confirm('¿Aceptar el certificado del servidor sin validarlo?', false)
      : false);
  const settings: DatabaseSettings = {
    kind, host, port, instanceName, user, database, password, encrypt, trustServerCertificate,
    connectTimeoutMs: 15_000, maxConnections: 1,
  }; // prettier-ignore
  return {
    yaml: {
      kind,
      ...network,
      ...(instanceName !== undefined && { instanceName }),
      ...secret,
      encrypt,
      trustServerCertificate,
    },
    settings,
    passwordFile: passwordFile && { path: passwordFile, password: password ?? '' },
  };
}
