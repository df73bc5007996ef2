import type { CanonicalInvoice } from '@cotejo/protocol';

/** The invoice the test ERPs hold: ACME SA, 0001-00001234. */
export const sampleInvoice: CanonicalInvoice = {
  puntoVenta: 1,
  numero: 1234,
  numeroComprobante: '0001-00001234',
  cuit: '30712345675',
  fecha: '2024-03-15',
  importe: '1234.56',
};

export const injection = "' OR 1=1; DROP TABLE facturas; --";
