/**
 * The stored state of a document, defined once. A document whose invoice went to validation
 * is `VALIDANDO` here; what users see then is its validation's status (PENDIENTE, OK, …).
 */
export const documentStates = [
  'ERROR_EXTRACCION',
  'DATOS_INCOMPLETOS',
  'DUPLICADO',
  'VALIDANDO',
] as const;
export type DocumentState = (typeof documentStates)[number];
