import { describe, expect, it } from 'vitest';
import { invoiceInputSchema } from './invoice.ts';

const input = { numeroComprobante: 'A 1-1234', cuit: '30-50001770-4', fecha: '05/03/2024' };

describe('invoiceInputSchema', () => {
  it('normalizes every field to its canonical form', () => {
    expect(invoiceInputSchema.parse({ ...input, importe: '1.234,56', moneda: 'ars' })).toEqual({
      puntoVenta: 1,
      numero: 1234,
      numeroComprobante: '0001-00001234',
      cuit: '30500017704',
      fecha: '2024-03-05',
      importe: '1234.56',
      moneda: 'ARS',
    });
  });

  it('reads a JSON number amount as a plain decimal', () => {
    expect(invoiceInputSchema.parse({ ...input, importe: 1.234 }).importe).toBe('1.23');
  });

  it('reports each unreadable field', () => {
    const result = invoiceInputSchema.safeParse({ cuit: '123', fecha: '31/02/2024', importe: 'x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'cuit',
      'fecha',
      'importe',
      'numeroComprobante',
    ]);
  });
});
