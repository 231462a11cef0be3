import type { JWK } from 'jose';

export interface TokenSet {
  id_token: string;
  access_token: string;
  refresh_token?: string;
  expires_in: number;
}

export interface IssuerClient {
  clientId: string;
  /** Exact redirect URIs (web clients). Native clients get `http://127.0.0.1/callback` with any port. */
  redirectUris?: string[];
  /** 'native' (loopback redirect, the desktop app) or 'web' (the web client's page). Default native. */
  type?: 'native' | 'web';
  postLogoutRedirectUris?: string[];
}

export interface IssuerOptions {
  /** account id → e-mail */
  accounts: Record<string, string>;
  /** Signing keys, newest first (the first signs). Default: one fresh RS256 key. */
  keys?: JWK[];
  port?: number;
  /** Client ids (native) or full client descriptions. Default: one native client 'hearth'. */
  clients?: Array<string | IssuerClient>;
  idTokenTtl?: number;
}

export interface TestIssuer {
  issuer: string;
  /** Signs in as `account` through the code flow with PKCE (native client redirect) and returns the tokens. */
  signIn(account: string, clientId?: string): Promise<TokenSet>;
  /**
   * A person's browser: opens an authorization URL, logs in as `account`, consents, and follows the
   * provider's redirect back to the client (e.g. a loopback server). Answers the address it came back to.
   */
  browse(authorizationUrl: string, account: string): Promise<string>;
  refresh(refreshToken: string, clientId?: string): Promise<TokenSet>;
  stop(): Promise<void>;
}

export const TEST_REDIRECT: string;
export function makeSigningKey(kid: string): Promise<JWK>;
export function startIssuer(options: IssuerOptions): Promise<TestIssuer>;
