import { agentSubprotocol } from '@cotejo/protocol';
import WebSocket from 'ws';
import type { SyncClientConfig } from '../config/load-config.ts';
import { syncClientVersion } from '../version.ts';
import type { DoctorCheck } from './doctor-check.ts';

/** Clock differences above this are reported: certificates and leases depend on the time. */
const maxSkewMs = 30_000;

function baseUrl(serverUrl: string, path: string, websocket = false): string {
  const url = new URL(serverUrl);
  if (websocket)
    url.protocol =
      url.protocol === 'https:' ? 'wss:' : url.protocol === 'http:' ? 'ws:' : url.protocol;
  else
    url.protocol =
      url.protocol === 'wss:' ? 'https:' : url.protocol === 'ws:' ? 'http:' : url.protocol;
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`;
  url.search = '';
  return url.toString();
}

/** Opens the agent WebSocket with the key and closes it at once: `open`, an HTTP status, or an error. */
function tryWebSocket(config: SyncClientConfig): Promise<'open' | number | Error> {
  return new Promise((resolve) => {
    const socket = new WebSocket(
      baseUrl(config.server.url, '/api/agent/ws', true),
      agentSubprotocol,
      {
        headers: { authorization: `Bearer ${config.server.key}` },
        handshakeTimeout: 10_000,
      },
    );
    socket.once('open', () => {
      resolve('open');
      socket.close(1000, 'cotejo-sync-client doctor');
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      response.resume();
      socket.terminate();
    });
    socket.once('error', (error) => resolve(error));
  });
}

/** Long-poll reachability without claiming requests: an `agent.hello` through the responses endpoint. */
async function tryLongPoll(config: SyncClientConfig): Promise<number | Error> {
  try {
    const response = await fetch(baseUrl(config.server.url, '/api/agent/responses'), {
      method: 'POST',
      headers: { authorization: `Bearer ${config.server.key}`, 'content-type': 'application/json' },
      body: JSON.stringify([
        {
          jsonrpc: '2.0',
          method: 'agent.hello',
          params: {
            version: syncClientVersion,
            hostname: 'doctor',
            database: config.database.kind,
            lookups: [],
            queries: [],
          },
        },
      ]),
      signal: AbortSignal.timeout(10_000),
    });
    await response.body?.cancel();
    return response.status;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Server checks: reachable, key accepted, WebSocket or only long-poll, clock skew. */
export async function checkServer(
  config: SyncClientConfig,
  now: () => number = Date.now,
): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  let health: Response;
  try {
    health = await fetch(baseUrl(config.server.url, '/healthz'), {
      signal: AbortSignal.timeout(10_000),
    });
    await health.body?.cancel();
  } catch (error) {
    return [
      {
        status: 'fail',
        title: `El servidor ${config.server.url} no responde`,
        detail: `${(error as Error).message}. Verifique la URL, el proxy y el firewall (salida HTTPS).`,
      },
    ];
  }
  checks.push({
    status: health.ok ? 'ok' : 'warn',
    title: `Servidor alcanzable (${config.server.url}, HTTP ${health.status})`,
  });
  const date = health.headers.get('date');
  if (date !== null) {
    const skewMs = now() - Date.parse(date);
    const seconds = Math.round(skewMs / 1000);
    checks.push(
      Math.abs(skewMs) > maxSkewMs
        ? {
            status: 'warn',
            title: `El reloj de este equipo difiere ${seconds} s del servidor`,
            detail: 'Sincronice la hora (NTP / servicio Hora de Windows).',
          }
        : { status: 'ok', title: `Reloj sincronizado (diferencia ${seconds} s)` },
    );
  }
  const websocket = await tryWebSocket(config);
  if (websocket === 'open') {
    checks.push({
      status: 'ok',
      title: 'Clave del sync-client aceptada; conexión WebSocket disponible',
    });
    return checks;
  }
  if (websocket === 401) {
    checks.push({
      status: 'fail',
      title: 'El servidor rechazó la clave del sync-client (HTTP 401)',
      detail: `Genere una nueva en Agentes → Claves y asígnela a ${config.server.keyEnv}.`,
    });
    return checks;
  }
  const longPoll = await tryLongPoll(config);
  if (longPoll === 200) {
    checks.push({
      status: 'warn',
      title: 'Clave aceptada, pero sólo por long-poll: la red bloquea WebSocket',
      detail: `WebSocket: ${websocket instanceof Error ? websocket.message : `HTTP ${websocket}`}. Funciona, con algo más de demora.`,
    });
  } else if (longPoll === 401) {
    checks.push({
      status: 'fail',
      title: 'El servidor rechazó la clave del sync-client (HTTP 401)',
      detail: `Genere una nueva en Agentes → Claves y asígnela a ${config.server.keyEnv}.`,
    });
  } else {
    const detail = (outcome: number | Error) =>
      outcome instanceof Error ? outcome.message : `HTTP ${outcome}`;
    checks.push({
      status: 'fail',
      title: 'No se pudo abrir el canal con el servidor',
      detail: `WebSocket: ${detail(websocket)}; long-poll: ${detail(longPoll)}`,
    });
  }
  return checks;
}
