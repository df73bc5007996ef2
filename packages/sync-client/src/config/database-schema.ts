import { z } from 'zod';

/** Names of environment variables the YAML points to (secrets never live in the file). */
export const envName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'nombre de variable de entorno');

const port = z.number().int().min(1).max(65_535);

/** Where the password comes from: an environment variable, or a file only its owner reads. */
const credentials = {
  user: z.string().min(1).max(128),
  database: z.string().min(1).max(128),
  passwordEnv: envName.optional(),
  passwordFile: z.string().min(1).max(1000).optional(),
};

const networkDatabase = {
  host: z.string().min(1).max(255).default('127.0.0.1'),
  ...credentials,
  ssl: z.boolean().default(false),
};

const mssqlDatabase = z
  .strictObject({
    kind: z.literal('mssql'),
    host: z.string().min(1).max(255).default('127.0.0.1'),
    port: port.optional(),
    instanceName: z.string().min(1).max(128).optional(),
    ...credentials,
    encrypt: z
      .union([z.literal('strict'), z.boolean()], {
        error: 'se esperaba strict, true o false',
      })
      .default(true),
    trustServerCertificate: z.boolean().default(false),
    caFile: z.string().min(1).max(1000).optional(),
    tlsServerName: z.string().min(1).max(255).optional(),
    connectTimeoutMs: z.number().int().min(1000).max(120_000).default(15_000),
  })
  .refine((database) => database.port === undefined || database.instanceName === undefined, {
    path: ['instanceName'],
    message: 'use port o instanceName, no los dos (una instancia con nombre se busca por nombre)',
  });

const oneSecretSource = <T extends { passwordEnv?: string; passwordFile?: string }>(value: T) =>
  value.passwordEnv === undefined || value.passwordFile === undefined;

export const databaseSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('sqlite'), path: z.string().min(1).max(1000) }),
    z.strictObject({ kind: z.literal('postgres'), port: port.default(5432), ...networkDatabase }),
    z.strictObject({ kind: z.literal('mysql'), port: port.default(3306), ...networkDatabase }),
    mssqlDatabase,
  ])
  .refine((database) => database.kind === 'sqlite' || oneSecretSource(database), {
    path: ['passwordFile'],
    message: 'use passwordEnv o passwordFile, no los dos',
  });

export type DatabaseConfig = z.output<typeof databaseSchema>;
