/** WebSocket close codes and reasons the gateway uses (reasons ≤ 123 bytes). */
export const closeCodes = {
  normal: 1000,
  policyViolation: 1008,
  messageTooBig: 1009,
  serviceRestart: 1012,
} as const;

export const closeReasons = {
  tooManyInvalidFrames: 'Demasiados mensajes inválidos: revise la versión del sync-client',
  messageTooBig: (maxBytes: number) => `Mensaje demasiado grande: el máximo es ${maxBytes} bytes`,
  serviceRestart: 'El servidor se reinicia: reconéctese en unos segundos',
  heartbeatTimeout: 'Sin respuesta al ping',
  keyRevoked: 'La clave del sync-client fue revocada: genere una nueva en Sync-clients → Claves',
} as const;
