import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Db } from '../db/db.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { Extractor } from '../extraction/extractor.ts';
import { createLlmExtractor, type LlmEndpoint } from '../extraction/llm-extractor.ts';
import { createWorkerPoolExtractor } from '../extraction/worker-pool-extractor.ts';
import type { FileStore } from '../storage/file-store.ts';
import { createMemoryFileStore } from '../storage/memory-file-store.ts';
import type { ValidationService } from '../validations/validation-service.ts';
import { relayDocumentVerdicts } from './document-changes.ts';
import { registerDocumentRoutes } from './document-routes.ts';
import { createDocumentService, type DocumentService } from './document-service.ts';

export interface DocumentsOptions {
  /** Where originals go; startServer passes the disk store under FILES_DIR. Default: memory. */
  files?: FileStore;
  /** Default: a worker pool with `extraction` limits, wrapped by the LLM layer when `llm` is set. */
  extractor?: Extractor;
  maxUploadBytes?: number;
  extraction?: { workers: number; timeoutMs: number; memoryMb: number };
  llm?: LlmEndpoint;
}

export const defaultDocumentsOptions = {
  maxUploadBytes: 20 * 1024 * 1024,
  extraction: { workers: 2, timeoutMs: 30_000, memoryMb: 512 },
} as const;

/** The document pipeline and its routes. An extractor built here is stopped with the app. */
export function registerDocuments(
  app: FastifyInstance,
  deps: {
    db: Db;
    events: EventBus;
    logger: Logger;
    validations: ValidationService;
    options?: DocumentsOptions;
  },
): DocumentService {
  const { db, events, logger } = deps;
  const options = { ...defaultDocumentsOptions, ...deps.options };
  let extractor = options.extractor;
  if (!extractor) {
    const pool = createWorkerPoolExtractor({ ...options.extraction, maxQueued: 100 });
    extractor = options.llm
      ? createLlmExtractor({
          base: pool,
          endpoint: options.llm,
          onError: (error) =>
            logger.warn({ err: error }, 'LLM extractor failed; local extraction kept'),
        })
      : pool;
    const owned = extractor;
    app.addHook('onClose', () => owned.stop());
  }
  const documents = createDocumentService({
    db,
    events,
    files: options.files ?? createMemoryFileStore(),
    extractor,
    validations: deps.validations,
  });
  const stopRelay = relayDocumentVerdicts({
    db,
    events,
    onError: (error) => logger.error({ err: error }, 'document verdict relay failed'),
  });
  app.addHook('onClose', (_app, done) => {
    stopRelay();
    done();
  });
  registerDocumentRoutes(app, { db, documents, maxUploadBytes: options.maxUploadBytes });
  return documents;
}
