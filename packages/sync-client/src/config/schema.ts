import { z } from 'zod';
import { databaseSchema, envName } from './database-schema.ts';
import { namedQuerySchema, queryName, type NamedQueryConfig } from './named-query-schema.ts';
import { guardSelect, type GuardedStatement } from './sql-guard.ts';

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface LookupConfig {
  name: string;
  sql: string;
  statement: GuardedStatement;
}

const auditSchema = z
  .strictObject({
    /** The JSON-lines file, relative to the config file. */
    path: z.string().min(1).max(1000).default('./cotejo-audit.jsonl'),
    maxBytes: z
      .number()
      .int()
      .min(64 * 1024)
      .max(1024 ** 3)
      .default(10 * 1024 * 1024),
    keepFiles: z.number().int().min(1).max(1000).default(10),
  })
  .default({ path: './cotejo-audit.jsonl', maxBytes: 10 * 1024 * 1024, keepFiles: 10 });

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
      .array(z.strictObject({ name: queryName, sql: z.string().min(1).max(20_000) }))
      .min(1, 'declare al menos una consulta')
      .max(100),
    queries: z.array(namedQuerySchema).max(100).default([]),
    /** Compare on premises and send only the verdict and the names of differing fields. */
    dataMinimization: z.boolean().default(false),
    /** Largest amount difference still equal, when comparing on premises. */
    amountTolerance: z
      .string()
      .regex(/^\d{1,6}([.,]\d{1,4})?$/, 'un importe como "0.01"')
      .default('0.01'),
    audit: auditSchema,
    queryTimeoutMs: z.number().int().min(100).max(600_000).default(5000),
    maxConcurrentLookups: z.number().int().min(1).max(64).default(4),
    logLevel: z.enum(logLevels).default('info'),
  })
  .transform((config, ctx) => {
    const kind = config.database.kind;
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const repeated = (names: string[], index: number) =>
      names.indexOf(names[index] ?? '') !== index;

    const lookups: LookupConfig[] = [];
    const lookupNames = config.lookups.map((lookup) => lookup.name);
    config.lookups.forEach((lookup, index) => {
      if (repeated(lookupNames, index)) {
        issue(['lookups', index, 'name'], `la consulta «${lookup.name}» está repetida`);
      }
      const guarded = guardSelect(lookup.sql, kind);
      if (guarded.ok) lookups.push({ ...lookup, statement: guarded.statement });
      else {
        issue(
          ['lookups', index, 'sql'],
          `la consulta «${lookup.name}» no es un único SELECT de solo lectura: ${guarded.reason}`,
        );
      }
    });

    const queries: NamedQueryConfig[] = [];
    const queryNames = config.queries.map((query) => query.name);
    config.queries.forEach((query, index) => {
      if (repeated(queryNames, index)) {
        issue(['queries', index, 'name'], `la consulta «${query.name}» está repetida`);
      }
      const guarded = guardSelect(query.sql, kind, Object.keys(query.params));
      if (guarded.ok) queries.push({ ...query, statement: guarded.statement });
      else {
        issue(
          ['queries', index, 'sql'],
          `la consulta «${query.name}» no es un único SELECT de solo lectura: ${guarded.reason}`,
        );
      }
    });
    return { ...config, lookups, queries };
  });

export type FileConfig = z.output<typeof fileConfigSchema>;
export type LogLevel = (typeof logLevels)[number];
