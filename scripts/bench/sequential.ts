import type { platformClient } from '../lib/stack.ts';
import { summarize } from './percentiles.ts';

/**
 * `count` validations one after the other (after `warmup` unmeasured ones), cycling through
 * `invoices`; each sample is the wall time of one API call as the client sees it.
 */
export async function sequentialValidations(
  api: ReturnType<typeof platformClient>,
  invoices: readonly unknown[],
  count: number,
  warmup: number,
) {
  const samples: number[] = [];
  for (let i = 0; i < warmup + count; i++) {
    const started = performance.now();
    const { httpStatus } = await api.validate(invoices[i % invoices.length]);
    const elapsed = performance.now() - started;
    if (httpStatus !== 200) throw new Error(`validation ${i} answered ${httpStatus}`);
    if (i >= warmup) samples.push(elapsed);
  }
  return summarize(samples);
}
