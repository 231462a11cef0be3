// Who is knocking: one check for every door of the relay (y-websocket rooms, /automerge), whatever
// signed the token. Two kinds run side by side: the relay's own HS256 tokens (the embedded setup and
// the demo) and the company identity provider's OpenID Connect tokens (oidc-verifier.ts). Which one
// applies is decided by the token's `iss` before any signature is checked, so a token can never be
// judged by the other kind's rules (an IdP token is never tried against the relay's HMAC key).
// The answer carries the close code the door should use: 4401 (sign in again: missing, expired or
// invalid), 4403 (a valid token for someone who is not an active person in the directory) or 1013
// (the identity provider cannot be reached right now: try again later).
import { decodeJwt } from 'jose';
import type * as Y from 'yjs';
import type { OidcVerifier } from './oidc-verifier.js';
import { personForClaim } from './person-lookup.js';
import type { TokenRevocations } from './token-revocations.js';
import { TOKEN_ISSUER, verifyToken, type VerifiedToken } from './tokens.js';

export type PersonCheck = { ok: true; token: VerifiedToken } | { ok: false; code: 4401 | 4403 | 1013; reason: string };

export interface TokenVerifier {
  verify(token: string | null | undefined): Promise<PersonCheck>;
}

const RELAY_REASONS = { missing: 'token missing', expired: 'token expired', invalid: 'token invalid', 'too-long': 'token lifetime too long' } as const;

export interface TokenVerifierOptions {
  key: Uint8Array;
  oidc?: OidcVerifier | null;
  directory: () => Promise<Y.Doc>;
  /** Longest lifetime (exp - iat, seconds) of a relay token; default 30 days. */
  maxTtl?: number;
  /** Per-person "not before": tokens issued earlier are refused, whatever signed them. */
  revocations?: TokenRevocations | null;
}

export function tokenVerifier(o: TokenVerifierOptions): TokenVerifier {
  const check = checkSignature(o);
  return {
    async verify(token) {
      const checked = await check(token);
      if (!checked.ok || o.revocations === undefined || o.revocations === null) return checked;
      // iat was verified present (both kinds require it); read from the token whose signature passed.
      const issuedAt = decodeJwt(token!).iat ?? 0;
      if (o.revocations.isRevoked(checked.token.personId, issuedAt)) return { ok: false, code: 4401, reason: 'token revoked' };
      return checked;
    },
  };
}

function checkSignature(o: TokenVerifierOptions): (token: string | null | undefined) => Promise<PersonCheck> {
  return async (token) => {
    if (token === null || token === undefined || token === '') return { ok: false, code: 4401, reason: RELAY_REASONS.missing };
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      return { ok: false, code: 4401, reason: RELAY_REASONS.invalid };
    }
    if (issuer === TOKEN_ISSUER || o.oidc === undefined || o.oidc === null || issuer !== o.oidc.issuer) {
      const checked = await verifyToken(o.key, token, o.maxTtl);
      return checked.ok ? checked : { ok: false, code: 4401, reason: RELAY_REASONS[checked.reason] };
    }
    const checked = await o.oidc.verify(token);
    if (!checked.ok) {
      if (checked.reason === 'provider-unreachable') return { ok: false, code: 1013, reason: 'identity provider unreachable' };
      if (checked.reason === 'no-claim') return { ok: false, code: 4403, reason: 'the sign-in does not name a person' };
      return { ok: false, code: 4401, reason: checked.reason === 'expired' ? RELAY_REASONS.expired : RELAY_REASONS.invalid };
    }
    const personId = personForClaim(await o.directory(), checked.claimValue);
    if (personId === null) return { ok: false, code: 4403, reason: 'not in the company directory' };
    return { ok: true, token: { personId, admin: false, expiresAt: checked.expiresAt } };
  };
}
