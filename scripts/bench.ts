/** `npm run bench [-- scenario]`: runs benchmark scenarios and prints a table and JSON. */
import { extractionBench } from './bench/extraction.ts';
import { connectionsBench } from './bench/connections.ts';
import { delivery } from './bench/delivery.ts';
import { roundTrip } from './bench/round-trip.ts';
import { throughputBench } from './bench/throughput.ts';

const scenarios = {
  'round-trip': () => roundTrip(Number(process.env.BENCH_COUNT ?? 1000)),
  delivery: () => delivery(Number(process.env.BENCH_COUNT ?? 1000)),
  extraction: () => extractionBench(),
  throughput: () => throughputBench(),
  connections: () => connectionsBench(Number(process.env.BENCH_CONNECTIONS ?? 10_000)),
} as const;

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in scenarios));
if (unknown.length > 0) {
  process.stderr.write(
    `Escenario desconocido: ${unknown.join(', ')}. Disponibles: ${Object.keys(scenarios).join(', ')}\n`,
  );
  process.exit(2);
}

const results: Record<string, unknown> = {};
for (const name of requested.length > 0 ? requested : Object.keys(scenarios)) {
  process.stderr.write(`bench: ${name}…\n`);
  const result = await scenarios[name as keyof typeof scenarios]();
  results[name] = result;
  console.table(result);
}
console.log(JSON.stringify(results, null, 2));
