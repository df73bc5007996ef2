/** `<server url>/api/agent/ws`, with http → ws and https → wss; query and fragment dropped. */
export function agentSocketUrl(serverUrl: string): string {
  const url = new URL(agentHttpUrl(serverUrl, '/api/agent/ws'));
  if (url.protocol === 'https:') url.protocol = 'wss:';
  else if (url.protocol === 'http:') url.protocol = 'ws:';
  return url.toString();
}

/** `<server url><path>` over HTTP(S) (ws → http, wss → https); query and fragment dropped. */
export function agentHttpUrl(serverUrl: string, path: string): string {
  const url = new URL(serverUrl);
  if (url.protocol === 'wss:') url.protocol = 'https:';
  else if (url.protocol === 'ws:') url.protocol = 'http:';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`;
  url.search = '';
  url.hash = '';
  return url.toString();
}
