import type { ErpTemplate } from './erp-template.ts';

/** SAP Business One on SQL Server: A/P invoices (OPCH). */
export const sapB1Template: ErpTemplate = {
  id: 'sap-b1',
  name: 'SAP Business One — facturas de proveedores (OPCH)',
  kinds: ['mssql'],
  requiredTables: ['OPCH', 'OCRD'],
  lookups: [
    {
      name: 'sap-b1-opch',
      sql: `SELECT o.NumAtCard AS numeroComprobante, o.LicTradNum AS cuit, o.TaxDate AS fecha,
       o.DocTotal AS importe, o.DocCur AS moneda, o.CardName AS razonSocial
FROM OPCH o
WHERE REPLACE(o.LicTradNum, '-', '') = @cuit
  AND o.NumAtCard LIKE '%' + RIGHT('00000000' + CAST(@numero AS varchar(8)), 8)
  AND o.CANCELED = 'N'`,
    },
  ],
  unverified: [
    'El número del proveedor se supone cargado a mano en NumAtCard (formato libre); la localización argentina puede usar otras columnas de punto de venta y letra, no verificadas.',
    'DocTotal está en moneda local; para facturas en moneda extranjera compare DocTotalFC.',
    'Se usa TaxDate (fecha del documento), no DocDate (fecha de contabilización).',
    'Las notas de crédito de proveedores están en ORPC y no se consultan.',
  ],
};
