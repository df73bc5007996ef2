import type { ErpTemplate } from './erp-template.ts';

/** "A" + PV (5) + number (8), as Tango builds N_COMP: compared without the letter. */
const tangoNumber = `RIGHT('00000' + CAST(@puntoVenta AS varchar(5)), 5)
      + RIGHT('00000000' + CAST(@numero AS varchar(8)), 8)`;

/** Tango Gestión (Axoft) on SQL Server: purchases, and AFIP's received invoices when imported. */
export const tangoTemplate: ErpTemplate = {
  id: 'tango',
  name: 'Tango Gestión (Axoft) — compras',
  kinds: ['mssql'],
  requiredTables: ['CPA04', 'CPA01'],
  lookups: [
    {
      name: 'tango-comprobantes-afip',
      onlyWith: 'COMPROBANTE_AFIP_COMPRAS',
      sql: `SELECT PUNTO_VENTA AS puntoVenta, CAST(NUMERO AS bigint) AS numero,
       NUMERO_DOCUMENTO AS cuit, FECHA_EMISION AS fecha, TOTAL AS importe,
       MONEDA AS moneda, DENOMINACION AS razonSocial, CODIGO_AUTORIZACION AS cae,
       TIPO_COMPROBANTE AS tipoComprobante
FROM COMPROBANTE_AFIP_COMPRAS
WHERE PUNTO_VENTA = @puntoVenta AND CAST(NUMERO AS bigint) = @numero
  AND REPLACE(NUMERO_DOCUMENTO, '-', '') = @cuit`,
    },
    {
      name: 'tango-compras',
      sql: `SELECT CAST(SUBSTRING(c.N_COMP, 2, 5) AS int) AS puntoVenta,
       CAST(SUBSTRING(c.N_COMP, 7, 8) AS int) AS numero, p.N_CUIT AS cuit,
       c.FECHA_EMIS AS fecha, c.IMPORTE_TO AS importe, p.NOM_PROVEE AS razonSocial
FROM CPA04 c
JOIN CPA01 p ON p.COD_PROVEE = c.COD_PROVEE
WHERE SUBSTRING(c.N_COMP, 2, 13) = ${tangoNumber}
  AND REPLACE(p.N_CUIT, '-', '') = @cuit`,
    },
  ],
  unverified: [
    'N_COMP se supone letra + punto de venta (5) + número (8), p. ej. A0000300003668; en algunas bases es letra + 4 + 8: confírmelo con SELECT TOP 5 N_COMP FROM CPA04.',
    'IMPORTE_TO se supone el total del comprobante (no está documentado); compárelo con un comprobante conocido.',
    'Los proveedores ocasionales están en CPA20 y no en CPA01: esta consulta no los encuentra.',
    'COMPROBANTE_AFIP_COMPRAS (comprobantes recibidos importados de AFIP) sólo existe si se usa esa importación; NUMERO se supone numérico.',
  ],
};
