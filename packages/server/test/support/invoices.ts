import type { LocalRow } from '@cotejo/protocol';

/** A valid invoice as a platform client writes it. */
export const invoiceInput = {
  tipoComprobante: 'A',
  numeroComprobante: 'A-0001-00000100',
  cuit: '30-50001770-4',
  fecha: '15/03/2026',
  importe: '1.500,00',
};

/** The ERP's row for `invoiceInput`. */
export const matchingRow: LocalRow = {
  tipoComprobante: 'A',
  numeroComprobante: '0001-00000100',
  cuit: '30500017704',
  fecha: '2026-03-15',
  importe: '1500.00',
};
