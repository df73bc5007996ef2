/**
 * What extraction produces: each invoice field with where it came from and how sure we are,
 * the state of the AFIP QR, and the findings (problems seen in the file itself).
 */
export const fieldSources = ['qr', 'text', 'llm'] as const;
export type FieldSource = (typeof fieldSources)[number];

export interface ExtractedField<T> {
  value: T;
  /** Every source that gave this value, the one it was taken from first. */
  sources: FieldSource[];
  /** 0–1: 0.99 when QR and text agree, lower for a single or contradicted source. */
  confidence: number;
}

export interface ExtractedFields {
  cuit?: ExtractedField<string>;
  tipoCmp?: ExtractedField<number>;
  letra?: ExtractedField<string>;
  puntoVenta?: ExtractedField<number>;
  numero?: ExtractedField<number>;
  fecha?: ExtractedField<string>;
  importe?: ExtractedField<string>;
  moneda?: ExtractedField<string>;
  razonSocial?: ExtractedField<string>;
  cae?: ExtractedField<string>;
  cuitReceptor?: ExtractedField<string>;
}
export type FieldName = keyof ExtractedFields;

/** `ok`: valid JSON per the spec; `malformed`: read leniently; `absent`: no AFIP QR found. */
export const qrStatuses = ['ok', 'malformed', 'absent'] as const;
export type QrStatus = (typeof qrStatuses)[number];

/** Problems seen in the file; codes are stable, messages Spanish. */
export const findingCodes = [
  'QR_MALFORMADO',
  'QR_TEXTO_DIFIEREN',
  'TOTALES_EN_CONFLICTO',
  'CUIT_INVALIDO',
  'CAE_FALTANTE',
  'CAE_INVALIDO',
  'DATOS_INCOMPLETOS',
  'DUPLICADO',
] as const;
export type FindingCode = (typeof findingCodes)[number];

export interface Finding {
  code: FindingCode;
  message: string;
  field?: FieldName;
}

export interface Extraction {
  fields: ExtractedFields;
  qr: { status: QrStatus; url?: string };
  findings: Finding[];
  pages: number;
  hasTextLayer: boolean;
  /** The text layer, lines in reading order (capped), for the LLM layer; not stored. */
  text?: string;
}

/** The file's content type, sniffed from its first bytes (never from its name). */
export const fileKinds = ['pdf', 'png', 'jpeg'] as const;
export type FileKind = (typeof fileKinds)[number];

export const mediaTypeByKind: { readonly [K in FileKind]: string } = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
};
