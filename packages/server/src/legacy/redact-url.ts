/** Query parameters whose values are secrets when a (legacy) client puts them in a URL. */
const secretParameters = /([?&](?:apikey|api_key|key|token|access_token)=)[^&#]*/gi;

/** The URL with secret query values replaced by `[redacted]`; for every log line. */
export function redactUrl(url: string): string {
  return url.replace(secretParameters, '$1[redacted]');
}
