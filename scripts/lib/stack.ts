import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repoRoot, startTs, tsxBin, type LoggedProcess } from './logged-process.ts';

const run = promisify(execFile);

/** Where the server keeps its data: PGlite under `dataDir`, or PostgreSQL at `databaseUrl`. */
export interface StorageEnv {
  dataDir: string;
  databaseUrl?: string;
}

function storageEnv(storage: StorageEnv): NodeJS.ProcessEnv {
  return {
    DATA_DIR: storage.dataDir,
    ...(storage.databaseUrl ? { DATABASE_URL: storage.databaseUrl } : {}),
  };
}

export interface ServerProcess {
  process: LoggedProcess;
  url: string;
}

/** Starts `packages/server/src/main.ts` on a free port and waits until it listens. */
export async function startServerProcess(
  storage: StorageEnv,
  env: NodeJS.ProcessEnv = {},
): Promise<ServerProcess> {
  const process = startTs(
    'packages/server/src/main.ts',
    [],
    { PORT: '0', LOG_LEVEL: 'info', ...storageEnv(storage), ...env },
    { direct: true },
  );
  const line = await process.waitForLog((entry) => entry.msg === 'server listening');
  return { process, url: String(line.url) };
}

/** Runs the admin CLI with `--json` and returns the one object it prints. */
export async function runAdmin(
  storage: StorageEnv,
  args: string[],
): Promise<Record<string, string>> {
  const { stdout } = await run(tsxBin, ['packages/server/src/admin/main.ts', ...args, '--json'], {
    cwd: repoRoot,
    env: { ...process.env, ...storageEnv(storage) },
  });
  return JSON.parse(stdout) as Record<string, string>;
}

/** Creates a tenant with an agent key and an API token through the admin CLI. */
export async function createTenantWithCredentials(storage: StorageEnv, name: string) {
  const { id: tenantId } = await runAdmin(storage, ['tenant', 'create', '--name', name]);
  if (!tenantId) throw new Error('admin CLI returned no tenant id');
  const { key } = await runAdmin(storage, ['key', 'create', '--tenant', tenantId]);
  const { token } = await runAdmin(storage, ['token', 'create', '--tenant', tenantId]);
  if (!key || !token) throw new Error('admin CLI returned no key or token');
  return { tenantId, agentKey: key, apiToken: token };
}

/** Starts a sync-client process and waits until it is connected. */
export async function startSyncClient(
  configPath: string,
  agentKey: string,
  env: NodeJS.ProcessEnv = {},
) {
  const process = startTs(
    'packages/sync-client/src/cli/main.ts',
    ['run', '--config', configPath],
    { COTEJO_AGENT_KEY: agentKey, ...env },
    { direct: true },
  );
  await process.waitForLog((line) => line.msg === 'connected');
  return process;
}

export interface ValidationResponse {
  httpStatus: number;
  body: {
    id: string;
    status: string;
    verdict: {
      differences: { field: string; cloud: string; local: string }[];
      duplicates: number;
    } | null;
    error: { code: string; message: string } | null;
    latencyMs: number | null;
  };
}

/** The platform API client the tests and benchmarks use. */
export function platformClient(url: string, apiToken: string) {
  const headers = { authorization: `Bearer ${apiToken}`, 'content-type': 'application/json' };
  const read = async (response: Response): Promise<ValidationResponse> => ({
    httpStatus: response.status,
    body: (await response.json()) as ValidationResponse['body'],
  });
  return {
    validate: async (invoice: unknown) =>
      read(
        await fetch(`${url}/api/validaciones`, {
          method: 'POST',
          headers,
          body: JSON.stringify(invoice),
        }),
      ),
    get: async (id: string) => read(await fetch(`${url}/api/validaciones/${id}`, { headers })),
  };
}
