import { isValidCuit, type CanonicalInvoice } from '@cotejo/protocol';
import type { ExtractedFields, Finding } from '../extraction/extraction.ts';

/**
 * Checks the cloud makes on its own, before asking the sync-client: the issuer CUIT's check
 * digit and the CAE (14 digits, present). The duplicate check needs the database and lives in
 * the document service.
 */
export function cloudChecks(fields: ExtractedFields, invoice: CanonicalInvoice | null): Finding[] {
  const findings: Finding[] = [];
  const cuit = invoice?.cuit ?? fields.cuit?.value;
  if (cuit !== undefined && !isValidCuit(cuit)) {
    findings.push({
      code: 'CUIT_INVALIDO',
      field: 'cuit',
      message: `El CUIT del emisor ${cuit} no es válido (falla el dígito verificador): verifique la factura con el proveedor.`,
    });
  }
  const cae = fields.cae?.value;
  if (cae === undefined || /^(?:null|undefined|-+)$/i.test(cae)) {
    findings.push({
      code: 'CAE_FALTANTE',
      field: 'cae',
      message:
        'La factura no tiene CAE: un comprobante electrónico sin CAE no está autorizado por AFIP.',
    });
  } else if (!/^\d{14}$/.test(cae) || /^0+$/.test(cae)) {
    findings.push({
      code: 'CAE_INVALIDO',
      field: 'cae',
      message: `El CAE ${cae} no es válido (debe tener 14 dígitos): verifique la factura con el proveedor.`,
    });
  }
  return findings;
}
