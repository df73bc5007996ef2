/** `<server url>/api/agent/ws`, with http → ws and https → wss; query and fragment dropped. */
export function agentSocketUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  if (url.protocol === 'https:') url.protocol = 'wss:';
  else if (url.protocol === 'http:') url.protocol = 'ws:';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/api/agent/ws`;
  url.search = '';
  url.hash = '';
  return url.toString();
}
