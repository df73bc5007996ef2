import { backoffDelayMs } from '@cotejo/protocol';
import pg from 'pg';

export interface PgListenerOptions {
  connectionString: string;
  /** A plain identifier: `[a-z_]+`. */
  channel: string;
  /** `pg_advisory_lock(key1, key2)` held on this connection while it lives (liveness). */
  lock: readonly [number, number];
  onNotification: (payload: string) => void;
  onError: (error: unknown) => void;
}

export interface PgListener {
  close(): Promise<void>;
}

/**
 * One dedicated PostgreSQL connection (outside the pool) that holds an advisory lock and
 * LISTENs on a channel. When the connection drops it reconnects with backoff and takes both
 * again. The lock disappears with the process, which is how other instances know it died.
 */
export async function openPgListener(options: PgListenerOptions): Promise<PgListener> {
  if (!/^[a-z_]+$/.test(options.channel)) throw new Error('invalid channel name');
  let client: pg.Client | undefined;
  let closed = false;
  let attempt = 0;
  let retry: NodeJS.Timeout | undefined;

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: options.connectionString });
    next.on('notification', (message) => {
      if (message.channel === options.channel) options.onNotification(message.payload ?? '');
    });
    next.on('error', (error) => {
      options.onError(error);
      next.end().catch(() => undefined);
    });
    next.on('end', () => {
      if (client === next) client = undefined;
      if (!closed) scheduleReconnect();
    });
    await next.connect();
    await next.query('select pg_advisory_lock($1::int, $2::int)', [...options.lock]);
    await next.query(`listen ${options.channel}`);
    client = next;
    attempt = 0;
  }

  function scheduleReconnect(): void {
    clearTimeout(retry);
    retry = setTimeout(
      () => {
        connect().catch((error: unknown) => {
          options.onError(error);
          scheduleReconnect();
        });
      },
      backoffDelayMs(attempt++, { baseMs: 500, capMs: 10_000 }),
    );
    retry.unref();
  }

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
