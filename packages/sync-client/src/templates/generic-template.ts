import type { ErpTemplate } from './erp-template.ts';

/** The table of the platform's first design. */
export const genericTemplate: ErpTemplate = {
  id: 'generico',
  name: 'Tabla Facturas genérica (diseño original)',
  kinds: ['sqlite', 'postgres', 'mysql', 'mssql'],
  requiredTables: ['Facturas'],
  lookups: [
    {
      name: 'facturas',
      sql: `SELECT NumeroComprobante AS numeroComprobante, CUIT AS cuit, Fecha AS fecha,
       Importe AS importe, RazonSocial AS razonSocial
FROM Facturas
WHERE NumeroComprobante = @numeroComprobante AND CUIT = @cuit`,
    },
  ],
  unverified: [
    'NumeroComprobante debe estar guardado como 0001-00001234 (punto de venta de 4 o 5 dígitos y número de 8); si tiene letra o no tiene guiones, ajuste el WHERE.',
    "CUIT debe estar guardado con 11 dígitos, sin guiones; si tiene guiones, use REPLACE(CUIT, '-', '') = @cuit.",
  ],
};
