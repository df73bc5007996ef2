import packageJson from '../package.json' with { type: 'json' };

/** The sync-client's version, from its package.json (inlined by the bundle); sent in `agent.hello`. */
export const syncClientVersion: string = packageJson.version;
