import Database from 'better-sqlite3';
import { formatComprobante, isValidCuit, type InvoiceInput } from '@cotejo/protocol';

/** The four demo invoices: each, posted to /api/validaciones, yields the status it is named after. */
export interface DemoInvoices {
  ok: InvoiceInput;
  diferencias: InvoiceInput;
  noEncontrado: InvoiceInput;
  duplicado: InvoiceInput;
}

interface ErpRow {
  tipo: string;
  puntoVenta: number;
  numero: number;
  cuit: string;
  fecha: string;
  /** Cents, so that amounts stay exact while generating. */
  importeCents: bigint;
  razonSocial: string;
}

const suppliers = ['Distribuidora del Sur', 'Papelera Andina', 'Logística Pampa', 'Insumos Cuyo'];

/** Deterministic PRNG (mulberry32), so that every fresh demo ERP holds the same invoices. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomCuit(random: () => number): string {
  for (;;) {
    const prefix = ['20', '27', '30', '33'][Math.floor(random() * 4)] ?? '30';
    const body = String(Math.floor(random() * 1e8)).padStart(8, '0');
    for (let digit = 0; digit <= 9; digit++) {
      const cuit = `${prefix}${body}${digit}`;
      if (isValidCuit(cuit)) return cuit;
    }
  }
}

const formatAmount = (cents: bigint) => `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;

/** The ERP writes the same number in several ways, as real ones do. */
function writtenNumber(row: ErpRow, index: number): string {
  const canonical = formatComprobante(row.puntoVenta, row.numero);
  switch (index % 3) {
    case 0:
      return canonical;
    case 1:
      return `${row.tipo}-${canonical}`;
    default:
      return `${String(row.puntoVenta).padStart(5, '0')}-${String(row.numero).padStart(8, '0')}`;
  }
}

const formattedCuit = (cuit: string) =>
  `${cuit.slice(0, 2)}-${cuit.slice(2, 10)}-${cuit.slice(10)}`;

function asInput(row: ErpRow, importeCents = row.importeCents): InvoiceInput {
  return {
    tipoComprobante: row.tipo,
    numeroComprobante: formatComprobante(row.puntoVenta, row.numero),
    cuit: row.cuit,
    fecha: row.fecha,
    importe: formatAmount(importeCents),
    razonSocial: row.razonSocial,
  };
}

export const demoErpTable = `
  CREATE TABLE IF NOT EXISTS facturas (
    id INTEGER PRIMARY KEY,
    tipo TEXT NOT NULL,
    numero_comprobante TEXT NOT NULL,
    punto_venta INTEGER NOT NULL,
    numero INTEGER NOT NULL,
    cuit TEXT NOT NULL,
    fecha TEXT NOT NULL,
    importe DECIMAL(15, 2) NOT NULL,
    razon_social TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS facturas_numero ON facturas (punto_venta, numero);
`;

/** The lookup the demo sync-client runs against that table. */
export const demoErpLookupSql = `
SELECT numero_comprobante AS numeroComprobante, cuit AS cuit, fecha AS fecha,
       importe AS importe, razon_social AS razonSocial, tipo AS tipoComprobante
FROM facturas
WHERE punto_venta = @puntoVenta AND numero = @numero AND replace(cuit, '-', '') = @cuit
`;

/**
 * Writes a SQLite ERP with `count` invoices: every 50th recorded with a wrong amount, every 97th
 * recorded twice. Returns one demo invoice per status.
 */
export function createDemoErp(path: string, count = 1200, seed = 20261204): DemoInvoices {
  const random = seededRandom(seed);
  const cuits = suppliers.map(() => randomCuit(random));
  const rows: ErpRow[] = Array.from({ length: count }, (_, i) => {
    const supplier = i % suppliers.length;
    const day = 1 + Math.floor(random() * 28);
    const month = 1 + Math.floor(random() * 12);
    return {
      tipo: supplier % 2 === 0 ? 'A' : 'B',
      puntoVenta: i % 7 === 6 ? 10_000 + supplier : 1 + supplier,
      numero: 1000 + i,
      cuit: cuits[supplier] ?? '',
      fecha: `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      importeCents: BigInt(1_000 + Math.floor(random() * 50_000_000)),
      razonSocial: suppliers[supplier] ?? '',
    };
  });
  const amountTypo = (i: number) => i % 50 === 25;
  const recordedTwice = (i: number) => i % 97 === 40;

  const db = new Database(path);
  try {
    db.exec(demoErpTable);
    const insert = db.prepare(
      `INSERT INTO facturas (tipo, numero_comprobante, punto_venta, numero, cuit, fecha, importe, razon_social)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      rows.forEach((row, i) => {
        const cents = amountTypo(i) ? row.importeCents + 1_000n : row.importeCents;
        const values = [
          row.tipo,
          writtenNumber(row, i),
          row.puntoVenta,
          row.numero,
          formattedCuit(row.cuit),
          row.fecha,
          formatAmount(cents),
          row.razonSocial,
        ];
        insert.run(...values);
        if (recordedTwice(i)) insert.run(...values);
      });
    })();
  } finally {
    db.close();
  }

  const pick = (predicate: (i: number) => boolean) => {
    const index = rows.findIndex((_, i) => predicate(i));
    const row = rows[index];
    if (!row) throw new Error('El ERP de demostración es demasiado chico');
    return row;
  };
  const plain = pick((i) => !amountTypo(i) && !recordedTwice(i) && i > 0);
  return {
    ok: asInput(plain),
    diferencias: asInput(pick(amountTypo)),
    noEncontrado: asInput({ ...plain, numero: 99_000_000 + plain.numero }),
    duplicado: asInput(pick(recordedTwice)),
  };
}
