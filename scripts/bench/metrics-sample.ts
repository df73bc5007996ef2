/** Samples of a server's `/metrics` (Prometheus text), by series name with labels. */
export async function scrapeMetrics(serverUrl: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${serverUrl}/metrics`)).text();
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const space = line.lastIndexOf(' ');
    samples.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return samples;
}
