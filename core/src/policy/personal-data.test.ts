import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { ibanValid } from './iban.js';
import { luhnValid, plausibleCardNumber } from './luhn.js';
import { ukNinoValid, usSsnValid } from './national-id.js';
import { testPolicy } from './test-policy.js';

describe('checksums', () => {
  it('Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('4111-1111')).toBe(false);
    expect(plausibleCardNumber('378282246310005')).toBe(true); // Amex, 15
    expect(plausibleCardNumber('1234567812345670')).toBe(false); // no issuer starts with 1
  });

  it('IBAN mod 97 and country length', () => {
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    expect(ibanValid('GB82WEST12345698765433')).toBe(false); // checksum
    expect(ibanValid('GB82WEST1234569876543')).toBe(false); // length
    expect(ibanValid('XX82WEST12345698765432')).toBe(false); // country
  });

  it('national ids', () => {
    expect(usSsnValid('123456789')).toBe(true);
    expect(usSsnValid('000456789')).toBe(false);
    expect(usSsnValid('666456789')).toBe(false);
    expect(usSsnValid('912456789')).toBe(false);
    expect(usSsnValid('123006789')).toBe(false);
    expect(usSsnValid('123450000')).toBe(false);
    expect(ukNinoValid('AB123456C')).toBe(true);
    expect(ukNinoValid('GB123456A')).toBe(false); // unallocated prefix
    expect(ukNinoValid('DA123456A')).toBe(false); // D never first
    expect(ukNinoValid('AB123456E')).toBe(false); // suffix A-D
  });
});

describe('personal data rule', () => {
  const policy = testPolicy([{ kind: 'personal-data' }]);
  const details = (body: string) =>
    evaluate(policy, { body, space: 'general' }).findings.map((f) => [body.slice(f.start, f.end), f.detail]);

  it.each([
    ['card 4111 1111 1111 1111 please', '4111 1111 1111 1111', 'a payment card number'],
    ['amex 3782-822463-10005', '3782-822463-10005', 'a payment card number'],
    ['pay to GB82 WEST 1234 5698 7654 32.', 'GB82 WEST 1234 5698 7654 32', 'a bank account number (IBAN)'],
    ['iban de89370400440532013000', 'de89370400440532013000', 'a bank account number (IBAN)'],
    ['SSN 123-45-6789', '123-45-6789', 'a social security number'],
    ['NI number AB 12 34 56 C', 'AB 12 34 56 C', 'a National Insurance number'],
  ])('catches %j', (body, span, detail) => {
    expect(details(body)).toEqual([[span, detail]]);
  });

  it.each([
    'order 4111 1111 1111 1112', // fails Luhn
    'ticket 1234 5678 1234 5670', // passes Luhn, no issuer
    'call 0161 496 0000 or 020 7946 0000',
    'dates 2024-05-06 and 12-05-2024',
    'GB82 WEST 1234 5698 7654 33',
    'batch 000-12-3456 and 123-00-4567',
    'ref GB123456A',
  ])('does not catch %j', (body) => {
    expect(details(body)).toEqual([]);
  });

  it('only detects the kinds the rule names', () => {
    const cardsOnly = testPolicy([{ kind: 'personal-data', detect: ['payment-card'] }]);
    expect(evaluate(cardsOnly, { body: 'SSN 123-45-6789', space: null }).findings).toEqual([]);
  });
});
