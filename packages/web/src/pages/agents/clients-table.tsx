import type { SyncClient } from '../../api/agents.ts';
import { Empty } from '../../components/states.tsx';
import { formatAgo, formatDateTime, formatDuration } from '../../format/es-ar.ts';
import { useNow } from '../../format/use-now.ts';
import { TableHead } from '../../components/table-head.tsx';

const transportLabel: Record<string, string> = {
  websocket: 'WebSocket',
  'long-poll': 'HTTP long-poll',
  'legacy-ws': 'WebSocket (versión anterior)',
  'legacy-poll': 'Polling (versión anterior)',
};

const td = 'px-3 py-2 align-top';

export function ClientsTable(props: { clients: SyncClient[]; empty: string; caption: string }) {
  const now = useNow();
  if (props.clients.length === 0) return <Empty title={props.empty} />;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{props.caption}</caption>
        <TableHead
          columns={[
            'Equipo',
            'Versión',
            'Transporte',
            'Último latido',
            'En curso',
            'Latencia (mediana 1 h)',
            props.clients[0]?.disconnectedAt ? 'Desconectado' : 'Conectado desde',
          ]}
        />
        <tbody className="divide-y divide-slate-100">
          {props.clients.map((client) => (
            <tr key={client.sessionId} data-session={client.sessionId}>
              <td className={td}>
                <div className="font-medium text-slate-900">
                  {client.hostname ?? 'Sin nombre aún'}
                </div>
                <div className="text-xs text-slate-500">
                  {[client.database, client.remoteAddress].filter(Boolean).join(' · ')}
                </div>
              </td>
              <td className={td}>{client.version ?? '—'}</td>
              <td className={td}>
                {transportLabel[client.transport] ?? client.transport}
                {client.fallbackReason && (
                  <div className="text-xs text-amber-800">Motivo: {client.fallbackReason}</div>
                )}
              </td>
              <td className={td}>
                <time dateTime={client.lastSeenAt} title={formatDateTime(client.lastSeenAt)}>
                  {formatAgo(client.lastSeenAt, now)}
                </time>
              </td>
              <td className={td}>{client.inFlight}</td>
              <td className={td}>{formatDuration(client.latencyP50Ms)}</td>
              <td className={td}>
                {client.disconnectedAt ? (
                  <>
                    {formatDateTime(client.disconnectedAt)}
                    {client.closeReason && (
                      <div className="text-xs text-slate-500">{client.closeReason}</div>
                    )}
                  </>
                ) : (
                  formatDateTime(client.connectedAt)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
