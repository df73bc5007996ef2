import { z } from 'zod';
import { parameterTypes } from '../drivers/driver.ts';
import type { GuardedStatement } from './sql-guard.ts';

export const queryName = z
  .string()
  .regex(/^[\w.-]{1,100}$/, 'nombre sin espacios (letras, números, _ . -)');

/** A query the server may run by name (`query.run`), with its typed parameters. */
export const namedQuerySchema = z.strictObject({
  name: queryName,
  description: z.string().max(500).optional(),
  sql: z.string().min(1).max(20_000),
  params: z
    .record(
      z.string().regex(/^[A-Za-z_]\w{0,63}$/, 'nombre de parámetro (letras, números, _)'),
      z.enum(parameterTypes, { error: `tipos: ${parameterTypes.join(', ')}` }),
    )
    .default({}),
  maxRows: z.number().int().min(1).max(1000).default(100),
});

export interface NamedQueryConfig extends z.output<typeof namedQuerySchema> {
  statement: GuardedStatement;
}
