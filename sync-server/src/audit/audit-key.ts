// The relay's audit key: an Ed25519 key pair in the data directory that signs journal checkpoints
// and exports. Why not the token key (auth/signing-key.ts): that is an HMAC secret, and an HMAC can
// only be checked by someone who holds the secret — who could then forge it. An auditor gets the
// public key alone (it travels inside every export) and pins its fingerprint, so `verify` works
// offline and proves the signer held the relay's private key. Files: the private key (PKCS#8 PEM,
// mode 0600) and the public key (SPKI PEM), created together on first use.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const AUDIT_PRIVATE_KEY_FILE = 'audit-ed25519.key';
export const AUDIT_PUBLIC_KEY_FILE = 'audit-ed25519.pub';

export interface AuditKey {
  privateKey: KeyObject;
  publicKeyPem: string;
  fingerprint: string;
}

export class AuditKeyMissing extends Error {
  override name = 'AuditKeyMissing';
}

/**
 * `sha256:` and the hex SHA-256 of the public key's DER (SPKI) bytes — what
 * `openssl pkey -pubin -in audit-ed25519.pub -outform DER | sha256sum` prints.
 */
export function keyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return `sha256:${createHash('sha256').update(der).digest('hex')}`;
}

export function loadAuditKey(dataDir: string, options: { create: boolean } = { create: true }): AuditKey {
  const privateFile = join(dataDir, AUDIT_PRIVATE_KEY_FILE);
  let pem: string;
  try {
    pem = readFileSync(privateFile, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    if (!options.create) throw new AuditKeyMissing(`no audit key in ${dataDir}: start the relay once to create it`);
    pem = createKeyFiles(dataDir, privateFile);
  }
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${AUDIT_PRIVATE_KEY_FILE} is not an Ed25519 key`);
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return { privateKey, publicKeyPem, fingerprint: keyFingerprint(publicKeyPem) };
}

function createKeyFiles(dataDir: string, privateFile: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const pair = generateKeyPairSync('ed25519');
  const pem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  try {
    // 'wx': if another process created it meanwhile, keep theirs.
    writeFileSync(privateFile, pem, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return readFileSync(privateFile, 'utf8');
  }
  writeFileSync(join(dataDir, AUDIT_PUBLIC_KEY_FILE), pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(), { mode: 0o644 });
  return pem;
}

export function signBytes(key: AuditKey, bytes: Buffer): string {
  return sign(null, bytes, key.privateKey).toString('base64');
}

/** False for a malformed key or signature as well as a wrong one: verify never throws. */
export function verifyBytes(publicKeyPem: string, bytes: Buffer, signature: string): boolean {
  try {
    return verify(null, bytes, createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
