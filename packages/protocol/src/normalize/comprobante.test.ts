import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatComprobante, parseComprobante } from './comprobante.ts';

const puntoVenta = fc.integer({ min: 1, max: 99_999 });
const numero = fc.integer({ min: 1, max: 99_999_999 });

const padded = (value: number, width: fc.Arbitrary<number>) =>
  width.map((extra) => String(value).padStart(String(value).length + extra, '0'));

/** A written form of (pv, n): random padding, optional type in front, random separator. */
function writtenForm(pv: number, n: number): fc.Arbitrary<string> {
  const separated = fc
    .record({
      prefix: fc.constantFrom(
        '',
        'A',
        'b',
        'C-',
        'E ',
        'm',
        'T-',
        'FC A ',
        'Factura B N° ',
        'Nro. ',
      ),
      pv: padded(pv, fc.integer({ min: 0, max: 5 - String(pv).length })),
      separator: fc.constantFrom('-', ' ', '/', ' - ', '  ', ' / '),
      n: padded(n, fc.integer({ min: 0, max: 8 - String(n).length })),
    })
    .map(({ prefix, pv, separator, n }) => `${prefix}${pv}${separator}${n}`);
  const bare = fc.constant(
    `${String(pv).padStart(pv < 10_000 ? 4 : 5, '0')}${String(n).padStart(8, '0')}`,
  );
  return fc.oneof(separated, bare);
}

const written = fc
  .tuple(puntoVenta, numero)
  .chain(([pv, n]) => writtenForm(pv, n).map((text) => ({ pv, n, text })));

describe('parseComprobante', () => {
  it.each([
    ['A-0001-00001234', 1, 1234, '0001-00001234'],
    ['0001-00001234', 1, 1234, '0001-00001234'],
    ['00001-00001234', 1, 1234, '0001-00001234'],
    ['1-1234', 1, 1234, '0001-00001234'],
    ['A 0001 00001234', 1, 1234, '0001-00001234'],
    ['12345-00000001', 12345, 1, '12345-00000001'],
    ['000100001234', 1, 1234, '0001-00001234'],
    ['1234500001234', 12345, 1234, '12345-00001234'],
    ['  FCA 0002-99999999  ', 2, 99_999_999, '0002-99999999'],
    ['Nota de Crédito B Nº 3-45', 3, 45, '0003-00000045'],
    ['N/C A - 0003 - 00000045', 3, 45, '0003-00000045'],
  ])('reads %j', (text, pv, n, numeroComprobante) => {
    expect(parseComprobante(text)).toEqual({ puntoVenta: pv, numero: n, numeroComprobante });
  });

  it.each([
    '',
    'A',
    '1234',
    '0001',
    '000000-00001234',
    '0001-000001234',
    '0001-0000I234',
    '0001.00001234',
    '0000-00001234',
    '0001-00000000',
    '00010000123',
    'X 0001-00001234',
    '0001-00001234 A',
    '0001-00001234-5',
  ])('rejects %j', (text) => {
    expect(parseComprobante(text)).toBeNull();
  });

  it('reads any written form back to its punto de venta and número', () => {
    fc.assert(
      fc.property(written, ({ pv, n, text }) => {
        const parsed = parseComprobante(text);
        return (
          parsed !== null &&
          parsed.puntoVenta === pv &&
          parsed.numero === n &&
          parsed.numeroComprobante === formatComprobante(pv, n)
        );
      }),
    );
  });

  it('is the inverse of formatComprobante and idempotent on its own output', () => {
    fc.assert(
      fc.property(puntoVenta, numero, (pv, n) => {
        const parsed = parseComprobante(formatComprobante(pv, n));
        return (
          parsed?.puntoVenta === pv &&
          parsed.numero === n &&
          parseComprobante(parsed.numeroComprobante)?.numeroComprobante === parsed.numeroComprobante
        );
      }),
    );
  });

  it('rejects a número of more than 8 significant digits', () => {
    fc.assert(
      fc.property(puntoVenta, fc.integer({ min: 100_000_000, max: 999_999_999 }), (pv, n) => {
        return parseComprobante(`${pv}-${n}`) === null;
      }),
    );
  });
});

describe('formatComprobante', () => {
  it('pads to 4 + 8 digits and keeps a 5-digit punto de venta', () => {
    expect(formatComprobante(1, 1234)).toBe('0001-00001234');
    expect(formatComprobante(99_999, 99_999_999)).toBe('99999-99999999');
  });
});
