import type { ExtractionFailure } from './extractor.ts';

/** What the user reads when a file could not be extracted: what happened and what to do. */
export function failureMessage(
  reason: ExtractionFailure,
  limits: { timeoutMs: number; memoryMb: number },
): string {
  switch (reason) {
    case 'unreadable':
      return 'No se pudo leer el archivo: el PDF o la imagen está dañado. Suba el PDF original que emitió el proveedor o una foto nítida de la factura.';
    case 'encrypted':
      return 'El PDF está protegido con contraseña: quítele la contraseña (o imprímalo como PDF) y súbalo de nuevo.';
    case 'too_large':
      return 'La imagen tiene demasiados píxeles para procesarla: súbala con menor resolución (por ejemplo, 300 dpi).';
    case 'timeout':
      return `La lectura del archivo superó el tiempo máximo (${Math.round(limits.timeoutMs / 1000)} s): suba el PDF original o una imagen más liviana.`;
    case 'out_of_memory':
      return `La lectura del archivo superó la memoria máxima (${limits.memoryMb} MB): el archivo es demasiado complejo o está dañado. Suba el PDF original.`;
    case 'crashed':
      return 'La lectura del archivo falló de forma inesperada: reintente; si vuelve a fallar, suba el PDF original.';
  }
}
