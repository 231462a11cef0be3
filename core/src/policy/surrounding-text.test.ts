// Every personal-data and secrets detector, with text before and after the number: a pattern that
// runs on into the next words (or stops short) finds nothing or underlines the wrong span.
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { testPolicy } from './test-policy.js';

const policy = testPolicy([{ kind: 'personal-data' }, { kind: 'secrets' }]);
const spans = (body: string) =>
  evaluate(policy, { body, space: 'general' }).findings.map((f) => [body.slice(f.start, f.end), f.detail]);

const jwt =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

// [the number or secret, what the finding says it is]
const SAMPLES: [string, string][] = [
  ['4111 1111 1111 1111', 'a payment card number'],
  ['4111-1111-1111-1111', 'a payment card number'],
  ['4111111111111111', 'a payment card number'],
  ['5555 5555 5555 4444', 'a payment card number'],
  ['3782-822463-10005', 'a payment card number'],
  ['DE89 3704 0044 0532 0130 00', 'a bank account number (IBAN)'],
  ['DE89370400440532013000', 'a bank account number (IBAN)'],
  ['de89 3704 0044 0532 0130 00', 'a bank account number (IBAN)'],
  ['GB82 WEST 1234 5698 7654 32', 'a bank account number (IBAN)'],
  ['FR14 2004 1010 0505 0001 3M02 606', 'a bank account number (IBAN)'],
  ['NL91 ABNA 0417 1643 00', 'a bank account number (IBAN)'],
  ['123-45-6789', 'a social security number'],
  ['123 45 6789', 'a social security number'],
  ['AB 12 34 56 C', 'a National Insurance number'],
  ['AB123456C', 'a National Insurance number'],
  ['AKIAIOSFODNN7EXAMPLE', 'a cloud access key'],
  [`ghp_${'a1B2'.repeat(9)}`, 'a GitHub token'],
  [`github_pat_${'a1B2'.repeat(6)}`, 'a GitHub token'],
  ['xoxb-123456789012-abcdefABCDEF', 'a Slack token'],
  ['https://hooks.slack.com/services/T000/B000/XXXX', 'a Slack token'],
  [`AIza${'x'.repeat(35)}`, 'a Google API key'],
  [`sk_live_${'4'.repeat(24)}`, 'a payment service key'],
  [jwt, 'a signed access token (JWT)'],
  [`Bearer ${'Zm9vYmFy'.repeat(4)}`, 'an access token'],
  ['-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----', 'a private key'],
];

const CONTEXTS: [string, (x: string) => string][] = [
  ['alone', (x) => x],
  ['between words', (x) => `Pay to ${x} please`],
  ['before more words and numbers', (x) => `Pay to ${x} please, by Friday 12 May, thanks`],
  ['before a number', (x) => `send ${x} 2 times`],
  ['in brackets', (x) => `(${x})`],
  ['before a full stop', (x) => `The number is ${x}.`],
  ['before a comma', (x) => `${x}, and 2 more`],
  ['on its own line', (x) => `first line\n${x}\nthanks`],
  ['after a colon', (x) => `ref:${x}; ok`],
];

describe('every detector with text before and after', () => {
  const cases = SAMPLES.flatMap(([sample, detail]) =>
    CONTEXTS.map(([where, wrap]) => [detail, where, sample, wrap(sample)] as const),
  );
  it.each(cases)('%s %s: %j', (detail, _where, sample, body) => {
    expect(spans(body)).toEqual([[sample, detail]]);
  });

  it('catches the IBAN of the report', () => {
    const body = 'Pay to IBAN DE89 3704 0044 0532 0130 00 please';
    expect(spans(body)).toEqual([['DE89 3704 0044 0532 0130 00', 'a bank account number (IBAN)']]);
  });

  it('finds two numbers in one sentence', () => {
    const body = 'Card 4111 1111 1111 1111 or IBAN GB82 WEST 1234 5698 7654 32 today';
    expect(spans(body).map(([s]) => s)).toEqual(['4111 1111 1111 1111', 'GB82 WEST 1234 5698 7654 32']);
  });

  it.each([
    'Pay to IBAN DE89 3704 0044 0532 0130 01 please', // checksum
    'order 4111 1111 1111 1112 please',
    'DE89370400440532013000please',
    'call 0161 496 0000 or 020 7946 0000 please',
    'Bearer of the flag. Bearer tokens expire.',
  ])('still leaves %j alone', (body) => {
    expect(spans(body)).toEqual([]);
  });
});
