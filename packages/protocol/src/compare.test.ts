import { describe, expect, it } from 'vitest';
import { compareInvoice } from './compare.ts';
import type { CanonicalInvoice, LocalRow } from './invoice.ts';

const cloud: CanonicalInvoice = {
  tipoComprobante: 'A',
  puntoVenta: 1,
  numero: 1234,
  numeroComprobante: '0001-00001234',
  cuit: '30500017704',
  fecha: '2024-03-05',
  importe: '100.00',
};

const sameInvoice: LocalRow = {
  tipoComprobante: 'Factura A',
  numeroComprobante: 'A-0001-00001234',
  cuit: '30-50001770-4',
  fecha: '05/03/2024',
  importe: '100,00',
};

describe('compareInvoice', () => {
  it('gives NO_ENCONTRADO without rows', () => {
    expect(compareInvoice(cloud, [])).toEqual({
      status: 'NO_ENCONTRADO',
      exists: false,
      matches: false,
      differences: [],
      duplicates: 0,
      local: [],
    });
  });

  it('gives OK for the same invoice written differently', () => {
    const verdict = compareInvoice(cloud, [
      { ...sameInvoice, numeroComprobante: null, puntoVenta: '00001', numero: 1234 },
    ]);
    expect(verdict).toMatchObject({ status: 'OK', exists: true, matches: true, duplicates: 0 });
    expect(verdict.differences).toEqual([]);
    expect(verdict.local[0]).toMatchObject({
      numeroComprobante: '0001-00001234',
      importe: '100.00',
    });
  });

  it('treats an amount within the tolerance as equal and one beyond it as a difference', () => {
    expect(compareInvoice(cloud, [{ ...sameInvoice, importe: '100.01' }]).status).toBe('OK');
    expect(compareInvoice(cloud, [{ ...sameInvoice, importe: '99,99' }]).status).toBe('OK');
    expect(compareInvoice(cloud, [{ ...sameInvoice, importe: '100.02' }])).toMatchObject({
      status: 'DIFERENCIAS',
      exists: true,
      matches: false,
      differences: [{ field: 'importe', cloud: '100.00', local: '100.02' }],
    });
  });

  it('takes the tolerance as an option', () => {
    const row = { ...sameInvoice, importe: 100.5 };
    expect(compareInvoice(cloud, [row], { amountTolerance: '0.50' }).status).toBe('OK');
    expect(compareInvoice(cloud, [row], { amountTolerance: '0.49' }).status).toBe('DIFERENCIAS');
    expect(
      compareInvoice(cloud, [{ ...sameInvoice, importe: '100.01' }], { amountTolerance: '0' })
        .status,
    ).toBe('DIFERENCIAS');
    expect(() => compareInvoice(cloud, [], { amountTolerance: '-1' })).toThrow(RangeError);
  });

  it('lists every differing field in canonical form', () => {
    const verdict = compareInvoice(cloud, [
      {
        tipoComprobante: 'Factura B',
        numeroComprobante: '2-1234',
        cuit: '20-12345678-6',
        fecha: '2024-03-06',
        importe: '1.100,00',
      },
    ]);
    expect(verdict.status).toBe('DIFERENCIAS');
    expect(verdict.differences).toEqual([
      { field: 'numeroComprobante', cloud: '0001-00001234', local: '0002-00001234' },
      { field: 'cuit', cloud: '30500017704', local: '20123456786' },
      { field: 'fecha', cloud: '2024-03-05', local: '2024-03-06' },
      { field: 'importe', cloud: '100.00', local: '1100.00' },
      { field: 'tipoComprobante', cloud: 'A', local: 'Factura B' },
    ]);
  });

  it('does not count a field the local row lacks, nor a type only one side has', () => {
    const untyped: CanonicalInvoice = { ...cloud };
    delete untyped.tipoComprobante;
    expect(compareInvoice(cloud, [{ numeroComprobante: '0001-00001234' }]).status).toBe('OK');
    expect(compareInvoice(untyped, [sameInvoice]).status).toBe('OK');
  });

  it('reports a local value that cannot be read as written', () => {
    const verdict = compareInvoice(cloud, [{ ...sameInvoice, fecha: '31/02/2024', cuit: 'N/D' }]);
    expect(verdict.status).toBe('DIFERENCIAS');
    expect(verdict.differences).toEqual([
      { field: 'cuit', cloud: '30500017704', local: 'N/D' },
      { field: 'fecha', cloud: '2024-03-05', local: '31/02/2024' },
    ]);
    expect(verdict.local[0]).not.toHaveProperty('fecha');
  });

  it('gives DUPLICADO for several rows and judges the first', () => {
    const matching = compareInvoice(cloud, [
      sameInvoice,
      sameInvoice,
      { ...sameInvoice, importe: '5' },
    ]);
    expect(matching).toMatchObject({
      status: 'DUPLICADO',
      exists: true,
      matches: true,
      duplicates: 2,
    });
    expect(matching.local).toHaveLength(3);

    const differing = compareInvoice(cloud, [{ ...sameInvoice, importe: '5' }, sameInvoice]);
    expect(differing).toMatchObject({
      status: 'DUPLICADO',
      matches: false,
      duplicates: 1,
      differences: [{ field: 'importe', cloud: '100.00', local: '5.00' }],
    });
  });
});
