// Keyed hashes of normalised words and phrases. Why keyed hashes: the policy every client holds
// must not list the confidential terms it protects, yet the composer must recognise them offline.
// Both ends hash normalised text with HMAC-SHA256 under the policy's term key and compare hashes.
// The key travels with the policy (a client cannot hash without it), so this hides the list from
// someone reading it, not from someone who guesses candidates: see docs/policy.md.
//
// One HMAC gives 32 bytes; the first 16 identify a term, the last 16 mark a word that begins a
// confidential phrase, so the matcher hashes longer phrases only where one can begin.
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils';

/** Changes whenever the normalisation or the hashed form changes; clients refuse other versions. */
export const TERM_HASH_SCHEME = 'hmac-sha256/v1';
const DOMAIN = 'hearth-policy-term\u0000';

export interface TermDigest {
  /** Hex of the first 16 bytes: the hash of this exact word or phrase. */
  term: string;
  /** Hex of the last 16 bytes: what marks this word as the first word of a phrase. */
  head: string;
}

export type TermHasher = (normalisedPhrase: string) => TermDigest;

export function createTermHasher(keyHex: string): TermHasher {
  const base = hmac.create(sha256, hexToBytes(keyHex));
  base.update(utf8ToBytes(DOMAIN));
  let scratch = base.clone();
  return (phrase) => {
    const h = base._cloneInto(scratch);
    h.update(utf8ToBytes(phrase));
    const hex = bytesToHex(h.digest());
    scratch = h;
    return { term: hex.slice(0, 32), head: hex.slice(32) };
  };
}

/** A 32-byte key, as 64 lower-case hex digits. */
export const TERM_KEY_PATTERN = /^[0-9a-f]{64}$/;

/** A short public fingerprint of the key, so that an administrator can see that it is stable. */
export function keyFingerprint(keyHex: string): string {
  return bytesToHex(sha256(utf8ToBytes(`hearth-policy-key\u0000${keyHex}`))).slice(0, 16);
}
