import type { DemoInvoices } from '../lib/demo-erp.ts';
import type { platformClient } from '../lib/stack.ts';

type Api = ReturnType<typeof platformClient>;

const expected: Record<keyof DemoInvoices, string> = {
  ok: 'OK',
  diferencias: 'DIFERENCIAS',
  noEncontrado: 'NO_ENCONTRADO',
  duplicado: 'DUPLICADO',
};

/**
 * Two validations per tenant posted at once while its sync-clients reconnect; each is followed
 * (GET every 200 ms) until its verdict. Returns the outcome by status and the time to verdict.
 */
export async function stormValidations(apis: readonly Api[], invoices: DemoInvoices) {
  const kinds = Object.keys(expected) as (keyof DemoInvoices)[];
  const outcomes = new Map<string, number>();
  const latencies: number[] = [];
  let right = 0;
  let refused = 0;
  await Promise.all(
    apis.flatMap((api, index) =>
      [0, 1].map(async (offset) => {
        const kind = kinds[(index * 2 + offset) % kinds.length] ?? 'ok';
        const started = performance.now();
        const { httpStatus, body } = await api.validate(invoices[kind]);
        if (httpStatus !== 200 && httpStatus !== 202) {
          refused++;
          return;
        }
        let status = body.status;
        while (status === 'PENDIENTE') {
          await new Promise((resolve) => setTimeout(resolve, 200));
          status = (await api.get(body.id)).body.status;
        }
        latencies.push(performance.now() - started);
        outcomes.set(status, (outcomes.get(status) ?? 0) + 1);
        if (status === expected[kind]) right++;
      }),
    ),
  );
  return {
    summary: {
      'validations submitted': apis.length * 2,
      'validations refused': refused,
      'verdicts right': right,
      'verdicts by status': JSON.stringify(Object.fromEntries(outcomes)),
    },
    latencies,
  };
}
