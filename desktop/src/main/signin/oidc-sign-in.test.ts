// The edges of the desktop sign-in, against a real provider (discovery, loopback server and
// openid-client are real; the "browser" answers the redirect the way a provider would).
import { startIssuer, type TestIssuer } from '@hearth/test-idp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInWithOidc, type OidcDeps } from './oidc-sign-in.js';

let issuer: TestIssuer;
beforeAll(async () => {
  issuer = await startIssuer({ accounts: { rajesh: 'rajesh.kumar@poll.example' }, clients: ['hearth-desktop'] });
});
afterAll(() => issuer.stop());

/** A browser that goes straight back to the app's loopback address with `answer` (and the state, or a forged one). */
const browser = (answer: Record<string, string>, forgeState = false): OidcDeps['openExternal'] => async (url) => {
  const authorize = new URL(url);
  const back = new URL(authorize.searchParams.get('redirect_uri')!);
  back.searchParams.set('state', forgeState ? 'forged' : authorize.searchParams.get('state')!);
  for (const [k, v] of Object.entries(answer)) back.searchParams.set(k, v);
  void fetch(back).catch(() => {});
};

const deps = (openExternal: OidcDeps['openExternal'], over: Partial<OidcDeps> = {}): OidcDeps => ({ issuer: issuer.issuer, clientId: 'hearth-desktop', fetch: (u, i) => fetch(u, i), openExternal, timeoutMs: 3000, ...over });

describe('desktop sign-in edges', () => {
  it('says so when the person cancels at the identity provider', async () => {
    expect(await signInWithOidc(deps(browser({ error: 'access_denied' })), 'ws://relay.invalid')).toMatchObject({ ok: false, reason: 'cancelled' });
  });

  it('ignores a redirect with a forged state and gives up after the timeout', async () => {
    expect(await signInWithOidc(deps(browser({ code: 'stolen' }, true), { timeoutMs: 500 }), 'ws://relay.invalid')).toMatchObject({ ok: false, reason: 'timed-out' });
  });

  it('refuses a code the provider never issued', async () => {
    expect(await signInWithOidc(deps(browser({ code: 'made-up' })), 'ws://relay.invalid')).toMatchObject({ ok: false, reason: 'failed' });
  });

  it('is not configured without an issuer and client id from policy', async () => {
    expect(await signInWithOidc(deps(browser({}), { issuer: null }), 'ws://relay.invalid')).toMatchObject({ ok: false, reason: 'not-configured' });
  });
});
