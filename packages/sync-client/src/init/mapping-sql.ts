import type { DatabaseKind } from '@cotejo/protocol';
import type { MappedField, TableMapping } from './propose-mapping.ts';

/** An identifier quoted for the dialect, so odd names (spaces, accents, keywords) work. */
export function quoteIdentifier(kind: DatabaseKind, name: string): string {
  switch (kind) {
    case 'mssql':
      return `[${name.replaceAll(']', ']]')}]`;
    case 'mysql':
      return `\`${name.replaceAll('`', '``')}\``;
    case 'sqlite':
    case 'postgres':
      return `"${name.replaceAll('"', '""')}"`;
  }
}

/** The lookup SQL a mapping stands for, in the database's dialect. */
export function mappingSql(kind: DatabaseKind, mapping: TableMapping): string {
  const quote = (name: string) => quoteIdentifier(kind, name);
  const column = (field: MappedField) => mapping.columns[field];
  const select = Object.entries(mapping.columns).map(
    ([field, name]) => `${quote(name)} AS ${field}`,
  );
  const table =
    mapping.schema === null || (kind === 'postgres' && mapping.schema === 'public')
      ? quote(mapping.table)
      : `${quote(mapping.schema)}.${quote(mapping.table)}`;
  const numeroComprobante = column('numeroComprobante');
  const puntoVenta = column('puntoVenta');
  const numero = column('numero');
  const where =
    puntoVenta !== undefined && numero !== undefined
      ? [`${quote(puntoVenta)} = @puntoVenta`, `${quote(numero)} = @numero`]
      : [`${quote(numeroComprobante ?? '')} = @numeroComprobante`];
  where.push(`${quote(column('cuit') ?? '')} = @cuit`);
  return `SELECT ${select.join(', ')}\nFROM ${table}\nWHERE ${where.join(' AND ')}`;
}
