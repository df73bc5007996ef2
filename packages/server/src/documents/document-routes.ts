import multipart from '@fastify/multipart';
import { AppError } from '@cotejo/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/db.ts';
import { authenticateRequest } from '../http/authenticate-request.ts';
import { parseBody } from '../http/parse-body.ts';
import type { DocumentService } from './document-service.ts';
import type { DocumentView } from './document-view.ts';
import { listQuerySchema } from './list-documents.ts';

const idParamsSchema = z.object({ id: z.string().max(100) });

/** The document API, authorized like the rest of the platform API (bearer API token or session). */
export function registerDocumentRoutes(
  app: FastifyInstance,
  deps: { db: Db; documents: DocumentService; maxUploadBytes: number },
): void {
  const { db, documents } = deps;
  const tenantOf = async (request: FastifyRequest) =>
    (await authenticateRequest(db, 'apiToken', request)).tenantId;

  // Multipart parsing only in this scope, with limits on every part.
  void app.register(async (scope) => {
    await scope.register(multipart, {
      limits: {
        fileSize: deps.maxUploadBytes,
        files: 1,
        fields: 10,
        fieldSize: 1024,
        parts: 20,
        headerPairs: 100,
      },
    });

    scope.post('/api/documentos/procesar', async (request, reply) => {
      const tenantId = await tenantOf(request);
      const upload = await readUpload(request, deps.maxUploadBytes);
      const { document, existing } = await documents.process(tenantId, upload);
      return sendDocument(reply, document, existing ? 200 : 201);
    });
  });

  app.get('/api/documentos', async (request) => {
    const tenantId = await tenantOf(request);
    return documents.list(tenantId, parseBody(listQuerySchema, request.query));
  });

  app.get('/api/documentos/:id', async (request) => {
    const tenantId = await tenantOf(request);
    const { id } = parseBody(idParamsSchema, request.params);
    return { success: true, documento: await documents.get(tenantId, id) };
  });

  app.get('/api/documentos/:id/validation-status', async (request) => {
    const tenantId = await tenantOf(request);
    const { id } = parseBody(idParamsSchema, request.params);
    const document = await documents.get(tenantId, id);
    return {
      validado: document.validacion !== null && !document.validando,
      validando: document.validando,
      resultado: document.validacion,
      estado: document.estado,
    };
  });

  app.post('/api/documentos/:id/revalidar', async (request, reply) => {
    const tenantId = await tenantOf(request);
    const { id } = parseBody(idParamsSchema, request.params);
    return sendDocument(reply, await documents.revalidate(tenantId, id), 200);
  });

  app.get('/api/documentos/:id/original', async (request, reply) => {
    const tenantId = await tenantOf(request);
    const { id } = parseBody(idParamsSchema, request.params);
    const file = await documents.original(tenantId, id);
    // `?vista=1` shows the file in the page (the web app's preview); otherwise it downloads.
    const inline = (request.query as { vista?: unknown }).vista === '1';
    return reply
      .header('content-type', file.mediaType)
      .header('content-disposition', contentDisposition(file.fileName, inline))
      .header('x-content-type-options', 'nosniff')
      .send(file.bytes);
  });
}

/**
 * §4 of ARCHITECTURE.md: `{success, documento}`, plus `validando: true, queryId` while the
 * verdict is pending. A file that could not be extracted is stored anyway and answered 422
 * with the usual `error` and the document.
 */
function sendDocument(reply: FastifyReply, documento: DocumentView, status: number) {
  if (documento.estado === 'ERROR_EXTRACCION' && documento.error) {
    return reply.status(422).send({ success: false, error: documento.error, documento });
  }
  return reply.status(status).send({
    success: true,
    documento,
    ...(documento.validando && { validando: true, queryId: documento.queryId }),
  });
}

async function readUpload(request: FastifyRequest, maxUploadBytes: number) {
  if (!request.isMultipart()) {
    throw new AppError(
      'BAD_REQUEST',
      'Envíe el archivo como multipart/form-data, en el campo "archivo".',
    );
  }
  const part = await request.file();
  if (!part)
    throw new AppError(
      'BAD_REQUEST',
      'Falta el archivo: envíelo en el campo "archivo" del formulario.',
    );
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `El archivo supera el máximo de ${Math.floor(maxUploadBytes / (1024 * 1024))} MB: suba un PDF o una imagen más liviana.`,
      );
    }
    throw error;
  }
  const fileName = [...(part.filename || '')]
    .filter((char) => char.charCodeAt(0) >= 0x20 && char !== '\u007f')
    .join('')
    .slice(0, 200);
  return { fileName: fileName || 'factura', bytes };
}

/** `attachment` (or `inline`) with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
function contentDisposition(fileName: string, inline: boolean): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
