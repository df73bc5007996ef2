import { AppError } from '@cotejo/protocol';
import type { FastifyError, FastifyInstance } from 'fastify';

/** Fastify's own errors we translate into our codes. */
function fromFastifyError(error: FastifyError): AppError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(
        'PAYLOAD_TOO_LARGE',
        'El cuerpo es demasiado grande: envíe una sola factura por pedido.',
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(
        'BAD_REQUEST',
        'Envíe el cuerpo como JSON con "Content-Type: application/json".',
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('BAD_REQUEST', 'El cuerpo no es JSON válido: revíselo y reintente.');
    default:
      return error.statusCode !== undefined && error.statusCode < 500 && error.statusCode >= 400
        ? new AppError(
            'BAD_REQUEST',
            'Pedido inválido: revise la URL, los encabezados y el cuerpo.',
          )
        : null;
  }
}

/**
 * Maps errors to `{error: {code, message}}` with the status of the code. Unknown errors are
 * logged with their cause and the request id; the client never sees a stack trace.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const known = error instanceof AppError ? error : fromFastifyError(error as FastifyError);
    if (known) return reply.status(known.httpStatus).send({ error: known.toJSON() });
    request.log.error({ err: error, reqId: request.id }, 'unhandled error');
    const internal = new AppError(
      'INTERNAL',
      `Error interno del servidor: reintente en unos minutos; si persiste, informe el código ${request.id}.`,
    );
    return reply.status(internal.httpStatus).send({ error: internal.toJSON() });
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new AppError(
      'NOT_FOUND',
      `No existe la ruta ${request.method} ${request.url.split('?')[0]}.`,
    );
    return reply.status(error.httpStatus).send({ error: error.toJSON() });
  });
}
