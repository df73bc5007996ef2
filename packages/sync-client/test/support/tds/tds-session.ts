import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { parseClientRequest, type ClientRequest } from './client-request.ts';
import { parseLogin7, type Login7 } from './login7.ts';
import { encodeMessage, MessageAssembler, packetType, type TdsMessage } from './packet-stream.ts';
import { clientEncryption, encryption, parsePrelogin, preloginReply } from './prelogin.ts';
import { resultSetTokens, type ResultSet } from './result-set.ts';
import { tunnelTls7, type TlsCredentials } from './tls-tunnel.ts';
import {
  collationChange,
  command,
  done,
  doneStatus,
  envChange,
  envChangeType,
  latin1Collation,
  loginAck,
  returnStatus,
  serverMessage,
  type ServerMessage,
} from './tokens.ts';

/** How the server answers one request; tests script faults with these. */
export interface QueryReply {
  resultSets?: ResultSet[];
  error?: ServerMessage;
  /** Never answer: the request runs until the client sends ATTENTION (or disconnects). */
  hang?: boolean;
  /** Close the connection instead of answering, as a server restart or a network cut would. */
  dropConnection?: boolean;
}

export interface SessionContext {
  /** `tds7`: TLS inside PRELOGIN when the client asks for it; `none`: never (not supported). */
  encryption: 'none' | 'tds7' | 'strict';
  credentials: TlsCredentials | undefined;
  accepts(login: Login7): boolean;
  answer(request: ClientRequest, login: Login7): QueryReply | Promise<QueryReply>;
  record(request: ClientRequest): void;
  onLogin(login: Login7): void;
  /** Called with +1 when a request starts hanging and −1 when it ends. */
  countHanging(delta: number): void;
}

/** tedious' and FreeTDS' session setup after login: only SET statements. */
function isSessionSetup(request: ClientRequest): boolean {
  const statements = request.sql
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
  return request.kind === 'batch' && statements.every((statement) => /^set\s/i.test(statement));
}

