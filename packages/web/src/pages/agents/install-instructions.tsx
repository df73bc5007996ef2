import { Card } from '../../components/page-header.tsx';

const yaml = `server:
  url: ${window.location.origin}
  keyEnv: COTEJO_AGENT_KEY
database:
  kind: mssql            # mssql | postgres | mysql | sqlite
  host: 127.0.0.1
  database: ERP
  user: cotejo_lectura
  passwordEnv: COTEJO_DB_PASSWORD
lookups:
  - name: facturas
    sql: |
      SELECT numero_comprobante AS numeroComprobante, cuit AS cuit,
             fecha AS fecha, importe AS importe
      FROM facturas
      WHERE punto_venta = @puntoVenta AND numero = @numero`;

const code = 'block overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100';

export function InstallInstructions() {
  return (
    <Card title="Instalación">
      <ol className="list-decimal space-y-3 pl-5 text-sm text-slate-800">
        <li>
          En un equipo de su red que llegue a la base del ERP, instale Node.js 20 o posterior y el
          sync-client de Cotejo.
        </li>
        <li>
          Cree una clave arriba y guárdela en la variable de entorno <code>COTEJO_AGENT_KEY</code>{' '}
          del equipo (nunca en el archivo de configuración).
        </li>
        <li>
          Escriba <code>cotejo.yaml</code> con la consulta de su ERP (solo SELECT con parámetros; la
          nube nunca envía SQL):
          <pre className={`mt-2 ${code}`}>{yaml}</pre>
        </li>
        <li>
          Verifique y ejecute:
          <pre className={`mt-2 ${code}`}>
            {
              'cotejo-sync-client doctor --config cotejo.yaml\ncotejo-sync-client run --config cotejo.yaml'
            }
          </pre>
          El sync-client aparece en “Conectados” en cuanto se conecta. Solo necesita salida a
          Internet por HTTPS (puerto 443); si un proxy bloquea WebSocket, usa HTTP long-poll solo.
        </li>
      </ol>
    </Card>
  );
}
