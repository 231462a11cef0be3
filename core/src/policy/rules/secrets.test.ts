import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate.js';
import { testPolicy } from '../test-policy.js';

const policy = testPolicy([{ kind: 'secrets' }]);
const found = (body: string) =>
  evaluate(policy, { body, space: null }).findings.map((f) => [body.slice(f.start, f.end), f.detail]);

const jwt =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

describe('secrets', () => {
  it.each([
    ['key AKIAIOSFODNN7EXAMPLE here', 'AKIAIOSFODNN7EXAMPLE', 'a cloud access key'],
    [`token ghp_${'a1B2'.repeat(9)}`, `ghp_${'a1B2'.repeat(9)}`, 'a GitHub token'],
    ['xoxb-123456789012-abcdefABCDEF', 'xoxb-123456789012-abcdefABCDEF', 'a Slack token'],
    [`AIza${'x'.repeat(35)}`, `AIza${'x'.repeat(35)}`, 'a Google API key'],
    [`sk_live_${'4'.repeat(24)}`, `sk_live_${'4'.repeat(24)}`, 'a payment service key'],
    [`jwt: ${jwt}`, jwt, 'a signed access token (JWT)'],
    [`Authorization: Bearer ${'Zm9vYmFy'.repeat(4)}`, `Bearer ${'Zm9vYmFy'.repeat(4)}`, 'an access token'],
  ])('catches %j', (body, span, detail) => {
    expect(found(body)).toEqual([[span, detail]]);
  });

  it('takes the whole private key block', () => {
    const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----';
    expect(found(`here:\n${key}\nthanks`)).toEqual([[key, 'a private key']]);
    expect(found('-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIB')).toEqual([['-----BEGIN RSA PRIVATE KEY-----', 'a private key']]);
  });

  it('reports a bearer JWT once', () => {
    expect(found(`Bearer ${jwt}`)).toHaveLength(1);
  });

  it.each([
    'the AKIA prefix marks AWS keys',
    '-----BEGIN PUBLIC KEY-----',
    'ghp_short',
    'the bearer of bad news',
    'eyJ is how JSON starts in base64',
  ])('does not catch %j', (body) => {
    expect(found(body)).toEqual([]);
  });
});
