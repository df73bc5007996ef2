import pg from 'pg';
import { demoErpTable } from '../../../scripts/lib/demo-erp.ts';
import { waitUntil } from '../../../scripts/lib/postgres-database.ts';

/** Invoice `n` of the fault ERP, as a platform client posts it. */
export function faultInvoice(n: number) {
  return {
    tipoComprobante: 'A',
    numeroComprobante: `0001-${String(n).padStart(8, '0')}`,
    cuit: '30500017704',
    fecha: '2026-03-15',
    importe: '100.00',
  };
}

/** The verdict invoice `n` must get from an ERP seeded with `seeded` invoices. */
export function expectedStatus(n: number, seeded: number): string {
  if (n > seeded) return 'NO_ENCONTRADO';
  return n % 5 === 0 ? 'DIFERENCIAS' : 'OK';
}

/** Fills a PostgreSQL ERP: invoices 1..count; every fifth recorded with another amount. */
export async function seedFaultErp(url: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(demoErpTable);
    await client.query(
      `insert into facturas (id, tipo, numero_comprobante, punto_venta, numero, cuit, fecha,
                             importe, razon_social)
       select n, 'A', '0001-' || lpad(n::text, 8, '0'), 1, n, '30-50001770-4', '2026-03-15',
              case when n % 5 = 0 then 999.00 else 100.00 end, 'Proveedor SA'
       from generate_series(1, $1::int) as n`,
      [count],
    );
  } finally {
    await client.end();
  }
}

interface RequestRow {
  id: string;
  state: string;
  status: string;
  attempts: number;
  verdicts: number;
}

export interface LedgerAudit {
  accepted: number;
  /** Accepted ids without a row, or given up on (failed, expired). */
  lost: string[];
  /** More than one verdict for one request. */
  doubled: string[];
  /** A final verdict other than the invoice's. */
  wrong: { id: string; expected: string; got: string }[];
  /** Still queued or delivered. */
  open: number;
  maxAttempts: number;
}

/**
 * Every validation a fault test had accepted, with the status it must end with; `audit()`
 * reads the queue and says what was lost, applied twice or answered wrong.
 */
export class Ledger {
  readonly #expected = new Map<string, string>();

  constructor(readonly databaseUrl: string) {}

  accept(id: string, expected: string): void {
    this.#expected.set(id, expected);
  }

  get size(): number {
    return this.#expected.size;
  }

  async audit(): Promise<LedgerAudit> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    let rows: RequestRow[];
    try {
      rows = (
        await client.query<RequestRow>(
          `select r.id, r.state, r.status, r.attempts,
                  (select count(*) from verdicts v where v.request_id = r.id)::int as verdicts
           from validation_requests r where r.id = any($1::uuid[])`,
          [[...this.#expected.keys()]],
        )
      ).rows;
    } finally {
      await client.end();
    }
    const byId = new Map(rows.map((row) => [row.id, row]));
    const audit: LedgerAudit = {
      accepted: this.#expected.size,
      lost: [],
      doubled: [],
      wrong: [],
      open: 0,
      maxAttempts: 0,
    };
    for (const [id, expected] of this.#expected) {
      const row = byId.get(id);
      if (!row || row.state === 'failed' || row.state === 'expired') audit.lost.push(id);
      else if (row.state !== 'completed') audit.open++;
      else if (row.status !== expected) audit.wrong.push({ id, expected, got: row.status });
      if (row && row.verdicts > 1) audit.doubled.push(id);
      audit.maxAttempts = Math.max(audit.maxAttempts, row?.attempts ?? 0);
    }
    return audit;
  }

  /** Waits until nothing is open any more, then returns the audit. */
  settled(timeoutMs = 60_000): Promise<LedgerAudit> {
    return waitUntil(
      async () => {
        const audit = await this.audit();
        return audit.open === 0 ? audit : undefined;
      },
      'every accepted validation settled',
      timeoutMs,
    );
  }
}
