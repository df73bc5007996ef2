import { describe, expect, it } from 'vitest';
import { parseTipoComprobante, sameTipoComprobante } from './tipo-comprobante.ts';

describe('parseTipoComprobante', () => {
  it.each([
    ['A', { letra: 'A' }],
    ['b', { letra: 'B' }],
    ['Factura A', { clase: 'FACTURA', letra: 'A' }],
    ['FACTURA', { clase: 'FACTURA' }],
    ['FC', { clase: 'FACTURA' }],
    ['FCC', { clase: 'FACTURA', letra: 'C' }],
    ['FC-A', { clase: 'FACTURA', letra: 'A' }],
    ['FA', { clase: 'FACTURA', letra: 'A' }],
    ['FCE A', { clase: 'FACTURA', letra: 'A' }],
    ['Nota de Crédito B', { clase: 'NOTA_DE_CREDITO', letra: 'B' }],
    ['N/C A', { clase: 'NOTA_DE_CREDITO', letra: 'A' }],
    ['NDA', { clase: 'NOTA_DE_DEBITO', letra: 'A' }],
    ['recibo m', { clase: 'RECIBO', letra: 'M' }],
    ['1', { clase: 'FACTURA', letra: 'A' }],
    ['008', { clase: 'NOTA_DE_CREDITO', letra: 'B' }],
    ['13', { clase: 'NOTA_DE_CREDITO', letra: 'C' }],
    ['201', { clase: 'FACTURA', letra: 'A' }],
    ['53', { clase: 'NOTA_DE_CREDITO', letra: 'M' }],
  ])('reads %j', (written, tipo) => {
    expect(parseTipoComprobante(written)).toEqual(tipo);
  });

  it.each(['', 'X', 'Presupuesto', '5', '999', 'Factura Z'])('does not read %j', (written) => {
    expect(parseTipoComprobante(written)).toBeNull();
  });
});

describe('sameTipoComprobante', () => {
  it.each([
    ['A', 'Factura A'],
    ['Factura A', '1'],
    ['FC', 'FCB'],
    ['Nota de crédito B', 'NC'],
    ['Presupuesto', ' PRESUPUESTO '],
  ])('%j and %j are the same', (a, b) => {
    expect(sameTipoComprobante(a, b)).toBe(true);
  });

  it.each([
    ['A', 'B'],
    ['Factura A', 'Nota de Crédito A'],
    ['1', '6'],
    ['Presupuesto', 'Remito'],
    ['Factura A', 'Presupuesto'],
  ])('%j and %j differ', (a, b) => {
    expect(sameTipoComprobante(a, b)).toBe(false);
  });
});
