import type { LookupConfig } from '../config/schema.ts';
import type { ParameterType } from '../drivers/driver.ts';
import { toDialectSql, type PlaceholderStyle } from '../drivers/placeholders.ts';
import {
  findLookupParameter,
  lookupParameterTypes,
  type LookupParameterName,
} from './lookup-parameters.ts';

/** A configured lookup in the database's own placeholder syntax, ready to bind and run. */
export interface CompiledLookup {
  name: string;
  sql: string;
  order: readonly LookupParameterName[];
  /** The type of each placeholder's value, for drivers with typed parameters. */
  types: readonly ParameterType[];
}

export function compileLookup(lookup: LookupConfig, style: PlaceholderStyle): CompiledLookup {
  const { sql, order } = toDialectSql(lookup.statement.tokens, style, (written) => {
    const name = findLookupParameter(written);
    // The guard already refused unknown parameters; reaching this is a programming error.
    if (name === undefined) throw new Error(`parámetro desconocido @${written}`);
    return name;
  });
  return { name: lookup.name, sql, order, types: order.map((name) => lookupParameterTypes[name]) };
}
