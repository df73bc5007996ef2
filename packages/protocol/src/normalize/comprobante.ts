export interface Comprobante {
  puntoVenta: number;
  numero: number;
  /** "0001-00001234"; a 5-digit punto de venta keeps 5 digits. */
  numeroComprobante: string;
}

/** "A-0001-00001234", "0001-00001234", "00001-00001234", "1-1234", "A 0001 00001234" → parts. */
export function parseComprobante(_written: string): Comprobante | null {
  throw new Error('not implemented');
}

export function formatComprobante(puntoVenta: number, numero: number): string {
  return `${String(puntoVenta).padStart(4, '0')}-${String(numero).padStart(8, '0')}`;
}
