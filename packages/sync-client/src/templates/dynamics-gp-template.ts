import type { ErpTemplate } from './erp-template.ts';

const vendorInvoice = (table: string, name: string) => ({
  name,
  sql: `SELECT d.DOCNUMBR AS numeroComprobante, v.TXRGNNUM AS cuit, d.DOCDATE AS fecha,
       d.DOCAMNT AS importe, d.CURNCYID AS moneda, v.VENDNAME AS razonSocial
FROM ${table} d
JOIN PM00200 v ON v.VENDORID = d.VENDORID
WHERE d.DOCTYPE = 1 AND REPLACE(v.TXRGNNUM, '-', '') = @cuit
  AND d.DOCNUMBR LIKE '%' + RIGHT('00000000' + CAST(@numero AS varchar(8)), 8)`,
});

/** Microsoft Dynamics GP: open (PM20000) and historical (PM30200) payables documents. */
export const dynamicsGpTemplate: ErpTemplate = {
  id: 'dynamics-gp',
  name: 'Microsoft Dynamics GP — documentos de proveedores',
  kinds: ['mssql'],
  requiredTables: ['PM20000', 'PM00200'],
  lookups: [
    vendorInvoice('PM20000', 'gp-abiertos'),
    { ...vendorInvoice('PM30200', 'gp-historicos'), onlyWith: 'PM30200' },
  ],
  unverified: [
    'El CUIT se supone en PM00200.TXRGNNUM (registro impositivo del proveedor): no verificado.',
    'DOCNUMBR se supone el número del comprobante del proveedor, con el punto de venta en algún formato; DOCTYPE 1 = factura.',
    'DOCAMNT está en la moneda del documento (CURNCYID).',
  ],
};
