// Personal data: payment card numbers, IBANs, national identity numbers. Why on the original text:
// these are digits and capitals that obfuscation does not touch, and every candidate is confirmed
// by a checksum or a structural rule (luhn.ts, iban.ts, national-id.ts) so that order numbers,
// phone numbers and dates are not reported. Numbers written in groups are read group by group:
// a candidate that runs on into the following words or numbers ("… 0130 00 please", "… 1111 2
// times") is cut back to the longest run of whole groups that passes the check.
import { IBAN_MAX_LENGTH, IBAN_MIN_LENGTH, ibanValid } from '../iban.js';
import { luhnValid, plausibleCardNumber } from '../luhn.js';
import { ukNinoValid, usSsnValid } from '../national-id.js';
import type { PersonalDataRule } from '../rule-schemas.js';
import type { Finding } from '../types.js';
import { finding, type RuleCheck } from './rule-check.js';

type Kind = PersonalDataRule['detect'][number];

interface Detector {
  /** Finds candidates; a match may run on past the number. */
  pattern: RegExp;
  /** The length of the longest valid number at the start of `match`, or 0 for none. */
  accept: (match: string) => number;
  detail: string;
}

const digitsOf = (s: string) => s.replace(/\D/g, '');
const compact = (s: string) => s.replace(/[ -]/g, '').toUpperCase();
const ALNUM = /[A-Za-z0-9]/;

/**
 * Where `match` may be cut: after each character that ends a group (the next character is a
 * separator, or the end), longest first.
 */
function groupEnds(match: string): number[] {
  const ends: number[] = [];
  for (let i = match.length; i > 0; i--) {
    if (ALNUM.test(match.charAt(i - 1)) && !ALNUM.test(match.charAt(i))) ends.push(i);
  }
  return ends;
}

/** The longest prefix of `match` ending at a group boundary that `valid` accepts. */
const longestValid = (valid: (candidate: string) => boolean) => (match: string) =>
  groupEnds(match).find((end) => valid(match.slice(0, end))) ?? 0;

const DETECTORS: Record<Kind, Detector> = {
  // 13-19 digits, optionally grouped by single spaces or dashes ("4111 1111 1111 1111"); the
  // pattern takes up to 23 so that a number followed by another one is still seen and cut back.
  'payment-card': {
    pattern: /(?<![\d\w-])\d(?:[ -]?\d){12,22}(?![\d\w]|-\d)/g,
    accept: longestValid((c) => {
      const d = digitsOf(c);
      return plausibleCardNumber(d) && luhnValid(d);
    }),
    detail: 'a payment card number',
  },
  // Two letters, two check digits, then letters and digits, a single space allowed between any
  // two (people group by four, banks print it so, some copy it without spaces).
  iban: {
    pattern: new RegExp(`(?<![A-Za-z0-9])[A-Za-z]{2}\\d{2}(?: ?[A-Za-z0-9]){${IBAN_MIN_LENGTH - 4},${IBAN_MAX_LENGTH - 4}}`, 'g'),
    accept: longestValid((c) => ibanValid(compact(c))),
    detail: 'a bank account number (IBAN)',
  },
  // 123-45-6789 or 123 45 6789: written with separators; nine bare digits are too often other things.
  'us-ssn': {
    pattern: /(?<![\d-])\d{3}([- ])\d{2}\1\d{4}(?![\d-])/g,
    accept: (m) => (usSsnValid(digitsOf(m)) ? m.length : 0),
    detail: 'a social security number',
  },
  // AB 12 34 56 C, AB123456C.
  'uk-nino': {
    pattern: /(?<![A-Za-z0-9])[A-Za-z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-Da-d](?![A-Za-z0-9])/g,
    accept: (m) => (ukNinoValid(m.replace(/ /g, '').toUpperCase()) ? m.length : 0),
    detail: 'a National Insurance number',
  },
};

export function preparePersonalData(rule: PersonalDataRule): RuleCheck {
  const detectors = [...new Set(rule.detect)].map((k) => DETECTORS[k]);
  return ({ fields }) => {
    const out: Finding[] = [];
    for (const view of fields) {
      for (const d of detectors) {
        const pattern = new RegExp(d.pattern.source, d.pattern.flags);
        for (let m = pattern.exec(view.text); m; m = pattern.exec(view.text)) {
          const length = d.accept(m[0]);
          if (length === 0) {
            // Nothing valid starts here; a number may still start inside the run ("ref 12 GB82 …").
            pattern.lastIndex = m.index + 1;
            continue;
          }
          out.push(finding(rule, rule.severity, view.field, m.index, m.index + length, d.detail));
          pattern.lastIndex = m.index + length;
        }
      }
    }
    return out;
  };
}
