// Personal data: payment card numbers, IBANs, national identity numbers. Why on the original text:
// these are digits and capitals that obfuscation does not touch, and every candidate is confirmed
// by a checksum or a structural rule (luhn.ts, iban.ts, national-id.ts) so that order numbers,
// phone numbers and dates are not reported.
import { ibanValid } from '../iban.js';
import { luhnValid, plausibleCardNumber } from '../luhn.js';
import { ukNinoValid, usSsnValid } from '../national-id.js';
import type { PersonalDataRule } from '../rule-schemas.js';
import type { Finding } from '../types.js';
import { finding, type RuleCheck } from './rule-check.js';

type Kind = PersonalDataRule['detect'][number];

interface Detector {
  pattern: RegExp;
  valid: (match: string) => boolean;
  detail: string;
}

const digitsOf = (s: string) => s.replace(/\D/g, '');

const DETECTORS: Record<Kind, Detector> = {
  // 13-19 digits, optionally grouped by single spaces or dashes ("4111 1111 1111 1111").
  'payment-card': {
    pattern: /(?<![\d\w-])\d(?:[ -]?\d){12,18}(?![\d\w]|-\d)/g,
    valid: (m) => {
      const d = digitsOf(m);
      return plausibleCardNumber(d) && luhnValid(d);
    },
    detail: 'a payment card number',
  },
  // Two letters, two check digits, then groups of letters and digits, spaces allowed every 4.
  iban: {
    pattern: /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}(?![A-Za-z0-9])/g,
    valid: (m) => ibanValid(m.replace(/ /g, '').toUpperCase()),
    detail: 'a bank account number (IBAN)',
  },
  // 123-45-6789 or 123 45 6789: written with separators; nine bare digits are too often other things.
  'us-ssn': {
    pattern: /(?<![\d-])\d{3}([- ])\d{2}\1\d{4}(?![\d-])/g,
    valid: (m) => usSsnValid(digitsOf(m)),
    detail: 'a social security number',
  },
  // AB 12 34 56 C, AB123456C.
  'uk-nino': {
    pattern: /(?<![A-Za-z0-9])[A-Za-z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-Da-d](?![A-Za-z0-9])/g,
    valid: (m) => ukNinoValid(m.replace(/ /g, '').toUpperCase()),
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
          if (d.valid(m[0])) out.push(finding(rule, rule.severity, view.field, m.index, m.index + m[0].length, d.detail));
        }
      }
    }
    return out;
  };
}
