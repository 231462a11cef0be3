// The relay's check of the identity provider's tokens, against a real provider (oidc-provider):
// valid tokens verify, a key rotation is followed, and every kind of forged or foreign token fails.
import { SignJWT, importJWK, decodeProtectedHeader, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OidcVerifier } from '../src/auth/oidc-verifier.js';
import { makeSigningKey, startIssuer, type TestIssuer } from '@hearth/test-idp';

const accounts = { alice: 'alice@example.com' };
let issuer: TestIssuer;
let other: TestIssuer;
let k1: JWK;
beforeAll(async () => {
  k1 = await makeSigningKey('k1');
  issuer = await startIssuer({ accounts, keys: [k1], clients: ['hearth', 'other-app'] });
  other = await startIssuer({ accounts });
});
afterAll(async () => {
  await issuer.stop();
  await other.stop();
});

const verifier = (over: Partial<ConstructorParameters<typeof OidcVerifier>[0]> = {}) => new OidcVerifier({ issuer: issuer.issuer, audience: 'hearth', ...over });

async function signWith(key: JWK, claims: Record<string, unknown>, header: Record<string, unknown> = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: issuer.issuer, aud: 'hearth', sub: 'alice', email: 'alice@example.com', iat: now, exp: now + 600, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid!, ...header })
    .sign(await importJWK(key, 'RS256'));
}

describe('OidcVerifier', () => {
  it('accepts an ID token from the code flow and reads the configured claim', async () => {
    const tokens = await issuer.signIn('alice');
    expect(await verifier().verify(tokens.id_token)).toMatchObject({ ok: true, claimValue: 'alice@example.com' });
    expect(await verifier({ claim: 'preferred_username' }).verify(tokens.id_token)).toMatchObject({ ok: true, claimValue: 'alice' });
    expect(await verifier({ claim: 'sub' }).verify(tokens.id_token)).toMatchObject({ ok: true, claimValue: 'alice' });
    expect(await verifier({ claim: 'employee_number' }).verify(tokens.id_token)).toEqual({ ok: false, reason: 'no-claim' });
  });

  it('follows a key rotation: new tokens verify, old ones still do until they expire', async () => {
    const v = verifier({ keysCooldownMs: 0 });
    const before = await issuer.signIn('alice');
    expect((await v.verify(before.id_token)).ok).toBe(true);
    // The provider restarts on the same address with a new signing key first and the old one kept.
    const port = Number(new URL(issuer.issuer).port);
    await issuer.stop();
    const k2 = await makeSigningKey('k2');
    issuer = await startIssuer({ accounts, keys: [k2, k1], port, clients: ['hearth', 'other-app'] });
    const after = await issuer.signIn('alice');
    expect(decodeProtectedHeader(after.id_token).kid).toBe('k2');
    expect((await v.verify(after.id_token)).ok).toBe(true);
    expect((await v.verify(before.id_token)).ok).toBe(true);
  });

  it('refuses a token from another issuer, for another audience, expired, not yet valid, tampered, or unsigned', async () => {
    const v = verifier({ clockToleranceSec: 5 });
    const foreign = await other.signIn('alice');
    expect(await v.verify(foreign.id_token)).toMatchObject({ ok: false, reason: 'invalid' });
    const otherApp = await issuer.signIn('alice', 'other-app');
    expect(await v.verify(otherApp.id_token)).toMatchObject({ ok: false, reason: 'invalid' });
    const now = Math.floor(Date.now() / 1000);
    expect(await v.verify(await signWith(k1, { iat: now - 7200, exp: now - 3600 }))).toMatchObject({ ok: false, reason: 'expired' });
    expect(await v.verify(await signWith(k1, { nbf: now + 3600 }))).toMatchObject({ ok: false, reason: 'invalid' });
    const good = (await issuer.signIn('alice')).id_token;
    const [h, p, s] = good.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, email: 'ceo@example.com' })).toString('base64url')}.${s}`;
    expect(await v.verify(tampered)).toMatchObject({ ok: false, reason: 'invalid' });
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${p}.`;
    expect(await v.verify(none)).toMatchObject({ ok: false, reason: 'invalid' });
    // HS256 "signed" with the public key material, the classic algorithm-confusion forgery.
    const hs = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).sign(new TextEncoder().encode(JSON.stringify(k1.n)));
    expect(await v.verify(hs)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('says when the provider cannot be reached', async () => {
    const v = new OidcVerifier({ issuer: 'http://127.0.0.1:9', audience: 'hearth' });
    expect(await v.verify('x.y.z')).toMatchObject({ ok: false, reason: 'provider-unreachable' });
  });
});
