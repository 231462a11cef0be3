// GET /api/config: what a web client needs to know before anyone signs in — whether the relay runs
// the demo company (a person picker) and which company identity provider to sign in with (issuer
// and the web client's id; the client runs the authorization code flow with PKCE itself). Nothing
// here is secret: a public client has no secret, and the issuer is what every sign-in page shows.
import type { RouteHandler } from './respond.js';
import { sendJson } from './respond.js';

export interface ClientConfig {
  demo: boolean;
  oidc: { issuer: string; clientId: string; scopes: string } | null;
}

export function configRoute(config: ClientConfig): RouteHandler {
  return (req, res, url) => {
    if (url.pathname !== '/api/config') return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'use GET' });
      return true;
    }
    sendJson(res, 200, config);
    return true;
  };
}
