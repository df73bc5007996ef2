import { ByteWriter } from './byte-writer.ts';

/** Data-stream token bytes (MS-TDS 2.2.7) this server writes. */
export const token = {
  returnStatus: 0x79,
  colMetadata: 0x81,
  error: 0xaa,
  info: 0xab,
  loginAck: 0xad,
  row: 0xd1,
  envChange: 0xe3,
  done: 0xfd,
  doneProc: 0xfe,
  doneInProc: 0xff,
} as const;

/** DONE status bits. */
export const doneStatus = { final: 0x00, more: 0x01, error: 0x02, count: 0x10, attention: 0x20 };

/** CurCmd of a DONE token: 0xC1 for a SELECT, 0xE0 for EXECUTE (DONEPROC). */
export const command = { none: 0x00, select: 0xc1, execute: 0xe0 };

/** SQL_Latin1_General_CP1_CI_AS: LCID 0x0409, ignore case/kana/width, sort id 52 (CP1252). */
export const latin1Collation = Buffer.from([0x09, 0x04, 0xd0, 0x00, 0x34]);

function withLength(tokenByte: number, body: Buffer): Buffer {
  return new ByteWriter().u8(tokenByte).u16(body.length).bytes(body).toBuffer();
}

export const envChangeType = { database: 1, language: 2, packetSize: 4, collation: 7 } as const;

export function envChange(type: number, newValue: string, oldValue: string): Buffer {
  return withLength(
    token.envChange,
    new ByteWriter().u8(type).bVarchar(newValue).bVarchar(oldValue).toBuffer(),
  );
}

export function collationChange(collation: Buffer): Buffer {
  const body = new ByteWriter().u8(envChangeType.collation).u8(collation.length);
  return withLength(token.envChange, body.bytes(collation).u8(0).toBuffer());
}

export interface ServerMessage {
  number: number;
  message: string;
  /** Severity: 0–10 informational, 14 login failed, 16 user error, 20+ fatal. */
  severity?: number;
  state?: number;
  line?: number;
}

/** An ERROR token, or an INFO token when `kind` is `info`. */
export function serverMessage(kind: 'error' | 'info', message: ServerMessage): Buffer {
  const body = new ByteWriter()
    .i32(message.number)
    .u8(message.state ?? 1)
    .u8(message.severity ?? (kind === 'error' ? 16 : 0))
    .usVarchar(message.message)
    .bVarchar('cotejo-tds-test')
    .bVarchar('')
    .i32(message.line ?? 1)
    .toBuffer();
  return withLength(kind === 'error' ? token.error : token.info, body);
}

/** LOGINACK for T-SQL, TDS 7.4, "Microsoft SQL Server" 16.0. */
export function loginAck(): Buffer {
  const body = new ByteWriter()
    .u8(1)
    .bytes(Buffer.from([0x74, 0x00, 0x00, 0x04]))
    .bVarchar('Microsoft SQL Server')
    .bytes(Buffer.from([16, 0, 0x10, 0x00]))
    .toBuffer();
  return withLength(token.loginAck, body);
}

export function done(
  kind: 'done' | 'doneProc' | 'doneInProc',
  status: number,
  curCmd: number,
  rowCount = 0,
): Buffer {
  return new ByteWriter().u8(token[kind]).u16(status).u16(curCmd).u64(rowCount).toBuffer();
}

export function returnStatus(value: number): Buffer {
  return new ByteWriter().u8(token.returnStatus).i32(value).toBuffer();
}
