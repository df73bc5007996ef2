import { describe, expect, it } from 'vitest';
import { toLocalRow } from './map-row.ts';

describe('toLocalRow', () => {
  it('matches aliases to canonical fields regardless of case and drops the rest', () => {
    expect(
      toLocalRow({
        NUMEROCOMPROBANTE: '0001-00000001',
        razonsocial: 'ACME',
        interno: 7,
        Importe: '1.00',
      }),
    ).toEqual({ numeroComprobante: '0001-00000001', razonSocial: 'ACME', importe: '1.00' });
  });
});
