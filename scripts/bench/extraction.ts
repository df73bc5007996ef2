/**
 * Extraction over the real sample invoices (`../shared/fixtures/invoices/` beside the repo, or
 * `COTEJO_INVOICE_FIXTURES`), compared with their `ground-truth.json`: per-field accuracy and
 * time per document, through the same worker pool the server uses. The files hold personal
 * data and never enter this repository; without the folder the scenario says so and skips.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { createWorkerPoolExtractor, sniffFileKind, type ExtractedFields } from '@cotejo/server';
import { repoRoot } from '../lib/logged-process.ts';
import { summarize } from './percentiles.ts';

interface GroundTruth {
  file: string;
  kind: string;
  expected: {
    cuitEmisor?: string;
    tipoCmp?: number;
    ptoVta?: number;
    nroCmp?: number;
    fecha?: string;
    importe?: number;
    cae?: string;
    razonSocial?: string;
  };
}

/** Ground-truth key → how to read the same field from an extraction. */
const compared = {
  cuit: (e: GroundTruth['expected']) => e.cuitEmisor,
  tipoCmp: (e: GroundTruth['expected']) => e.tipoCmp,
  puntoVenta: (e: GroundTruth['expected']) => e.ptoVta,
  numero: (e: GroundTruth['expected']) => e.nroCmp,
  fecha: (e: GroundTruth['expected']) => e.fecha,
  importe: (e: GroundTruth['expected']) =>
    e.importe === undefined ? undefined : e.importe.toFixed(2),
  cae: (e: GroundTruth['expected']) => e.cae,
  razonSocial: (e: GroundTruth['expected']) => e.razonSocial?.toUpperCase(),
} as const satisfies Partial<
  Record<keyof ExtractedFields, (e: GroundTruth['expected']) => unknown>
>;
type ComparedField = keyof typeof compared;

function fixturesDir(): string {
  const configured = process.env.COTEJO_INVOICE_FIXTURES ?? '../shared/fixtures/invoices';
  return isAbsolute(configured) ? configured : resolve(repoRoot, configured);
}

export async function extractionBench() {
  const dir = fixturesDir();
  const truthPath = join(dir, 'ground-truth.json');
  if (!existsSync(truthPath)) {
    process.stderr.write(
      `bench extraction: no existe ${truthPath}; se omite (defina COTEJO_INVOICE_FIXTURES).\n`,
    );
    return { skipped: `sin facturas de muestra en ${dir}` };
  }
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as GroundTruth[];
  const extractor = createWorkerPoolExtractor({
    workers: 1,
    timeoutMs: 60_000,
    memoryMb: 512,
    maxQueued: 100,
  });
  const tally = Object.fromEntries(
    Object.keys(compared).map((field) => [field, { correct: 0, expected: 0 }]),
  ) as Record<ComparedField, { correct: number; expected: number }>;
  const times: number[] = [];
  const documents: Record<string, unknown>[] = [];
  try {
    for (const entry of truth) {
      const bytes = new Uint8Array(readFileSync(join(dir, entry.file)));
      const kind = sniffFileKind(bytes);
      if (!kind) throw new Error(`${entry.file}: tipo de archivo desconocido`);
      const outcome = await extractor.extract({ bytes, kind });
      times.push(outcome.elapsedMs);
      const wrong: string[] = [];
      for (const field of Object.keys(compared) as ComparedField[]) {
        const expected = compared[field](entry.expected);
        if (expected === undefined) continue;
        tally[field].expected++;
        const got = outcome.ok ? outcome.extraction.fields[field]?.value : undefined;
        const normalized =
          typeof got === 'string' && field === 'razonSocial' ? got.toUpperCase() : got;
        if (normalized === expected) tally[field].correct++;
        else wrong.push(`${field}=${String(got)}≠${String(expected)}`);
      }
      documents.push({
        file: entry.file.replace(/^[^_]+_/, ''),
        ms: Math.round(outcome.elapsedMs),
        qr: outcome.ok ? outcome.extraction.qr.status : outcome.reason,
        findings: outcome.ok ? outcome.extraction.findings.map((f) => f.code).join(' ') : '',
        wrong: wrong.join('; '),
      });
    }
  } finally {
    await extractor.stop();
  }
  console.table(documents);
  const accuracy = Object.fromEntries(
    Object.entries(tally).map(([field, { correct, expected }]) => [
      field,
      {
        correct,
        expected,
        accuracy: expected === 0 ? null : Math.round((correct / expected) * 1000) / 10,
      },
    ]),
  );
  return { ...accuracy, 'ms por documento': summarize(times) };
}
