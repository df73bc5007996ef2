import { useAgents, type AgentsOverview } from '../api/agents.ts';
import { PageHeader } from '../components/page-header.tsx';
import { QueryView } from '../components/states.tsx';
import { AgentKeys } from './agents/agent-keys.tsx';
import { ClientsTable } from './agents/clients-table.tsx';
import { InstallInstructions } from './agents/install-instructions.tsx';
import { Card } from '../components/page-header.tsx';

function PresenceBanner({ overview }: { overview: AgentsOverview }) {
  const count = overview.conectados.length;
  return count > 0 ? (
    <p
      role="status"
      className="mb-4 rounded-lg border border-emerald-300 bg-emerald-50 p-3 font-medium text-emerald-900"
    >
      {count === 1 ? '1 sync-client conectado' : `${count} sync-clients conectados`}: las facturas
      se validan al instante.
    </p>
  ) : (
    <p
      role="status"
      className="mb-4 rounded-lg border border-red-300 bg-red-50 p-3 font-medium text-red-900"
    >
      Sin conexión: ningún sync-client conectado. Las facturas que suba quedan Pendientes hasta que
      se conecte uno.
    </p>
  );
}

export function AgentsPage() {
  const agents = useAgents();
  return (
    <>
      <PageHeader
        title="Sync-clients"
        description="Los programas instalados junto a su ERP que responden las validaciones."
      />
      <QueryView query={agents} loading="Cargando sync-clients…">
        {(overview) => (
          <div className="space-y-6">
            <PresenceBanner overview={overview} />
            <Card title="Conectados">
              <ClientsTable
                clients={overview.conectados}
                empty="Ningún sync-client conectado ahora."
                caption="Sync-clients conectados"
              />
            </Card>
            {overview.desconectados.length > 0 && (
              <Card title="Desconectados en las últimas 24 horas">
                <ClientsTable
                  clients={overview.desconectados}
                  empty=""
                  caption="Sync-clients desconectados"
                />
              </Card>
            )}
            <AgentKeys keys={overview.claves} />
            <InstallInstructions />
          </div>
        )}
      </QueryView>
    </>
  );
}
