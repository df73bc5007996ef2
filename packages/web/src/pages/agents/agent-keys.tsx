import { useState } from 'react';
import { useCreateKey, useRevokeKey, type AgentKey } from '../../api/agents.ts';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/page-header.tsx';
import { Empty, ErrorMessage } from '../../components/states.tsx';
import { formatDateTime } from '../../format/es-ar.ts';
import { NewKeyNotice } from './new-key-notice.tsx';
import { TableHead } from '../../components/table-head.tsx';

const td = 'px-3 py-2 align-middle';

function keyState(key: AgentKey): string {
  if (key.revokedAt) return `Revocada el ${formatDateTime(key.revokedAt)}`;
  return key.connected ? 'Vigente, en uso' : 'Vigente';
}

/** Keys: create (the secret is shown once) and revoke (disconnects its sync-client at once). */
export function AgentKeys({ keys }: { keys: AgentKey[] }) {
  const create = useCreateKey();
  const revoke = useRevokeKey();
  const [confirming, setConfirming] = useState<string | null>(null);

  return (
    <Card title="Claves">
      <p className="mb-3 text-sm text-slate-600">
        Cada sync-client se conecta con una clave. Revocar una clave desconecta en el acto al
        sync-client que la usa.
      </p>
      <Button onClick={() => create.mutate()} disabled={create.isPending}>
        {create.isPending ? 'Creando…' : 'Crear clave'}
      </Button>
      {create.error && <ErrorMessage error={create.error} />}
      {create.data && (
        <NewKeyNotice
          id={create.data.id}
          secret={create.data.clave}
          onClose={() => create.reset()}
        />
      )}
      {revoke.error && <ErrorMessage error={revoke.error} />}
      <div className="mt-4 overflow-x-auto">
        {keys.length === 0 ? (
          <Empty title="Todavía no hay claves." />
        ) : (
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Claves de sync-client</caption>
            <TableHead
              columns={[
                'Id',
                'Creada',
                'Estado',
                { label: <span className="sr-only">Acciones</span> },
              ]}
            />
            <tbody className="divide-y divide-slate-100">
              {keys.map((key) => (
                <tr key={key.id} data-key={key.id}>
                  <td className={`${td} font-mono text-xs`}>{key.id}</td>
                  <td className={td}>{formatDateTime(key.createdAt)}</td>
                  <td className={td}>{keyState(key)}</td>
                  <td className={`${td} text-right`}>
                    {!key.revokedAt &&
                      (confirming === key.id ? (
                        <span className="inline-flex items-center gap-2">
                          <span className="text-slate-700">¿Revocar?</span>
                          <Button
                            variant="danger"
                            disabled={revoke.isPending}
                            onClick={() =>
                              revoke.mutate(key.id, { onSettled: () => setConfirming(null) })
                            }
                            aria-label={`Confirmar revocación de la clave ${key.id}`}
                          >
                            Sí, revocar
                          </Button>
                          <Button variant="secondary" onClick={() => setConfirming(null)}>
                            Cancelar
                          </Button>
                        </span>
                      ) : (
                        <Button
                          variant="danger"
                          onClick={() => setConfirming(key.id)}
                          aria-label={`Revocar la clave ${key.id}`}
                        >
                          Revocar
                        </Button>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Card>
  );
}
