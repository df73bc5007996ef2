import { ByteWriter } from './byte-writer.ts';
import { encodeValue, typeInfo, type Column, type ColumnValue } from './column-types.ts';
import { token } from './tokens.ts';

export interface ResultSet {
  columns: Column[];
  rows: ColumnValue[][];
}

const nullable = 0x0001;

/** COLMETADATA, then one ROW token per row. */
export function resultSetTokens({ columns, rows }: ResultSet): Buffer {
  const metadata = new ByteWriter().u8(token.colMetadata).u16(columns.length);
  for (const column of columns) {
    metadata.u32(0).u16(nullable).bytes(typeInfo(column.type)).bVarchar(column.name);
  }
  const parts = [metadata.toBuffer()];
  for (const row of rows) {
    parts.push(Buffer.from([token.row]));
    columns.forEach((column, index) => parts.push(encodeValue(column.type, row[index] ?? null)));
  }
  return Buffer.concat(parts);
}
