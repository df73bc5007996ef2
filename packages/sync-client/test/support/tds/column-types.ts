import { ByteWriter } from './byte-writer.ts';
import { latin1Collation } from './tokens.ts';

/** The SQL Server column types this server can send (MS-TDS 2.2.5.4). */
export type ColumnType =
  | { name: 'int' | 'bigint' | 'bit' | 'float' | 'money' | 'datetime' | 'date' }
  | { name: 'decimal'; precision: number; scale: number }
  | { name: 'datetime2'; scale: number }
  | { name: 'varchar' | 'nvarchar'; length: number };

export type ColumnValue = string | number | bigint | boolean | Date | null;

export interface Column {
  name: string;
  type: ColumnType;
}

const typeByte = {
  intN: 0x26,
  bitN: 0x68,
  floatN: 0x6d,
  decimalN: 0x6a,
  moneyN: 0x6e,
  datetimeN: 0x6f,
  date: 0x28,
  datetime2: 0x2a,
  bigVarChar: 0xa7,
  nVarChar: 0xe7,
} as const;

const dayMs = 86_400_000;
/** Days from 0001-01-01 to 1970-01-01, and from 1900-01-01 to 1970-01-01. */
const epochDaysFrom0001 = 719_162;
const epochDaysFrom1900 = 25_567;

/** Storage bytes of decimal(p, s) by precision. */
export function decimalLength(precision: number): number {
  if (precision <= 9) return 5;
  if (precision <= 19) return 9;
  return precision <= 28 ? 13 : 17;
}

export function typeInfo(type: ColumnType): Buffer {
  const info = new ByteWriter();
  switch (type.name) {
    case 'int':
      return info.u8(typeByte.intN).u8(4).toBuffer();
    case 'bigint':
      return info.u8(typeByte.intN).u8(8).toBuffer();
    case 'bit':
      return info.u8(typeByte.bitN).u8(1).toBuffer();
    case 'float':
      return info.u8(typeByte.floatN).u8(8).toBuffer();
    case 'money':
      return info.u8(typeByte.moneyN).u8(8).toBuffer();
    case 'datetime':
      return info.u8(typeByte.datetimeN).u8(8).toBuffer();
    case 'date':
      return info.u8(typeByte.date).toBuffer();
    case 'datetime2':
      return info.u8(typeByte.datetime2).u8(type.scale).toBuffer();
    case 'decimal':
      return info
        .u8(typeByte.decimalN)
        .u8(decimalLength(type.precision))
        .u8(type.precision)
        .u8(type.scale)
        .toBuffer();
    case 'varchar':
      return info.u8(typeByte.bigVarChar).u16(type.length).bytes(latin1Collation).toBuffer();
    case 'nvarchar':
      return info
        .u8(typeByte.nVarChar)
        .u16(type.length * 2)
        .bytes(latin1Collation)
        .toBuffer();
  }
}

/** "-12.5" at scale 2 → -1250n; numbers go through their fixed-point text first. */
export function scaledInteger(value: string | number | bigint, scale: number): bigint {
  const text = typeof value === 'number' ? value.toFixed(scale) : String(value).trim();
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match) throw new TypeError(`no es un número decimal: ${text}`);
  const [, sign = '', integer = '', fraction = ''] = match;
  const digits = BigInt(`${integer || '0'}${fraction.padEnd(scale, '0').slice(0, scale)}`);
  return sign === '-' ? -digits : digits;
}

/** A timestamp value as UTC milliseconds; strings without a zone are read as UTC. */
function utcMillis(value: ColumnValue): number {
  if (value instanceof Date) return value.getTime();
  const text = String(value).trim().replace(' ', 'T');
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(text) || !text.includes('T') ? text : `${text}Z`;
  const millis = Date.parse(/T/.test(zoned) ? zoned : `${zoned}T00:00:00Z`);
  if (Number.isNaN(millis)) throw new TypeError(`no es una fecha: ${String(value)}`);
  return millis;
}

function nullValue(type: ColumnType): Buffer {
  return type.name === 'varchar' || type.name === 'nvarchar'
    ? Buffer.from([0xff, 0xff])
    : Buffer.from([0]);
}

function lengthPrefixed(bytes: Buffer): Buffer {
  return Buffer.concat([Buffer.from([bytes.length]), bytes]);
}

/** One value of a ROW token, encoded as `type` says. */
export function encodeValue(type: ColumnType, value: ColumnValue): Buffer {
  if (value === null) return nullValue(type);
  const bytes = Buffer.alloc(17);
  switch (type.name) {
    case 'int':
      bytes.writeInt32LE(Number(value));
      return lengthPrefixed(bytes.subarray(0, 4));
    case 'bigint':
      bytes.writeBigInt64LE(BigInt(value instanceof Date ? value.getTime() : value));
      return lengthPrefixed(bytes.subarray(0, 8));
    case 'bit':
      return lengthPrefixed(Buffer.from([value === true || Number(value) !== 0 ? 1 : 0]));
    case 'float':
      bytes.writeDoubleLE(Number(value));
      return lengthPrefixed(bytes.subarray(0, 8));
    case 'money': {
      const units = BigInt.asUintN(64, scaledInteger(decimalInput(value), 4));
      bytes.writeUInt32LE(Number(units >> 32n), 0);
      bytes.writeUInt32LE(Number(units & 0xffffffffn), 4);
      return lengthPrefixed(bytes.subarray(0, 8));
    }
    case 'decimal': {
      const scaled = scaledInteger(decimalInput(value), type.scale);
      const length = decimalLength(type.precision);
      bytes.writeUInt8(scaled < 0n ? 0 : 1, 0);
      let magnitude = scaled < 0n ? -scaled : scaled;
      for (let index = 1; index < length; index += 1) {
        bytes.writeUInt8(Number(magnitude & 0xffn), index);
        magnitude >>= 8n;
      }
      return lengthPrefixed(bytes.subarray(0, length));
    }
    case 'datetime': {
      const millis = utcMillis(value);
      const days = Math.floor(millis / dayMs);
      bytes.writeInt32LE(days + epochDaysFrom1900, 0);
      bytes.writeUInt32LE(Math.round(((millis - days * dayMs) * 3) / 10), 4);
      return lengthPrefixed(bytes.subarray(0, 8));
    }
    case 'date': {
      bytes.writeUIntLE(Math.floor(utcMillis(value) / dayMs) + epochDaysFrom0001, 0, 3);
      return lengthPrefixed(bytes.subarray(0, 3));
    }
    case 'datetime2': {
      const millis = utcMillis(value);
      const days = Math.floor(millis / dayMs);
      const timeLength = type.scale <= 2 ? 3 : type.scale <= 4 ? 4 : 5;
      const units = (BigInt(millis - days * dayMs) * 10n ** BigInt(type.scale)) / 1000n;
      for (let index = 0; index < timeLength; index += 1) {
        bytes.writeUInt8(Number((units >> BigInt(8 * index)) & 0xffn), index);
      }
      bytes.writeUIntLE(days + epochDaysFrom0001, timeLength, 3);
      return lengthPrefixed(bytes.subarray(0, timeLength + 3));
    }
    case 'varchar':
    case 'nvarchar': {
      const text = value instanceof Date ? value.toISOString() : String(value);
      const data = Buffer.from(text, type.name === 'varchar' ? 'latin1' : 'ucs2');
      return new ByteWriter().u16(data.length).bytes(data).toBuffer();
    }
  }
}

function decimalInput(value: Exclude<ColumnValue, null>): string | number | bigint {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) throw new TypeError('una fecha no es un decimal');
  return value;
}
