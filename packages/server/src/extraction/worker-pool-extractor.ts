/**
 * Extraction off the main event loop: a small pool of worker threads, each with a heap limit
 * (`resourceLimits`) and a per-document deadline. A worker that runs out of time is terminated,
 * one that runs out of memory dies by itself; either way the file ends as a failure outcome,
 * a fresh worker replaces it, and the server is unaffected.
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '@cotejo/protocol';
import type { WorkerJob, WorkerReply } from './extraction-worker.ts';
import type {
  ExtractionFailure,
  ExtractionInput,
  ExtractionOutcome,
  Extractor,
} from './extractor.ts';
import { failureMessage } from './failure-message.ts';

export interface WorkerPoolOptions {
  workers: number;
  timeoutMs: number;
  memoryMb: number;
  /** Files waiting for a worker beyond this are refused with RATE_LIMITED. */
  maxQueued: number;
}

interface Job {
  id: number;
  input: ExtractionInput;
  startedAt: number;
  resolve: (outcome: ExtractionOutcome) => void;
}

interface Slot {
  worker: Worker | null;
  job: Job | null;
  timer?: NodeJS.Timeout;
}

const workerEntry = new URL('./extraction-worker-entry.mjs', import.meta.url);

export function createWorkerPoolExtractor(options: WorkerPoolOptions): Extractor {
  const slots: Slot[] = Array.from({ length: options.workers }, () => ({
    worker: null,
    job: null,
  }));
  const queue: Job[] = [];
  let nextId = 1;
  let stopped = false;

  const fail = (job: Job, reason: ExtractionFailure): ExtractionOutcome => ({
    ok: false,
    reason,
    message: failureMessage(reason, options),
    elapsedMs: performance.now() - job.startedAt,
  });

  function finish(slot: Slot, outcome: ExtractionOutcome): void {
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = null;
    job?.resolve(outcome);
    pump();
  }

  function discard(slot: Slot): void {
    const worker = slot.worker;
    slot.worker = null;
    if (worker) {
      worker.removeAllListeners();
      worker.on('error', () => undefined);
      void worker.terminate();
    }
  }

  function spawn(slot: Slot): Worker {
    const worker = new Worker(workerEntry, {
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb, maxYoungGenerationSizeMb: 32 },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const job = slot.job;
      if (!job || reply.id !== job.id) return;
      finish(
        slot,
        reply.ok
          ? { ok: true, extraction: reply.extraction, elapsedMs: performance.now() - job.startedAt }
          : fail(job, reply.reason),
      );
    });
    worker.on('error', (error: Error & { code?: string }) => {
      discard(slot);
      if (slot.job)
        finish(
          slot,
          fail(slot.job, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out_of_memory' : 'crashed'),
        );
    });
    worker.on('exit', () => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      if (slot.job) finish(slot, fail(slot.job, 'crashed'));
    });
    return worker;
  }

  function pump(): void {
    for (const slot of slots) {
      if (stopped || slot.job || queue.length === 0) continue;
      const job = queue.shift();
      if (!job) return;
      slot.job = job;
      slot.worker ??= spawn(slot);
      slot.timer = setTimeout(() => {
        discard(slot);
        finish(slot, fail(job, 'timeout'));
      }, options.timeoutMs);
      const message: WorkerJob = { id: job.id, bytes: job.input.bytes, kind: job.input.kind };
      slot.worker.postMessage(message);
    }
  }

  return {
    extract(input) {
      if (stopped)
        throw new AppError(
          'INTERNAL',
          'El servidor se está deteniendo: reintente en unos segundos.',
        );
      if (queue.length >= options.maxQueued) {
        throw new AppError(
          'RATE_LIMITED',
          'Hay demasiadas facturas esperando ser leídas: reintente en unos segundos.',
        );
      }
      return new Promise<ExtractionOutcome>((resolve) => {
        queue.push({ id: nextId++, input, startedAt: performance.now(), resolve });
        pump();
      });
    },
    async stop() {
      stopped = true;
      for (const job of queue.splice(0)) job.resolve(fail(job, 'crashed'));
      await Promise.all(
        slots.map(async (slot) => {
          clearTimeout(slot.timer);
          const worker = slot.worker;
          slot.worker = null;
          if (slot.job) {
            slot.job.resolve(fail(slot.job, 'crashed'));
            slot.job = null;
          }
          if (worker) {
            worker.removeAllListeners();
            await worker.terminate();
          }
        }),
      );
    },
  };
}
