import Database from 'better-sqlite3';
import {
  baseInvoice,
  invoicePdf,
  qrPayload,
  qrUrl,
  type InvoiceSpec,
} from '../../../packages/server/test/support/generated-invoices.ts';

interface ErpRow {
  tipo: string;
  punto_venta: number;
  numero: number;
  cuit: string;
  fecha: string;
  importe: number;
  razon_social: string;
}

const tipoCmpByLetter: Record<string, number> = { A: 1, B: 6, C: 11 };

/**
 * Invoices of the demo ERP recorded once (so that each validates as OK), as the supplier would
 * print them. `amountDelta` makes the printed total differ from the ERP's.
 */
export function erpInvoices(erpPath: string, count: number): InvoiceSpec[] {
  const db = new Database(erpPath, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT tipo, punto_venta, numero, cuit, fecha, importe, razon_social FROM facturas
         GROUP BY punto_venta, numero HAVING count(*) = 1
         ORDER BY numero DESC LIMIT ?`,
      )
      .all(count) as ErpRow[];
    return rows.map((row) => ({
      ...baseInvoice,
      cuit: row.cuit.replace(/-/g, ''),
      razonSocial: row.razon_social,
      tipoCmp: tipoCmpByLetter[row.tipo] ?? 1,
      letra: row.tipo,
      puntoVenta: row.punto_venta,
      numero: row.numero,
      fecha: row.fecha,
      importe: row.importe.toFixed(2),
    }));
  } finally {
    db.close();
  }
}

/** The invoice as an AFIP-layout PDF with its QR, ready for `setInputFiles`. */
export async function invoiceFile(name: string, spec: InvoiceSpec) {
  const pdf = await invoicePdf('afip', spec, qrUrl(JSON.stringify(qrPayload(spec))));
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(pdf) };
}
