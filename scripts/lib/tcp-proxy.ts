import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

export interface TcpProxyOptions {
  /** Upstream ports on 127.0.0.1, tried in order for each connection (failover). */
  upstreams: () => readonly number[];
  /**
   * Answer `403` to any request asking for a WebSocket upgrade, like a proxy or firewall that
   * blocks WebSockets; plain HTTP passes.
   */
  refuseWebSocket?: boolean;
}

export interface TcpProxy {
  url: string;
  port: number;
  close(): Promise<void>;
}

const refusal =
  'HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 25\r\n\r\nWebSockets no permitidos\n';

/** Connects to the first upstream that accepts. */
function dial(ports: readonly number[]): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const [port, ...rest] = ports;
    if (port === undefined) return reject(new Error('no upstream accepted'));
    const upstream = connect(port, '127.0.0.1');
    upstream.once('connect', () => resolve(upstream));
    upstream.once('error', () => void dial(rest).then(resolve, reject));
  });
}

/** A loopback TCP proxy for tests and benchmarks: failover between upstreams, WS blocking. */
export async function startTcpProxy(options: TcpProxyOptions): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    client.once('data', (first: Buffer) => {
      client.pause();
      if (options.refuseWebSocket && /^upgrade:\s*websocket/im.test(first.toString('latin1'))) {
        client.end(refusal);
        return;
      }
      dial(options.upstreams()).then(
        (upstream) => {
          sockets.add(upstream);
          upstream.on('close', () => sockets.delete(upstream));
          upstream.on('error', () => client.destroy());
          client.on('close', () => upstream.destroy());
          upstream.on('close', () => client.destroy());
          upstream.write(first);
          client.pipe(upstream);
          upstream.pipe(client);
          client.resume();
        },
        () => client.destroy(),
      );
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}
