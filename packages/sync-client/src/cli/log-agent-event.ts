import type { Logger } from 'pino';
import type { AgentEvent } from '../connection/agent-events.ts';

/** One log line per connection event; `msg: "connected"` marks a usable connection. */
export function logAgentEvent(logger: Logger, event: AgentEvent): void {
  switch (event.type) {
    case 'connecting':
      logger.debug({ attempt: event.attempt, url: event.url }, 'connecting');
      return;
    case 'connected':
      logger.info({ url: event.url, transport: event.transport }, 'connected');
      return;
    case 'transport-changed':
      if (event.transport === 'long-poll') {
        logger.warn(
          { transport: event.transport, reason: event.reason },
          'WebSocket no disponible: se usa long-poll (HTTP); se reintentará el WebSocket.',
        );
      } else logger.info({ transport: event.transport }, 'WebSocket restablecido');
      return;
    case 'rejected':
      logger.error(
        { status: event.status },
        event.status === 401
          ? 'El servidor rechazó la clave del sync-client (HTTP 401): la clave es incorrecta o fue ' +
              'revocada. Genere una nueva en Agentes → Claves y actualice la variable de entorno.'
          : `El servidor rechazó la conexión (HTTP ${event.status}); se reintentará.`,
      );
      return;
    case 'socket-error':
      logger.warn({ error: event.message }, 'No se pudo conectar con el servidor; se reintentará.');
      return;
    case 'disconnected': {
      const fields = { code: event.code, reason: event.reason, uptimeMs: event.uptimeMs };
      // A connection that never opened was already reported by `rejected` or `socket-error`.
      if (event.uptimeMs === null) logger.debug(fields, 'disconnected');
      else logger.info(fields, 'disconnected');
      return;
    }
    case 'reconnect-scheduled':
      logger.info({ attempt: event.attempt, delayMs: event.delayMs }, 'reconnect scheduled');
      return;
    case 'heartbeat-timeout':
      logger.warn(
        { silentMs: event.silentMs },
        'El servidor no respondió a tiempo (sin ping); se reconecta.',
      );
      return;
    case 'request-answered': {
      const { id, method, outcome, rows, lookup, message } = event;
      const fields = { id, method, outcome, rows, lookup, message };
      if (event.outcome === 'ok') logger.info(fields, 'request answered');
      else logger.warn(fields, 'request failed');
      return;
    }
    case 'stopped':
      logger.info('stopped');
      return;
  }
}
