// Verifying the company identity provider's tokens (OpenID Connect). Why these choices:
// - Keys come from the issuer's discovery document and JWKS (jose's remote key set): cached, and
//   fetched again when a token names a key id the cache does not have — that is how a key rotation
//   at the provider reaches the relay without a restart. The old key stays valid for as long as the
//   provider publishes it, so tokens issued before a rotation keep working until they expire.
// - Only asymmetric algorithms are accepted: `alg: none` and HS* (which would let anyone who knows
//   the client secret mint tokens) are refused before any key is looked at.
// - Issuer, audience, expiry and not-before are checked by jose with a small clock-skew allowance.
// - The token names a person through a configurable claim (email, preferred_username, sub or a
//   custom one); the relay maps it to a directory person and refuses everyone else: Hearth's
//   directory, not the token, decides who exists and whether they are active.
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { JWTPayload } from 'jose';

export interface OidcOptions {
  /** The issuer URL exactly as the provider states it (`iss`). */
  issuer: string;
  /** Accepted audiences: the client id(s) of Hearth's apps, or the API's audience. */
  audience: string | string[];
  /** The claim that names the person. Default 'email'. */
  claim?: string;
  /** Seconds of clock difference tolerated for exp / nbf / iat. Default 60. */
  clockToleranceSec?: number;
  /** How long fetched keys are trusted before they are fetched again. Default 10 minutes. */
  keysMaxAgeMs?: number;
  /** An unknown key id fetches the key set again at most this often. Default 10 s. */
  keysCooldownMs?: number;
}

export type OidcCheck =
  | { ok: true; claimValue: string; expiresAt: number }
  | { ok: false; reason: 'expired' | 'invalid' | 'no-claim' | 'provider-unreachable'; detail?: string };

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export class OidcVerifier {
  private keys: ReturnType<typeof createRemoteJWKSet> | null = null;
  private discovering: Promise<ReturnType<typeof createRemoteJWKSet>> | null = null;

  constructor(private readonly options: OidcOptions) {}

  get issuer(): string {
    return this.options.issuer;
  }

  async verify(token: string): Promise<OidcCheck> {
    let keys: ReturnType<typeof createRemoteJWKSet>;
    try {
      keys = await this.keySet();
    } catch (err) {
      return { ok: false, reason: 'provider-unreachable', detail: (err as Error).message };
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ASYMMETRIC,
        clockTolerance: this.options.clockToleranceSec ?? 60,
        requiredClaims: ['exp', 'iat'],
      }));
    } catch (err) {
      if (err instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
      if (err instanceof errors.JWKSTimeout) return { ok: false, reason: 'provider-unreachable', detail: 'key set timed out' };
      return { ok: false, reason: 'invalid', detail: (err as Error).message };
    }
    const value = payload[this.options.claim ?? 'email'];
    if (typeof value !== 'string' || value === '') return { ok: false, reason: 'no-claim' };
    return { ok: true, claimValue: value, expiresAt: payload.exp as number };
  }

  /** Discovery once (retried after a failure), then jose's cached, self-refreshing key set. */
  private keySet(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    if (this.keys !== null) return Promise.resolve(this.keys);
    this.discovering ??= (async () => {
      const base = this.options.issuer.endsWith('/') ? this.options.issuer : `${this.options.issuer}/`;
      const res = await fetch(new URL('.well-known/openid-configuration', base), { signal: AbortSignal.timeout(5000) });
      if (!res.ok) throw new Error(`discovery answered HTTP ${res.status}`);
      const meta = (await res.json()) as { issuer?: unknown; jwks_uri?: unknown };
      // The discovery document must speak for the issuer we were configured with (OIDC Discovery §4.3).
      if (meta.issuer !== this.options.issuer) throw new Error(`discovery names issuer ${String(meta.issuer)}`);
      if (typeof meta.jwks_uri !== 'string') throw new Error('discovery has no jwks_uri');
      this.keys = createRemoteJWKSet(new URL(meta.jwks_uri), {
        cacheMaxAge: this.options.keysMaxAgeMs ?? 10 * 60_000,
        // An unknown key id triggers a refetch at most this often, so forged kids cannot make the
        // relay hammer the provider.
        cooldownDuration: this.options.keysCooldownMs ?? 10_000,
        timeoutDuration: 5000,
      });
      return this.keys;
    })().finally(() => (this.discovering = null));
    return this.discovering;
  }
}
