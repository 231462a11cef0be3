// Pins the hashed form of terms. Clients and the relay must hash identically, across versions: a
// change to normalisation or to the hashed bytes must come with a new TERM_HASH_SCHEME, and this
// test is what notices. The expected values were computed independently (Node's crypto HMAC).
import { describe, expect, it } from 'vitest';
import { normaliseTerm } from './normalise.js';
import { createTermHasher, keyFingerprint, TERM_HASH_SCHEME } from './term-hash.js';
import { TEST_KEY } from './test-policy.js';

describe('term hashes', () => {
  const hash = createTermHasher(TEST_KEY);

  it('is HMAC-SHA256 of the domain-separated normalised phrase, split into term and head', () => {
    expect(TERM_HASH_SCHEME).toBe('hmac-sha256/v1');
    expect(normaliseTerm('Bluebird')).toBe('biuebird');
    expect(hash('biuebird')).toEqual({ term: '920928a6b437ae26bf84711d71dfda55', head: '95e3d45345408339e1c3464fd66a5dd1' });
    expect(normaliseTerm('Northwind  Traders')).toBe('northwind traders');
    expect(hash('northwind traders').term).toBe('3d83387eed3019e6214893641c57fd57');
  });

  it('gives the same answer every time (the scratch state is reused safely)', () => {
    const first = hash('kestrel');
    hash('something else');
    expect(hash('kestrel')).toEqual(first);
  });

  it('fingerprints the key without revealing it', () => {
    expect(keyFingerprint(TEST_KEY)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyFingerprint(TEST_KEY)).not.toBe(keyFingerprint('ff'.repeat(32)));
    expect(TEST_KEY).not.toContain(keyFingerprint(TEST_KEY));
  });
});
