import { MssqlDriver } from '../src/drivers/mssql/mssql-driver.ts';
import { closedPort } from './closed-port.ts';
import { describeDriverConformance } from './driver-conformance.ts';
import { mssqlLogin, startMssqlErp } from './mssql-erp.ts';

/** The TDS test server holds a query containing this literal until it is cancelled. */
const slowMarker = 'consulta-lenta';
const countRunning = 'running requests of the TDS test server';

let erp: Awaited<ReturnType<typeof startMssqlErp>>;

describeDriverConformance({
  kind: 'mssql',
  columnTypes: { integer: 'INT', text: 'NVARCHAR(200)', decimal: 'DECIMAL(15,2)', date: 'DATE' },
  async setup() {
    erp = await startMssqlErp({
      script: (request) => (request.sql.includes(slowMarker) ? { hang: true } : undefined),
    });
    return {
      driver: new MssqlDriver(erp.settings()),
      exec: (sql: string) =>
        Promise.resolve(sql === countRunning ? [{ n: erp.server.running }] : erp.exec(sql)),
      teardown: () => erp.close(),
    };
  },
  badLogin: () => new MssqlDriver(erp.settings({ password: `${mssqlLogin.password}-equivocada` })),
  unreachable: async () => new MssqlDriver(erp.settings({ port: await closedPort() })),
  dropConnections: () => erp.server.restart(),
  slowQuery: { sql: `SELECT '${slowMarker}' AS cuit`, countRunning },
});
