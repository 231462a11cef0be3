// Why: the Content-Security-Policy is the renderer's last line if something injects script: it may
// load code only from the app itself and talk only to the configured relay. It is sent as a header
// with every app:// response (see protocol/app-protocol.ts), so it cannot be edited by the page.

/**
 * The origins a relay address allows: its WebSocket origin for sync and its http(s) origin for the
 * token and demo endpoints. Null when the address is not a ws(s) or http(s) URL.
 */
export function relayOrigins(relayUrl: string): [string, string] | null {
  let url: URL;
  try {
    url = new URL(relayUrl);
  } catch {
    return null;
  }
  const secure = url.protocol === 'wss:' || url.protocol === 'https:';
  if (!secure && url.protocol !== 'ws:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '') return null;
  return [`${secure ? 'wss' : 'ws'}://${url.host}`, `${secure ? 'https' : 'http'}://${url.host}`];
}

/**
 * The policy for the app's pages. With a relay configured (by IT or by the person's last sign-in)
 * connections go only there; before any relay is chosen, the sign-in screen must be able to reach
 * the address the person types, so any ws/http(s) origin is allowed until one is chosen.
 */
export function contentSecurityPolicy(relayUrl: string | null): string {
  const origins = relayUrl === null ? null : relayOrigins(relayUrl);
  const connect = origins === null ? (relayUrl === null ? "'self' ws: wss: http: https:" : "'self'") : `'self' ${origins.join(' ')}`;
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    // Attachments: a video plays from the device's copy (blob:) or streams from the relay (byte ranges).
    `media-src 'self' blob:${origins === null ? '' : ` ${origins[1]}`}`,
    "font-src 'self'",
    "worker-src 'self' blob:",
    `connect-src ${connect}`,
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