/** One client connection: PRELOGIN → (TLS) → LOGIN7 → requests, with ATTENTION handling. */
export class TdsSession {
  #stream: Duplex;
  #assembler = new MessageAssembler();
  #packetId = 1;
  #login: Login7 | undefined;
  #outstanding: { cancelled: boolean; hanging: boolean; release: () => void } | undefined;
  #queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: Socket | Duplex,
    private readonly context: SessionContext,
  ) {
    this.#stream = socket;
    this.#listen(socket);
    socket.on('close', () => this.#endOutstanding());
  }

  #listen(stream: Duplex): void {
    stream.on('data', (data: Buffer) => {
      let messages: TdsMessage[];
      try {
        messages = this.#assembler.push(data);
      } catch {
        this.socket.destroy();
        return;
      }
      for (const message of messages) {
        if (message.type === packetType.attention) this.#attention();
        else {
          this.#queue = this.#queue
            .then(() => this.#handle(message))
            .catch(() => {
              this.socket.destroy();
            });
        }
      }
    });
    stream.on('error', () => undefined);
  }

  #send(type: number, payload: Buffer): void {
    const { bytes, packets } = encodeMessage(type, payload, 4096, this.#packetId);
    this.#packetId += packets;
    this.#stream.write(bytes);
  }

  async #handle(message: TdsMessage): Promise<void> {
    switch (message.type) {
      case packetType.prelogin:
        return this.#prelogin(message.payload);
      case packetType.login7:
        return this.#loginMessage(message.payload);
      case packetType.sqlBatch:
      case packetType.rpc:
        return this.#request(message.type, message.payload);
      default:
        this.socket.destroy();
    }
  }

  #prelogin(payload: Buffer): void {
    const wantsTls = clientEncryption(parsePrelogin(payload)) === encryption.on;
    const tls = wantsTls && this.context.encryption === 'tds7' && this.context.credentials;
    this.#send(packetType.reply, preloginReply(tls ? encryption.on : encryption.notSupported));
    if (tls) {
      this.#stream.removeAllListeners('data');
      this.#stream = tunnelTls7(this.socket as Socket, tls);
      this.#listen(this.#stream);
    }
  }

  #loginMessage(payload: Buffer): void {
    const login = parseLogin7(payload);
    this.context.onLogin(login);
    if (!this.context.accepts(login)) {
      const failed = {
        number: 18456,
        severity: 14,
        message: `Login failed for user '${login.userName}'.`,
      };
      this.#send(
        packetType.reply,
        Buffer.concat([
          serverMessage('error', failed),
          done('done', doneStatus.error, command.none),
        ]),
      );
      return;
    }
    this.#login = login;
    const database = login.database || 'master';
    this.#send(
      packetType.reply,
      Buffer.concat([
        envChange(envChangeType.database, database, 'master'),
        serverMessage('info', {
          number: 5701,
          state: 2,
          message: `Changed database context to '${database}'.`,
        }),
        collationChange(latin1Collation),
        envChange(envChangeType.language, 'us_english', ''),
        envChange(envChangeType.packetSize, '4096', '4096'),
        serverMessage('info', { number: 5703, message: 'Changed language setting to us_english.' }),
        loginAck(),
        done('done', doneStatus.final, command.none),
      ]),
    );
  }

  async #request(type: number, payload: Buffer): Promise<void> {
    const login = this.#login;
    if (login === undefined) {
      this.socket.destroy();
      return;
    }
    const request = parseClientRequest(type, payload);
    this.context.record(request);
    if (isSessionSetup(request)) {
      this.#send(packetType.reply, done('done', doneStatus.final, command.none));
      return;
    }
    const reply = await this.context.answer(request, login);
    if (reply.dropConnection) {
      this.socket.destroy();
      return;
    }
    if (reply.hang) {
      await this.#hang();
      return;
    }
    this.#send(packetType.reply, replyTokens(reply, request.kind !== 'batch'));
  }

  /** Waits for ATTENTION or the connection's end, like a long-running query. */
  #hang(): Promise<void> {
    return new Promise((release) => {
      this.context.countHanging(1);
      this.#outstanding = { cancelled: false, hanging: true, release };
    });
  }

  #endOutstanding(): void {
    const outstanding = this.#outstanding;
    this.#outstanding = undefined;
    if (!outstanding) return;
    outstanding.cancelled = true;
    if (outstanding.hanging) this.context.countHanging(-1);
    outstanding.release();
  }

  /**
   * Like SQL Server: the interrupted request ends with its own final message, then a
   * separate message acknowledges the attention with DONE_ATTN.
   */
  #attention(): void {
    if (this.#outstanding) {
      this.#endOutstanding();
      this.#send(packetType.reply, done('done', doneStatus.final, command.none));
    }
    this.#send(packetType.reply, done('done', doneStatus.attention, command.none));
  }
}

/**
 * The reply tokens for one request (MS-TDS "SQL Batch" and "RPC Server Response" examples):
 * each result set ends with DONE (batch) or DONEINPROC (RPC) carrying its row count; an RPC
 * ends with RETURNSTATUS and DONEPROC.
 */
export function replyTokens(reply: QueryReply, isRpc: boolean): Buffer {
  const inner = isRpc ? 'doneInProc' : 'done';
  const parts: Buffer[] = [];
  const sets = reply.resultSets ?? [];
  sets.forEach((set, index) => {
    const last = !isRpc && index === sets.length - 1 && !reply.error;
    const status = doneStatus.count | (last ? 0 : doneStatus.more);
    parts.push(resultSetTokens(set), done(inner, status, command.select, set.rows.length));
  });
  if (reply.error) {
    parts.push(
      serverMessage('error', reply.error),
      done(inner, doneStatus.error | (isRpc ? doneStatus.more : 0), command.select),
    );
  }
  if (isRpc) {
    parts.push(
      returnStatus(reply.error ? 1 : 0),
      done('doneProc', reply.error ? doneStatus.error : doneStatus.final, command.execute),
    );
  } else if (parts.length === 0) parts.push(done('done', doneStatus.final, command.none));
  return Buffer.concat(parts);
}
