import { parseTipoComprobante } from '@cotejo/protocol';
import type { AfipQr } from './afip-qr.ts';
import type { ExtractedField, ExtractedFields, Finding, FieldName } from './extraction.ts';
import type { TextFields, TextValue } from './text/text-fields.ts';

/** How much a value from the QR alone is trusted: a well-formed QR is AFIP's own data. */
const qrConfidence = { ok: 0.9, malformed: 0.7 } as const;
const agreed = 0.99;
const contradicted = 0.5;

const fieldLabels: { readonly [F in FieldName]: string } = {
  cuit: 'CUIT del emisor',
  tipoCmp: 'tipo de comprobante',
  letra: 'letra',
  puntoVenta: 'punto de venta',
  numero: 'número',
  fecha: 'fecha',
  importe: 'importe total',
  moneda: 'moneda',
  razonSocial: 'razón social',
  cae: 'CAE',
  cuitReceptor: 'CUIT del receptor',
};

/**
 * Merges the QR and the text layer field by field. Agreement gives high confidence; on a
 * disagreement a well-formed QR wins (it is what AFIP authorized) and a malformed one loses to
 * the printed text; either way the disagreement is a finding.
 */
export function crossCheck(
  qr: AfipQr | null,
  printed: TextFields,
): { fields: ExtractedFields; findings: Finding[] } {
  const findings: Finding[] = [];
  const data = qr?.data ?? {};
  // The only CUIT in the text is the receiver's (the issuer's is in an image): not a conflict.
  const text: TextFields =
    printed.cuit !== undefined && printed.cuit.value === data.nroDocRec
      ? { ...printed, cuit: undefined, cuitReceptor: printed.cuit }
      : printed;
  const importeFromQr =
    data.importeAmbiguous && text.importe?.value === data.importeAmbiguous.integer
      ? data.importeAmbiguous.integer
      : data.importe;
  const qrValues: {
    [F in FieldName]?: ExtractedFields[F] extends ExtractedField<infer T> | undefined ? T : never;
  } = {
    cuit: data.cuit,
    tipoCmp: data.tipoCmp,
    letra:
      data.tipoCmp === undefined ? undefined : parseTipoComprobante(String(data.tipoCmp))?.letra,
    puntoVenta: data.ptoVta,
    numero: data.nroCmp !== undefined && data.nroCmp <= 99_999_999 ? data.nroCmp : undefined,
    fecha: data.fecha,
    importe: importeFromQr,
    moneda: data.moneda,
    cae: data.codAut,
    cuitReceptor: data.tipoDocRec === 80 ? data.nroDocRec : undefined,
  };
  const fields: ExtractedFields = {};
  const names = Object.keys(fieldLabels) as FieldName[];
  for (const name of names) {
    const fromText = (text as Partial<Record<FieldName, TextValue<string | number>>>)[name];
    const merged = merge(name, qr?.status, qrValues[name], fromText);
    if (merged.field)
      (fields as Record<FieldName, ExtractedField<string | number>>)[name] = merged.field;
    if (merged.finding) findings.push(merged.finding);
  }
  if (qr?.data.nroCmp !== undefined && qr.data.nroCmp > 99_999_999) {
    findings.push({
      code: 'QR_TEXTO_DIFIEREN',
      field: 'numero',
      message: `El QR trae el número ${qr.data.nroCmp}, de más de 8 dígitos: se usa el número impreso.`,
    });
  }
  if (qr?.status === 'malformed') {
    findings.push({
      code: 'QR_MALFORMADO',
      message:
        'El código QR no cumple la especificación de AFIP (JSON inválido, truncado o sin CAE): se leyó lo posible y se priorizó el texto impreso.',
    });
  }
  if (text.conflictingTotals.length > 1) {
    findings.push({
      code: 'TOTALES_EN_CONFLICTO',
      field: 'importe',
      message: `La factura muestra totales distintos (${text.conflictingTotals.join(' y ')}): verifique cuál es el importe correcto.`,
    });
  }
  return { fields, findings };
}

function merge(
  name: FieldName,
  qrStatus: AfipQr['status'] | undefined,
  fromQr: string | number | undefined,
  fromText: TextValue<string | number> | undefined,
): { field?: ExtractedField<string | number>; finding?: Finding } {
  if (fromQr === undefined || qrStatus === undefined) {
    return fromText
      ? { field: { value: fromText.value, sources: ['text'], confidence: fromText.confidence } }
      : {};
  }
  if (!fromText)
    return { field: { value: fromQr, sources: ['qr'], confidence: qrConfidence[qrStatus] } };
  if (fromText.value === fromQr)
    return { field: { value: fromQr, sources: ['qr', 'text'], confidence: agreed } };
  // A malformed QR loses to the text; that is already its QR_MALFORMADO finding.
  if (qrStatus === 'malformed') {
    return { field: { value: fromText.value, sources: ['text'], confidence: contradicted } };
  }
  return {
    field: { value: fromQr, sources: ['qr'], confidence: contradicted },
    finding: {
      code: 'QR_TEXTO_DIFIEREN',
      field: name,
      message: `El ${fieldLabels[name]} del QR (${fromQr}) no coincide con el impreso (${fromText.value}); se tomó el del QR.`,
    },
  };
}
