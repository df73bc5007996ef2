import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export const facturasLookup = `SELECT numero_comprobante AS numeroComprobante, cuit AS cuit,
  fecha AS fecha, importe AS importe, razon_social AS razonSocial
FROM facturas
WHERE punto_venta = @puntoVenta AND numero = @numero`;

/** A throwaway SQLite "ERP" with a facturas table, in its own temporary folder. */
export function createSqliteErp() {
  const folder = mkdtempSync(join(tmpdir(), 'cotejo-erp-'));
  const path = join(folder, 'erp.sqlite');
  const db = new Database(path);
  db.exec(`CREATE TABLE facturas (punto_venta INTEGER, numero INTEGER, numero_comprobante TEXT,
    cuit TEXT, fecha TEXT, importe REAL, razon_social TEXT);
    INSERT INTO facturas VALUES (1, 1234, '0001-00001234', '30712345675', '2024-03-15',
      1234.56, 'ACME SA');`);
  return {
    folder,
    path,
    count: () => (db.prepare('SELECT COUNT(*) AS n FROM facturas').get() as { n: number }).n,
    [Symbol.dispose]() {
      db.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
