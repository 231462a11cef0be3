// Relay tokens (embedded setup): HS256 JWTs signed with the relay's key.
// Claims: sub = person id, iat, exp, iss 'hearth-relay', aud 'hearth'; `adm: true` marks an admin
// token, accepted only by POST /admin/*. Why jose: it checks algorithm, signature, issuer, audience
// and expiry in one call, and we never parse a JWT by hand.
// Lifetimes are capped (default 30 days, `--max-token-ttl`): a longer one is refused when minted and
// again when presented (exp - iat above the cap), so a token minted elsewhere with the key, or before
// the cap was lowered, does not outlive it. A token that leaked lives at most that long — or until an
// admin revokes the person's tokens (token-revocations.ts).
import { createSecretKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';

export const TOKEN_ISSUER = 'hearth-relay';
export const TOKEN_AUDIENCE = 'hearth';

export interface VerifiedToken {
  personId: string;
  admin: boolean;
  expiresAt: number;
}

export type TokenCheck = { ok: true; token: VerifiedToken } | { ok: false; reason: 'missing' | 'expired' | 'invalid' | 'too-long' };

/** The longest lifetime a relay token may have unless the admin sets another (seconds). */
export const DEFAULT_MAX_TOKEN_TTL = 30 * 86400;

export class TokenTtlTooLong extends Error {
  override name = 'TokenTtlTooLong';
}

/**
 * Parses a duration like '8h', '30m', '90s', '7d' (or plain seconds) into seconds. A written
 * duration of zero is refused: a token that expires as it is made is always a mistake.
 */
export function parseTtl(ttl: string | number): number {
  if (typeof ttl === 'number') return ttl;
  const m = /^(\d+)\s*([smhd]?)$/.exec(ttl.trim());
  if (m === null) throw new Error(`invalid duration "${ttl}" (use e.g. 90s, 30m, 8h, 7d)`);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  const seconds = Number(m[1]) * unit;
  if (seconds <= 0) throw new Error(`a token lifetime must be longer than 0 s (got "${ttl}")`);
  return seconds;
}

/** Seconds as the shortest exact unit: 2592000 → '30d'. */
export function formatTtl(seconds: number): string {
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60]] as const) if (seconds % size === 0 && seconds >= size) return `${seconds / size}${unit}`;
  return `${seconds}s`;
}

/** Mints a token; throws TokenTtlTooLong above `maxTtl` (seconds, default 30 days). */
export async function mintToken(key: Uint8Array, personId: string, options: { ttl?: string | number; admin?: boolean; maxTtl?: number } = {}): Promise<string> {
  const ttl = parseTtl(options.ttl ?? '8h');
  const maxTtl = options.maxTtl ?? DEFAULT_MAX_TOKEN_TTL;
  if (ttl > maxTtl) {
    throw new TokenTtlTooLong(`a token may live at most ${formatTtl(maxTtl)} (asked for ${formatTtl(ttl)}); the relay refuses longer ones. An admin can change the cap with --max-token-ttl (serve) and --max-ttl (token)`);
  }
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(options.admin === true ? { adm: true } : {})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(personId)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + ttl);
  return jwt.sign(keyObject(key));
}

// jose imports a raw key into a CryptoKey at every call; a KeyObject made once per key is reused
// (admission of thousands of connections spends most of its time here otherwise).
const keyObjects = new WeakMap<Uint8Array, KeyObject>();
function keyObject(key: Uint8Array): KeyObject {
  let k = keyObjects.get(key);
  if (k === undefined) {
    k = createSecretKey(key);
    keyObjects.set(key, k);
  }
  return k;
}

export async function verifyToken(key: Uint8Array, token: string | null | undefined, maxTtl = DEFAULT_MAX_TOKEN_TTL): Promise<TokenCheck> {
  if (token === null || token === undefined || token === '') return { ok: false, reason: 'missing' };
  try {
    const { payload } = await jwtVerify(token, keyObject(key), {
      algorithms: ['HS256'],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    if (typeof payload.sub !== 'string' || payload.sub === '' || typeof payload.exp !== 'number' || typeof payload.iat !== 'number') return { ok: false, reason: 'invalid' };
    if (payload.exp - payload.iat > maxTtl) return { ok: false, reason: 'too-long' };
    return { ok: true, token: { personId: payload.sub, admin: payload.adm === true, expiresAt: payload.exp } };
  } catch (err) {
    if (err instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
    return { ok: false, reason: 'invalid' };
  }
}
