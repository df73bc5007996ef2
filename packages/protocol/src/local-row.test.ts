import { describe, expect, it } from 'vitest';
import { normalizeLocalRow } from './compare.ts';
import { readLocalRow } from './local-row.ts';

describe('normalizeLocalRow', () => {
  it('normalizes every field an ERP row carries', () => {
    expect(
      normalizeLocalRow({
        tipoComprobante: ' FA ',
        numeroComprobante: 'A-0001-00001234',
        cuit: '30-50001770-4',
        fecha: '2024-03-05T03:00:00.000Z',
        importe: '1.234,56',
        moneda: 'ars',
        razonSocial: '  Proveedor SA ',
        cae: '74123456789012',
      }),
    ).toEqual({
      tipoComprobante: 'FA',
      puntoVenta: 1,
      numero: 1234,
      numeroComprobante: '0001-00001234',
      cuit: '30500017704',
      fecha: '2024-03-05',
      importe: '1234.56',
      moneda: 'ARS',
      razonSocial: 'Proveedor SA',
      cae: '74123456789012',
    });
  });

  it('builds the comprobante from punto de venta and número, numbers included', () => {
    expect(normalizeLocalRow({ puntoVenta: 12345, numero: '00001234' })).toEqual({
      puntoVenta: 12345,
      numero: 1234,
      numeroComprobante: '12345-00001234',
    });
  });

  it('falls back to punto de venta and número when numeroComprobante does not read', () => {
    expect(normalizeLocalRow({ numeroComprobante: 1234, puntoVenta: 1, numero: 1234 })).toEqual({
      puntoVenta: 1,
      numero: 1234,
      numeroComprobante: '0001-00001234',
    });
  });

  it('reads numbers from the driver exactly as written', () => {
    expect(normalizeLocalRow({ importe: 1.234, cuit: 30500017704 })).toEqual({
      importe: '1.23',
      cuit: '30500017704',
    });
  });

  it('reads database decimals with a decimal point, whatever their scale', () => {
    expect(normalizeLocalRow({ importe: '1.500' }).importe).toBe('1.50');
    expect(normalizeLocalRow({ importe: '-12.3400' }).importe).toBe('-12.34');
    expect(normalizeLocalRow({ importe: '1.234,56' }).importe).toBe('1234.56');
  });

  it('leaves out null, blank and unreadable values, and keeps the unreadable text aside', () => {
    const row = {
      numeroComprobante: 'sin número',
      cuit: '30-5000',
      fecha: '31/02/2024',
      importe: 'n/d',
      razonSocial: '   ',
      cae: null,
    };
    expect(normalizeLocalRow(row)).toEqual({});
    expect(readLocalRow(row).unreadable).toEqual({
      numeroComprobante: 'sin número',
      cuit: '30-5000',
      fecha: '31/02/2024',
      importe: 'n/d',
    });
  });
});
