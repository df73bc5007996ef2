import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { ClientRequest } from './client-request.ts';
import type { Login7 } from './login7.ts';
import { createSqliteEngine } from './sqlite-engine.ts';
import { TdsSession, type QueryReply, type SessionContext } from './tds-session.ts';
import type { TlsCredentials } from './tls-tunnel.ts';

export type { ClientRequest } from './client-request.ts';
export type { QueryReply } from './tds-session.ts';

export interface TdsTestServerOptions {
  /** The SQLite file that stands in for the ERP database (opened read-only). */
  sqlitePath: string;
  /** The database name the server reports. */
  database?: string;
  /** Accepted logins: user → password. */
  logins?: Record<string, string>;
  /** `none`: refuses TLS (answers NOT_SUP); `tds7`: TLS inside PRELOGIN; `strict`: TDS 8.0. */
  encryption?: SessionContext['encryption'];
  credentials?: TlsCredentials;
  /** Tables `HAS_PERMS_BY_NAME` reports as writable (least-privilege checks). */
  writableTables?: string[];
  /** Answers tried before the database; `undefined` lets the database answer. */
  script?: (request: ClientRequest, login: Login7) => QueryReply | undefined;
}

export interface TdsTestServer {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** Every SQL batch and RPC received, in order. */
  readonly requests: ClientRequest[];
  readonly logins: Login7[];
  /** Requests currently running (scripted to hang), as a server's activity view would show. */
  readonly running: number;
  /** Closes every client connection (the listener stays up). */
  dropConnections(): void;
  /** Stops listening and drops every connection, then listens again on the same port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TDS 7.4 server on 127.0.0.1 standing in for SQL Server in tests: real packets, PRELOGIN
 * (optionally TLS), LOGIN7, SQL batches and `sp_executesql` RPCs with typed parameters,
 * ATTENTION; queries run on a SQLite file. Written from MS-TDS, independent of tedious.
 */
export async function startTdsTestServer(options: TdsTestServerOptions): Promise<TdsTestServer> {
  const database = options.database ?? 'ERP';
  const logins = options.logins ?? { cotejo: 'secreta' };
  const engine = createSqliteEngine(options.sqlitePath, database, options.writableTables);
  const requests: ClientRequest[] = [];
  const seenLogins: Login7[] = [];
  const sockets = new Set<Socket>();
  let running = 0;

  const context: SessionContext = {
    encryption: options.encryption ?? 'none',
    credentials: options.credentials,
    accepts: (login) => logins[login.userName] === login.password,
    answer: (request, login) => options.script?.(request, login) ?? engine.answer(request),
    record: (request) => requests.push(request),
    onLogin: (login) => seenLogins.push(login),
    countHanging: (delta) => (running += delta),
  };
  const accept = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    new TdsSession(socket, context);
  };
  const listen = async (port: number): Promise<Server> => {
    const server =
      context.encryption === 'strict' && options.credentials
        ? createTlsServer({ ...options.credentials, ALPNProtocols: ['tds/8.0'] }, accept)
        : createServer(accept);
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    return server;
  };
  const dropConnections = () => {
    for (const socket of sockets) socket.destroy();
  };
  const stop = async (server: Server) => {
    dropConnections();
    server.close();
    await once(server, 'close');
  };

  let server = await listen(0);
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    host: '127.0.0.1',
    port,
    requests,
    logins: seenLogins,
    get running() {
      return running;
    },
    dropConnections,
    async restart() {
      await stop(server);
      server = await listen(port);
    },
    async close() {
      await stop(server);
      engine.close();
    },
  };
}
