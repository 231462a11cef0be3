import { describe, expect, it } from 'vitest';
import { signInWithOidc } from './oidc-sign-in.js';
import type { OidcDeps } from './oidc-sign-in.js';

const issuer = 'https://login.corp.example.com/realms/staff';
const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

/** A fake identity provider: discovery and token endpoints over fetch; the "browser" follows the redirect. */
function idp(options: { deny?: boolean; wrongNonce?: boolean; wrongState?: boolean } = {}) {
  const seen: { authorize?: URL; tokenForm?: URLSearchParams } = {};
  const deps: OidcDeps = {
    issuer,
    clientId: 'hearth-desktop',
    timeoutMs: 2_000,
    async fetch(url, init) {
      if (url === `${issuer}/.well-known/openid-configuration`) {
        return Response.json({ authorization_endpoint: `${issuer}/protocol/openid-connect/auth`, token_endpoint: `${issuer}/protocol/openid-connect/token` });
      }
      if (url === `${issuer}/protocol/openid-connect/token` && init?.method === 'POST') {
        seen.tokenForm = new URLSearchParams(String(init.body));
        const nonce = options.wrongNonce ? 'other' : seen.authorize?.searchParams.get('nonce');
        return Response.json({ id_token: jwt({ sub: 'seema', exp: 2_000_000_000, nonce }), token_type: 'Bearer' });
      }
      return new Response(null, { status: 404 });
    },
    async openExternal(url) {
      const authorize = new URL(url);
      seen.authorize = authorize;
      const back = new URL(authorize.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('state', options.wrongState ? 'forged' : (authorize.searchParams.get('state') ?? ''));
      if (options.deny) back.searchParams.set('error', 'access_denied');
      else back.searchParams.set('code', 'code-123');
      // The browser follows the redirect in the background, as a real one would.
      void fetch(back).catch(() => {});
    },
  };
  return { deps, seen };
}

describe('OIDC sign-in through the system browser', () => {
  it('uses authorization code with PKCE and a loopback redirect, and returns the session', async () => {
    const { deps, seen } = idp();
    const result = await signInWithOidc(deps, 'wss://hearth.corp.example.com');
    expect(result).toEqual({ ok: true, session: { personId: 'seema', token: expect.any(String), relayUrl: 'wss://hearth.corp.example.com', expiresAt: 2_000_000_000_000 } });
    const a = seen.authorize as URL;
    expect(a.searchParams.get('code_challenge_method')).toBe('S256');
    expect(a.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(seen.tokenForm?.get('code')).toBe('code-123');
    expect(seen.tokenForm?.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('says so when the person cancels at the identity provider', async () => {
    expect(await signInWithOidc(idp({ deny: true }).deps, 'wss://corp')).toMatchObject({ ok: false, reason: 'cancelled' });
  });

  it('refuses an ID token minted for another sign-in (nonce mismatch)', async () => {
    expect(await signInWithOidc(idp({ wrongNonce: true }).deps, 'wss://corp')).toMatchObject({ ok: false, reason: 'failed' });
  });

  it('ignores a redirect with a forged state and gives up after the timeout', async () => {
    const { deps } = idp({ wrongState: true });
    expect(await signInWithOidc({ ...deps, timeoutMs: 300 }, 'wss://corp')).toMatchObject({ ok: false, reason: 'timed-out' });
  });

  it('is not configured without an issuer and client id from policy', async () => {
    expect(await signInWithOidc({ ...idp().deps, issuer: null }, 'wss://corp')).toMatchObject({ ok: false, reason: 'not-configured' });
  });
});
