import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/** One relayed connection: the two sockets and what the relay saw from the upstream. */
interface Pair {
  client: Socket;
  upstream: Socket;
  /** Bytes the upstream sent while the relay was stalled (swallowed, never forwarded). */
  swallowed: Buffer[];
  upstreamClosed: Promise<void>;
}

export interface FaultRelay {
  port: number;
  /** Stops forwarding in both directions without closing anything: a half-open connection. */
  stall(): void;
  /** Forwards again (what was swallowed stays lost). */
  resume(): void;
  /** Holds what the client sends, then delivers it on `release()`: a slow network. */
  hold(): void;
  release(): void;
  /** Chunks held so far (the client sent them; the upstream has not seen them). */
  heldChunks(): number;
  /** Closes the listener and cuts every connection: the service behind it is "down". */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  /** The upstream's bytes swallowed on the current connections, and their upstream close. */
  connections(): readonly Pair[];
  close(): Promise<void>;
}

/**
 * A loopback TCP relay for fault tests, in front of a server or a database on `upstreamPort`.
 * Unlike a proxy it can fail on purpose: stall (half-open: nothing forwarded, nothing closed),
 * hold the client's bytes and release them later, or go down and come back on the same port.
 */
export async function startFaultRelay(upstreamPort: number): Promise<FaultRelay> {
  const pairs = new Set<Pair>();
  let stalled = false;
  let held: { pair: Pair; chunk: Buffer }[] | null = null;
  let server: Server | undefined;
  let port = 0;

  const onConnection = (client: Socket) => {
    const upstream = connect(upstreamPort, '127.0.0.1');
    const pair: Pair = {
      client,
      upstream,
      swallowed: [],
      upstreamClosed: once(upstream, 'close').then(() => undefined),
    };
    pairs.add(pair);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('data', (chunk: Buffer) => {
      if (stalled) return;
      if (held) held.push({ pair, chunk });
      else upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (stalled) pair.swallowed.push(chunk);
      else client.write(chunk);
    });
    // While stalled, a close on one side is not passed on either: the other side must notice.
    client.on('close', () => {
      if (!stalled) upstream.destroy();
    });
    upstream.on('close', () => {
      pairs.delete(pair);
      if (!stalled) client.destroy();
    });
  };

  const listen = async () => {
    server = createServer(onConnection);
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  };
  const down = async () => {
    const closing = server;
    server = undefined;
    for (const pair of pairs) {
      pair.client.destroy();
      pair.upstream.destroy();
    }
    pairs.clear();
    if (closing) await new Promise((resolve) => closing.close(resolve));
  };

  await listen();
  return {
    get port() {
      return port;
    },
    stall: () => void (stalled = true),
    resume: () => void (stalled = false),
    hold: () => void (held ??= []),
    release() {
      const chunks = held ?? [];
      held = null;
      for (const { pair, chunk } of chunks) pair.upstream.write(chunk);
    },
    heldChunks: () => held?.length ?? 0,
    down,
    up: listen,
    connections: () => [...pairs],
    close: down,
  };
}

/**
 * The WebSocket ping frames in bytes a server sent (server frames are unmasked): opcode 0x9.
 * Frames are parsed by their lengths, so pings are not confused with bytes inside other frames.
 */
export function countPings(chunks: readonly Buffer[]): number {
  const bytes = Buffer.concat(chunks);
  let offset = 0;
  let pings = 0;
  while (offset + 2 <= bytes.length) {
    const opcode = (bytes[offset] ?? 0) & 0x0f;
    let length = (bytes[offset + 1] ?? 0) & 0x7f;
    let header = 2;
    if (length === 126) {
      length = bytes.readUInt16BE(offset + 2);
      header = 4;
    } else if (length === 127) {
      length = Number(bytes.readBigUInt64BE(offset + 2));
      header = 10;
    }
    if (opcode === 0x9) pings++;
    offset += header + length;
  }
  return pings;
}
