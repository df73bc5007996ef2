import type { Extraction, FileKind } from './extraction.ts';

/** One uploaded file, its kind already sniffed from the content. */
export interface ExtractionInput {
  bytes: Uint8Array;
  kind: FileKind;
}

export type ExtractionOutcome =
  | { ok: true; extraction: Extraction; elapsedMs: number }
  /** `message` is Spanish and says what to do; `reason` is a stable code for logs and metrics. */
  | { ok: false; reason: ExtractionFailure; message: string; elapsedMs: number };

export const extractionFailures = [
  'unreadable',
  'encrypted',
  'too_large',
  'timeout',
  'out_of_memory',
  'crashed',
] as const;
export type ExtractionFailure = (typeof extractionFailures)[number];

/**
 * The extraction port: the worker-pool extractor implements it, and so does the optional LLM
 * extractor layered over it. Never throws for a bad file: the failure is an outcome.
 */
export interface Extractor {
  extract(input: ExtractionInput): Promise<ExtractionOutcome>;
  stop(): Promise<void>;
}
