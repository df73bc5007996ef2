import { describe, expect, it } from 'vitest';
import { verdictLines } from './status.ts';

const texts = (input: Parameters<typeof verdictLines>[0]) => verdictLines(input).map((l) => l.text);

describe('verdictLines', () => {
  it('keeps the first design texts', () => {
    expect(texts({ status: 'OK', existsInLocal: true, differences: [] })).toEqual([
      'Factura encontrada en sistema local',
      'Importes coinciden',
    ]);
    expect(
      texts({ status: 'DIFERENCIAS', existsInLocal: true, differences: [{ field: 'importe' }] }),
    ).toEqual(['Factura encontrada en sistema local', 'Importes NO coinciden']);
    expect(texts({ status: 'NO_ENCONTRADO', existsInLocal: false, differences: [] })).toEqual([
      'Factura NO encontrada en sistema local',
    ]);
    expect(texts({ status: 'SIN_CONEXION', existsInLocal: null, differences: [] })).toEqual([
      'Cliente offline - no se pudo validar',
    ]);
  });

  it('does not blame the amount for another field', () => {
    expect(
      texts({ status: 'DIFERENCIAS', existsInLocal: true, differences: [{ field: 'fecha' }] }),
    ).toEqual([
      'Factura encontrada en sistema local',
      'Importes coinciden',
      'También difiere: Fecha',
    ]);
  });
});
