import mssql from 'mssql';
import type { DriverParam, ParameterType } from '../driver.ts';

/** Up to 15 significant digits: what a binary double carries exactly, as tedious needs. */
const exactDecimal = /^-?(?=(?:\D*\d){1,15}\D*$)\d+(?:\.(\d{1,6}))?$/;

function isAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/**
 * The SQL Server type for one bound value. Text is `varchar` when it is plain ASCII — so a
 * `varchar` column compared with it keeps its index seek instead of being converted to
 * `nvarchar` — and `nvarchar` otherwise. Decimals carry their own scale.
 */
export function parameterFor(
  value: DriverParam,
  type: ParameterType | undefined,
): { type: mssql.ISqlType; value: unknown } {
  if (value === null) return { type: mssql.NVarChar(1), value: null };
  const declared =
    type ??
    (typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'decimal') : 'string');
  switch (declared) {
    case 'integer': {
      const number = Number(value);
      const small = Math.abs(number) < 2 ** 31;
      return { type: small ? mssql.Int() : mssql.BigInt(), value: small ? number : String(value) };
    }
    case 'decimal': {
      const text = String(value);
      const match = exactDecimal.exec(text);
      if (!match) throw new RangeError(`decimal con más de 15 dígitos: ${text}`);
      return { type: mssql.Decimal(18, match[1]?.length ?? 0), value: text };
    }
    case 'date':
      return { type: mssql.Date(), value: new Date(`${String(value)}T00:00:00Z`) };
    case 'boolean':
      return { type: mssql.Bit(), value: value === 1 || value === '1' || value === 'true' };
    case 'string': {
      const text = String(value);
      const length = Math.max(1, text.length);
      return { type: isAscii(text) ? mssql.VarChar(length) : mssql.NVarChar(length), value: text };
    }
  }
}
