import { ByteReader } from './byte-reader.ts';
import { packetType } from './packet-stream.ts';
import { readRpcParameter, type RpcParameter } from './rpc-parameters.ts';

/** A SQL batch or an RPC as the server received it; tests assert on these. */
export interface ClientRequest {
  kind: 'batch' | 'sp_executesql' | 'rpc';
  /** The statement text (a batch's text, or `@statement` of sp_executesql). */
  sql: string;
  /** sp_executesql's `@params` declaration, e.g. `@p1 int, @p2 nvarchar(11)`. */
  declaration: string;
  /** The typed values after `@statement` and `@params`. */
  parameters: RpcParameter[];
}

/** The procedure id of sp_executesql in an RPC request (MS-TDS 2.2.6.6). */
const spExecuteSql = 10;

function skipAllHeaders(reader: ByteReader): void {
  const total = reader.u32();
  reader.skip(total - 4);
}

export function parseClientRequest(type: number, payload: Buffer): ClientRequest {
  const reader = new ByteReader(payload);
  skipAllHeaders(reader);
  if (type === packetType.sqlBatch) {
    return { kind: 'batch', sql: reader.rest().toString('ucs2'), declaration: '', parameters: [] };
  }
  const nameLength = reader.u16();
  const procedure =
    nameLength === 0xffff ? reader.u16() : reader.take(nameLength * 2).toString('ucs2');
  reader.u16(); // option flags
  const parameters: RpcParameter[] = [];
  while (!reader.done) parameters.push(readRpcParameter(reader));
  const isExecuteSql =
    procedure === spExecuteSql ||
    (typeof procedure === 'string' && /sp_executesql$/i.test(procedure));
  if (!isExecuteSql) return { kind: 'rpc', sql: String(procedure), declaration: '', parameters };
  const [statement, declaration, ...values] = parameters;
  return {
    kind: 'sp_executesql',
    sql: String(statement?.value ?? ''),
    declaration: String(declaration?.value ?? ''),
    parameters: values,
  };
}
