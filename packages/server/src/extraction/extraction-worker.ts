/**
 * The extraction worker thread: receives `{id, bytes, kind}`, answers `{id, outcome}`. A file
 * that makes the worker run out of time or memory is handled by the pool, which terminates it.
 */
import { parentPort } from 'node:worker_threads';
import type { FileKind } from './extraction.ts';
import type { ExtractionFailure } from './extractor.ts';
import { extractLocally } from './local-extractor.ts';
import { ImageTooLargeError } from './raster.ts';

export interface WorkerJob {
  id: number;
  bytes: Uint8Array;
  kind: FileKind;
}

export type WorkerReply =
  | { id: number; ok: true; extraction: Awaited<ReturnType<typeof extractLocally>> }
  | { id: number; ok: false; reason: ExtractionFailure; detail: string };

const port = parentPort;
if (!port) throw new Error('extraction-worker.ts runs only as a worker thread');

port.on('message', (job: WorkerJob) => {
  void (async () => {
    let reply: WorkerReply;
    try {
      reply = { id: job.id, ok: true, extraction: await extractLocally(job.bytes, job.kind) };
    } catch (error) {
      reply = { id: job.id, ok: false, ...classify(error) };
    }
    port.postMessage(reply);
  })();
});

function classify(error: unknown): { reason: ExtractionFailure; detail: string } {
  const name = error instanceof Error ? error.name : '';
  const detail = (error instanceof Error ? error.message : String(error)).slice(0, 300);
  if (name === 'PasswordException') return { reason: 'encrypted', detail };
  if (error instanceof ImageTooLargeError) return { reason: 'too_large', detail };
  return { reason: 'unreadable', detail };
}
