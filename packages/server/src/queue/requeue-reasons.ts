/**
 * Why a delivered request went back to the queue, defined once. `penalize` says whether the
 * attempt counts toward `maxAttempts` (the sync-client's side failed) or not (ours did).
 */
export const requeueReasons = {
  connectionClosed: {
    penalize: true,
    message: 'se cortó la conexión del sync-client antes de que respondiera',
  },
  leaseExpired: {
    penalize: true,
    message: 'el sync-client no respondió dentro del plazo de entrega',
  },
  skippedPastDeadline: {
    penalize: true,
    message: 'el sync-client lo recibió pasado su plazo y no lo ejecutó',
  },
  pollerGone: {
    penalize: true,
    message: 'el sync-client dejó de consultar (long-poll) antes de responder',
  },
  notSent: {
    penalize: false,
    message: 'el sync-client se desconectó antes de que se le pudiera enviar',
  },
  serverShutdown: {
    penalize: false,
    message: 'el servidor se reinició mientras el sync-client lo procesaba',
  },
  instanceDied: {
    penalize: false,
    message: 'se cayó la instancia del servidor que lo había entregado',
  },
} as const;

export type RequeueReason = keyof typeof requeueReasons;

/** The message stored with SIN_CONEXION when `REQUEST_TTL` passes without a result. */
export const expiredMessage =
  'No se pudo validar: cliente sin conexión. Ningún sync-client respondió a tiempo; verifique ' +
  'en Agentes que esté conectado y vuelva a validar el documento.';

export function deliveryFailedMessage(maxAttempts: number, reason: RequeueReason): string {
  return (
    `No se pudo validar: el pedido se entregó ${maxAttempts} veces sin resultado ` +
    `(último intento: ${requeueReasons[reason].message}). Revise el sync-client y vuelva a validar.`
  );
}
