import { z } from 'zod';
import { guardSelect, type GuardedStatement } from './sql-guard.ts';

/** Names of environment variables the YAML points to (secrets never live in the file). */
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'nombre de variable de entorno');

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const networkDatabase = {
  host: z.string().min(1).default('127.0.0.1'),
  user: z.string().min(1),
  database: z.string().min(1),
  passwordEnv: envName.optional(),
  ssl: z.boolean().default(false),
};

const databaseSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sqlite'), path: z.string().min(1) }),
  z.strictObject({
    kind: z.literal('postgres'),
    port: z.number().int().min(1).max(65_535).default(5432),
    ...networkDatabase,
  }),
  z.strictObject({
    kind: z.literal('mysql'),
    port: z.number().int().min(1).max(65_535).default(3306),
    ...networkDatabase,
  }),
]);

export interface LookupConfig {
  name: string;
  sql: string;
  statement: GuardedStatement;
}

/** The YAML file, before secrets are read from the environment. */
export const fileConfigSchema = z
  .strictObject({
    server: z.strictObject({
      url: z.url({
        protocol: /^(https?|wss?)$/,
        error: 'se esperaba la URL http:// o https:// del servidor',
      }),
      keyEnv: envName.default('COTEJO_AGENT_KEY'),
    }),
    database: databaseSchema,
    lookups: z
      .array(
        z.strictObject({
          name: z.string().regex(/^[\w.-]{1,100}$/, 'nombre sin espacios (letras, números, _ . -)'),
          sql: z.string().min(1),
        }),
      )
      .min(1, 'declare al menos una consulta')
      .max(100),
    queryTimeoutMs: z.number().int().min(100).max(600_000).default(5000),
    maxConcurrentLookups: z.number().int().min(1).max(64).default(4),
    logLevel: z.enum(logLevels).default('info'),
  })
  .transform((config, ctx) => {
    const lookups: LookupConfig[] = [];
    config.lookups.forEach((lookup, index) => {
      if (config.lookups.findIndex((other) => other.name === lookup.name) !== index) {
        ctx.addIssue({
          code: 'custom',
          path: ['lookups', index, 'name'],
          message: `la consulta «${lookup.name}» está repetida`,
        });
      }
      const guarded = guardSelect(lookup.sql, config.database.kind);
      if (guarded.ok) lookups.push({ ...lookup, statement: guarded.statement });
      else {
        ctx.addIssue({
          code: 'custom',
          path: ['lookups', index, 'sql'],
          message: `la consulta «${lookup.name}» no es un único SELECT de solo lectura: ${guarded.reason}`,
        });
      }
    });
    return { ...config, lookups };
  });

export type FileConfig = z.output<typeof fileConfigSchema>;
export type LogLevel = (typeof logLevels)[number];
