import { invoiceInputSchema } from '@cotejo/protocol';
import { describe, expect, it } from 'vitest';
import { parseBody } from './parse-body.ts';

describe('parseBody', () => {
  it('returns the parsed value', () => {
    const invoice = parseBody(invoiceInputSchema, {
      numeroComprobante: '1-100',
      cuit: '30-50001770-4',
      fecha: '15/03/2026',
      importe: '1.500,00',
    });
    expect(invoice).toMatchObject({ numeroComprobante: '0001-00000100', importe: '1500.00' });
  });

  it('summarizes every issue in Spanish as BAD_REQUEST', () => {
    expect(() => parseBody(invoiceInputSchema, { cuit: 5 })).toThrow(
      expect.objectContaining({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(
          /^Datos inválidos: cuit: .*se esperaba texto.*fecha: /,
        ) as unknown,
      }) as Error,
    );
  });
});
