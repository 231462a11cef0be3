// Relay addresses: the person types or remembers a ws:// or wss:// address; the demo endpoints and
// the token endpoint live on the same host over http(s).

/** The default relay is the server that served this page (the relay serves the web client). */
export function defaultRelayUrl(loc: Pick<Location, 'protocol' | 'host'> = location): string {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${loc.host}`;
}

/** Accept http(s) and ws(s) forms and bare host:port; answer the ws(s) form without a trailing slash. */
export function normaliseRelayUrl(input: string): string {
  let url = input.trim().replace(/\/+$/, '');
  if (!/^[a-z]+:\/\//i.test(url)) url = `ws://${url}`;
  return url.replace(/^http:/i, 'ws:').replace(/^https:/i, 'wss:');
}

export function httpBase(relayUrl: string): string {
  return normaliseRelayUrl(relayUrl).replace(/^ws:/i, 'http:').replace(/^wss:/i, 'https:');
}

const REMEMBERED = 'hearth.relayUrl';

export function rememberedRelayUrl(): string | null {
  try {
    return localStorage.getItem(REMEMBERED);
  } catch {
    return null;
  }
}

export function rememberRelayUrl(url: string): void {
  try {
    localStorage.setItem(REMEMBERED, url);
  } catch {
    // Remembering the address is a convenience; sign-in works without it.
  }
}
