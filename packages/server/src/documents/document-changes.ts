import type { Db } from '../db/db.ts';
import type { EventBus } from '../events/event-bus.ts';
import { findDocumentIdByRequest } from './document-sql.ts';

/**
 * Turns `validation.completed` of a document's request into `document.changed`, so the event
 * stream can tell the browser the verdict. Returns the function that unsubscribes.
 */
export function relayDocumentVerdicts(deps: {
  db: Db;
  events: EventBus;
  onError: (error: unknown) => void;
}): () => void {
  const { db, events } = deps;
  return events.on('validation.completed', ({ id, tenantId, status }) => {
    findDocumentIdByRequest(db, tenantId, id)
      .then((documentId) => {
        if (documentId) events.emit('document.changed', { id: documentId, tenantId, status });
      })
      .catch(deps.onError);
  });
}
