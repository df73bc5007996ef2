import type { ByteReader } from './byte-reader.ts';

/** A parameter as the client sent it: its TDS type byte, declared size, and decoded value. */
export interface RpcParameter {
  name: string;
  typeId: number;
  /** decimal precision and scale, or the time scale of datetime2 / time. */
  precision?: number;
  scale?: number;
  /** Declared byte length of sized types (0xFFFF means MAX). */
  maxLength?: number;
  /** Numbers, booleans, decimal strings ("10.5000"), dates as "YYYY-MM-DD[ hh:mm:ss.fff]". */
  value: string | number | boolean | null;
}

const dayMs = 86_400_000;
const allOnes = Buffer.alloc(8, 0xff);

export function formatScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

function unsignedLittleEndian(bytes: Buffer): bigint {
  let value = 0n;
  for (let index = bytes.length - 1; index >= 0; index -= 1) {
    value = (value << 8n) | BigInt(bytes[index] ?? 0);
  }
  return value;
}

function isoTimestamp(millis: number, withTime: boolean): string {
  const iso = new Date(millis).toISOString();
  return withTime ? iso.slice(0, 23).replace('T', ' ') : iso.slice(0, 10);
}

/** days since 0001-01-01 (3 bytes) → UTC milliseconds. */
function dateMillis(bytes: Buffer): number {
  return (bytes.readUIntLE(0, 3) - 719_162) * dayMs;
}

function readPlp(reader: ByteReader): Buffer | null {
  const total = reader.take(8);
  if (total.equals(allOnes)) return null;
  const chunks: Buffer[] = [];
  for (let length = reader.u32(); length !== 0; length = reader.u32()) {
    chunks.push(reader.take(length));
  }
  return Buffer.concat(chunks);
}

function decodeFixedLength(typeId: number, data: Buffer): RpcParameter['value'] {
  switch (typeId) {
    case 0x26: // INTN
      return data.length === 8
        ? Number.isSafeInteger(Number(data.readBigInt64LE(0)))
          ? Number(data.readBigInt64LE(0))
          : data.readBigInt64LE(0).toString()
        : data.readIntLE(0, data.length);
    case 0x68: // BITN
      return data.readUInt8(0) !== 0;
    case 0x6d: // FLTN
      return data.length === 8 ? data.readDoubleLE(0) : data.readFloatLE(0);
    case 0x6e: // MONEYN
      return data.length === 8
        ? formatScaled((BigInt(data.readInt32LE(0)) << 32n) + BigInt(data.readUInt32LE(4)), 4)
        : formatScaled(BigInt(data.readInt32LE(0)), 4);
    case 0x6f: {
      // DATETIMN
      if (data.length === 4) {
        return isoTimestamp(
          (data.readUInt16LE(0) - 25_567) * dayMs + data.readUInt16LE(2) * 60_000,
          true,
        );
      }
      const days = data.readInt32LE(0) - 25_567;
      return isoTimestamp(days * dayMs + Math.round((data.readUInt32LE(4) * 10) / 3), true);
    }
    default:
      throw new Error(`TDS: tipo de parámetro 0x${typeId.toString(16)} no soportado`);
  }
}

/** Reads one RPC parameter (MS-TDS 2.2.6.6 ParameterData). */
export function readRpcParameter(reader: ByteReader): RpcParameter {
  const name = reader.bVarchar();
  reader.u8(); // status flags (output parameters are not used)
  const typeId = reader.u8();
  switch (typeId) {
    case 0x26:
    case 0x68:
    case 0x6d:
    case 0x6e:
    case 0x6f: {
      const maxLength = reader.u8();
      const length = reader.u8();
      const value = length === 0 ? null : decodeFixedLength(typeId, reader.take(length));
      return { name, typeId, maxLength, value };
    }
    case 0x6a:
    case 0x6c: {
      const maxLength = reader.u8();
      const precision = reader.u8();
      const scale = reader.u8();
      const length = reader.u8();
      if (length === 0) return { name, typeId, maxLength, precision, scale, value: null };
      const positive = reader.u8() === 1;
      const magnitude = unsignedLittleEndian(reader.take(length - 1));
      const value = formatScaled(positive ? magnitude : -magnitude, scale);
      return { name, typeId, maxLength, precision, scale, value };
    }
    case 0x28: {
      const length = reader.u8();
      const value = length === 0 ? null : isoTimestamp(dateMillis(reader.take(3)), false);
      return { name, typeId, value };
    }
    case 0x2a: {
      const scale = reader.u8();
      const length = reader.u8();
      if (length === 0) return { name, typeId, scale, value: null };
      const data = reader.take(length);
      const timeLength = length - 3;
      const units = unsignedLittleEndian(data.subarray(0, timeLength));
      const timeMs = Number((units * 1000n) / 10n ** BigInt(scale));
      const value = isoTimestamp(dateMillis(data.subarray(timeLength)) + timeMs, true);
      return { name, typeId, scale, value };
    }
    case 0xa7:
    case 0xaf:
    case 0xe7:
    case 0xef: {
      const maxLength = reader.u16();
      reader.skip(5); // collation
      const data = maxLength === 0xffff ? readPlp(reader) : readSized(reader);
      const encoding = typeId === 0xe7 || typeId === 0xef ? 'ucs2' : 'latin1';
      return { name, typeId, maxLength, value: data === null ? null : data.toString(encoding) };
    }
    default:
      throw new Error(`TDS: tipo de parámetro 0x${typeId.toString(16)} no soportado`);
  }
}

function readSized(reader: ByteReader): Buffer | null {
  const length = reader.u16();
  return length === 0xffff ? null : reader.take(length);
}
