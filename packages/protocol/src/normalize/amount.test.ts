import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountFromNumber, amountsWithin, centsFromAmount, parseAmount } from './amount.ts';

const maxCents = 10n ** 15n - 1n; // 13 integer digits + 2 decimals
const cents = fc.bigInt({ min: -maxCents, max: maxCents });

/** Independent oracle: cents → canonical text. */
function canonical(value: bigint): string {
  const magnitude = value < 0n ? -value : value;
  const fraction = String(magnitude % 100n).padStart(2, '0');
  return `${value < 0n ? '-' : ''}${magnitude / 100n}.${fraction}`;
}

function grouped(integer: string, separator: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** The ways people and systems write the same amount. */
function writtenForms(value: bigint): string[] {
  const [sign, body] = canonical(value).startsWith('-')
    ? ['-', canonical(value).slice(1)]
    : ['', canonical(value)];
  const [integer = '', fraction = ''] = body.split('.');
  return [
    `${sign}${grouped(integer, '.')},${fraction}`,
    `${sign}${integer},${fraction}`,
    `${sign}${grouped(integer, ',')}.${fraction}`,
    `${sign}${integer}.${fraction}`,
    `$ ${sign}${grouped(integer, '.')},${fraction}`,
    `${sign}$${grouped(integer, '\u00a0')},${fraction}`,
    `ARS ${sign}${integer}.${fraction}`,
    `${sign}${grouped(integer, '.')},${fraction} ARS`,
  ];
}

describe('parseAmount', () => {
  it.each([
    ['1.234,56', '1234.56'],
    ['1,234.56', '1234.56'],
    ['1234.56', '1234.56'],
    ['1234,5', '1234.50'],
    ['1.234', '1234.00'],
    ['1,234', '1234.00'],
    ['123.456.789', '123456789.00'],
    ['0,123', '0.12'],
    ['0,125', '0.13'],
    ['1234.567', '1234.57'],
    ['-1234,565', '-1234.57'],
    ['-0,001', '0.00'],
    ['0001234,5', '1234.50'],
    ['.5', '0.50'],
    ['+12', '12.00'],
    ['$ -1.234,56', '-1234.56'],
    ['-$1.234,56', '-1234.56'],
    ['AR$ 10', '10.00'],
    ['9999999999999,994', '9999999999999.99'],
  ])('reads %j as %s', (written, amount) => {
    expect(parseAmount(written)).toBe(amount);
  });

  it.each([
    '',
    ' ',
    'abc',
    '12,',
    '1.2.3',
    '1.23.456',
    '1,234.567,8',
    '--5',
    '-$-5',
    '1e5',
    '12 34a',
    'US$ 10',
    '9999999999999,995',
    '99999999999999',
  ])('rejects %j', (written) => {
    expect(parseAmount(written)).toBeNull();
  });

  it('reads every common written form of an amount back to the same canonical value', () => {
    fc.assert(
      fc.property(cents, (value) =>
        writtenForms(value).every((written) => parseAmount(written) === canonical(value)),
      ),
    );
  });

  it('is idempotent on its own output', () => {
    fc.assert(fc.property(cents, (value) => parseAmount(canonical(value)) === canonical(value)));
  });

  it('rounds extra decimals half-up, away from zero', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: 3, max: 6 }),
        fc.boolean(),
        (integer, places, negative) => {
          const fraction = String(integer % 10n ** BigInt(places)).padStart(places, '0');
          const written = `${negative ? '-' : ''}${integer}.${fraction}`;
          const scale = 10n ** BigInt(places - 2);
          const scaled = integer * 10n ** BigInt(places) + (integer % 10n ** BigInt(places));
          const rounded = (scaled + scale / 2n) / scale;
          const expected = canonical(negative ? -rounded : rounded);
          const integerDigits = String(integer);
          // "1.234"-style input with a 1–3 digit integer part is thousands, not decimals.
          if (places === 3 && /^[1-9]\d{0,2}$/.test(integerDigits)) return true;
          return parseAmount(written) === expected;
        },
      ),
    );
  });
});

describe('amountFromNumber', () => {
  it.each([
    [1.234, '1.23'],
    [1.005, '1.01'],
    [0.1 + 0.2, '0.30'],
    [1234.5, '1234.50'],
    [-0.004, '0.00'],
    [1e-7, '0.00'],
    [100, '100.00'],
  ])('reads %d as %s', (value, amount) => {
    expect(amountFromNumber(value)).toBe(amount);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, 1e21, 1e14])('rejects %d', (value) => {
    expect(amountFromNumber(value)).toBeNull();
  });
});

describe('amountsWithin', () => {
  it('compares exactly, with no binary float error', () => {
    expect(amountsWithin('0.30', '0.32', '0.02')).toBe(true); // 0.32 - 0.30 > 0.02 in floats
    expect(amountsWithin('0.30', '0.33', '0.02')).toBe(false);
    expect(amountsWithin('100.00', '100.01')).toBe(true);
    expect(amountsWithin('100.00', '100.02')).toBe(false);
    expect(amountsWithin('-5.00', '5.00', '10')).toBe(true);
    expect(amountsWithin('100.00', '100.00', '0')).toBe(true);
    expect(amountsWithin('100.00', '100.01', '0.0')).toBe(false);
  });

  it('holds exactly when the cents differ by at most the tolerance', () => {
    fc.assert(
      fc.property(
        cents,
        fc.bigInt({ min: -1000n, max: 1000n }),
        fc.bigInt({ min: 0n, max: 1000n }),
        (base, delta, tolerance) =>
          amountsWithin(canonical(base), canonical(base + delta), canonical(tolerance)) ===
          (delta < 0n ? -delta : delta) <= tolerance,
      ),
    );
  });

  it('reads a tolerance with any number of decimals, exactly', () => {
    expect(amountsWithin('1.00', '1.01', '0.0100')).toBe(true);
    expect(amountsWithin('1.00', '1.02', '0.0199')).toBe(false);
    expect(amountsWithin('1.00', '1.01', '0.005')).toBe(false);
    expect(amountsWithin('1.00', '1.05', '0,05')).toBe(true);
  });

  it('refuses a malformed or negative tolerance', () => {
    expect(() => amountsWithin('1.00', '1.00', '1.000,5')).toThrow(RangeError);
    expect(() => amountsWithin('1.00', '1.00', '-0.01')).toThrow(RangeError);
    expect(() => amountsWithin('1,00', '1.00')).toThrow(RangeError);
  });

  it('reads cents from plain decimals', () => {
    expect(centsFromAmount('-100.5')).toBe(-10050n);
    expect(centsFromAmount('7')).toBe(700n);
  });
});
