/**
 * The two kinds of secret a tenant holds, defined once: the sync-client's agent key and the
 * platform API token. Each has a recognizable prefix and its own table (hashes only).
 */
export const credentialKinds = {
  agentKey: {
    prefix: 'ck_',
    table: 'agent_keys',
    label: 'clave del sync-client',
    revokedMessage:
      'La clave del sync-client fue revocada: genere una nueva con "npm run admin -- key create".',
  },
  apiToken: {
    prefix: 'ct_',
    table: 'api_tokens',
    label: 'token de API',
    revokedMessage:
      'El token de API fue revocado: genere uno nuevo con "npm run admin -- token create".',
  },
} as const;

export type CredentialKind = keyof typeof credentialKinds;
