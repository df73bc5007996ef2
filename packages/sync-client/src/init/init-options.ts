import type { DatabaseKind } from '@cotejo/protocol';

/** What `init` may be told by flags; whatever is missing is asked (or is an error with --yes). */
export interface InitOptions {
  config: string;
  serverUrl?: string;
  keyEnv?: string;
  dbKind?: DatabaseKind;
  dbPath?: string;
  dbHost?: string;
  dbPort?: number;
  dbInstance?: string;
  dbUser?: string;
  dbName?: string;
  /** The password is in this environment variable (never on the command line). */
  dbPasswordEnv?: string;
  /** Write the password (from COTEJO_DB_PASSWORD or asked) to this file, mode 600. */
  dbPasswordFile?: string;
  encrypt?: 'strict' | 'true' | 'false';
  trustServerCertificate?: boolean;
  /** A template id, `auto` (detect, else score names) or `ninguna` (score names only). */
  template?: string;
  dataMinimization?: boolean;
  /** Unattended: never ask; a missing value is an error. */
  yes: boolean;
  force: boolean;
}

/** Flags of `init`, for `node:util` parseArgs. */
export const initFlags = {
  'server-url': { type: 'string' },
  'key-env': { type: 'string' },
  'db-kind': { type: 'string' },
  'db-path': { type: 'string' },
  'db-host': { type: 'string' },
  'db-port': { type: 'string' },
  'db-instance': { type: 'string' },
  'db-user': { type: 'string' },
  'db-name': { type: 'string' },
  'db-password-env': { type: 'string' },
  'db-password-file': { type: 'string' },
  encrypt: { type: 'string' },
  'trust-server-certificate': { type: 'boolean' },
  template: { type: 'string' },
  'data-minimization': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  force: { type: 'boolean' },
} as const;
