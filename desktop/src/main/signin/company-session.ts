// The company sign-in's life in main: sign in (and keep the refresh token), renew the ID token
// before it expires, and sign out (forget both, and end the session at the provider in the system
// browser when it offers RP-initiated logout). The renderer only ever sees the ID token in its
// session; the refresh token stays here, encrypted by the credential store.
import type { RenewResult, SignInResult } from '../../shared/bridge.js';
import type { SettingsView } from '../../shared/settings.js';
import type { SecretStore, TokenStore } from '../tokens/token-store.js';
import { endSessionUrl, renewWithOidc, signInWithOidc, type Credential, type OidcDeps } from './oidc-sign-in.js';

export interface CompanySessionDeps {
  fetch: OidcDeps['fetch'];
  openExternal(url: string): Promise<void>;
  tokens: TokenStore;
  credentials: SecretStore<Credential>;
  timeoutMs?: number;
}

export function createCompanySession(d: CompanySessionDeps) {
  return {
    async signIn(relayUrl: string, view: SettingsView): Promise<SignInResult> {
      const result = await signInWithOidc({ issuer: view.signInIssuer.value, clientId: view.signInClientId.value, fetch: d.fetch, openExternal: d.openExternal, ...(d.timeoutMs === undefined ? {} : { timeoutMs: d.timeoutMs }) }, relayUrl);
      if (!result.ok) return result;
      await d.credentials.save(result.credential);
      return { ok: true, session: result.session };
    },

    async renew(): Promise<RenewResult> {
      const [credential, session] = [await d.credentials.load(), await d.tokens.load()];
      if (credential === null || session === null) return { ok: false, reason: 'refused', message: 'Not signed in with the company account.' };
      const renewed = await renewWithOidc(d, credential, session);
      if (!renewed.ok) {
        if (renewed.reason === 'refused') await d.credentials.clear();
        return renewed;
      }
      await d.credentials.save(renewed.credential);
      await d.tokens.save(renewed.session);
      return { ok: true, session: renewed.session };
    },

    /** Forgets the company credential; opens the provider's logout page when there is one. */
    async signOut(): Promise<void> {
      const credential = await d.credentials.load();
      await d.credentials.clear();
      if (credential === null) return;
      const url = await endSessionUrl(d, credential);
      if (url !== null) await d.openExternal(url);
    },
  };
}

export type CompanySession = ReturnType<typeof createCompanySession>;
