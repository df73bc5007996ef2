import { readFileSync } from 'node:fs';

/** The sync-client's version, from its package.json; sent in `agent.hello`. */
export const syncClientVersion: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
