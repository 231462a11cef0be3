// Secrets: private keys, cloud access keys, API tokens, bearer tokens and JWTs. Why patterns on the
// original text: these are machine strings pasted from a terminal or a config file, not words that
// anyone disguises; the vendors' documented prefixes (AKIA, ghp_, xoxb-, ...) make them precise.
import type { SecretsRule } from '../rule-schemas.js';
import type { Finding } from '../types.js';
import { finding, type RuleCheck } from './rule-check.js';

type Kind = SecretsRule['detect'][number];

const PATTERNS: Record<Kind, { pattern: RegExp; detail: string }> = {
  'private-key': {
    // The whole block when its END line is there, otherwise the BEGIN line.
    pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)?/g,
    detail: 'a private key',
  },
  'aws-access-key': { pattern: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA)[A-Z0-9]{16}(?![A-Z0-9])/g, detail: 'a cloud access key' },
  'github-token': {
    pattern: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})(?![A-Za-z0-9_])/g,
    detail: 'a GitHub token',
  },
  'slack-token': {
    pattern: /(?<![A-Za-z0-9])(?:xox[abposre]-[A-Za-z0-9-]{10,}|https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/]+)/g,
    detail: 'a Slack token',
  },
  'google-api-key': { pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g, detail: 'a Google API key' },
  'stripe-key': { pattern: /(?<![A-Za-z0-9])(?:sk|rk)_live_[0-9A-Za-z]{24,}(?![A-Za-z0-9])/g, detail: 'a payment service key' },
  jwt: {
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}(?![A-Za-z0-9_-])/g,
    detail: 'a signed access token (JWT)',
  },
  // A token may contain dots but does not end with one: "… Bearer abc.def." ends a sentence.
  'bearer-token': { pattern: /\bBearer\s+[A-Za-z0-9._~+/-]{19,}[A-Za-z0-9_~+/-]=*/gi, detail: 'an access token' },
};

export function prepareSecrets(rule: SecretsRule): RuleCheck {
  const kinds = [...new Set(rule.detect)];
  return ({ fields }) => {
    const out: Finding[] = [];
    for (const view of fields) {
      const spans: [number, number][] = [];
      for (const kind of kinds) {
        const { pattern, detail } = PATTERNS[kind];
        const re = new RegExp(pattern.source, pattern.flags);
        for (let m = re.exec(view.text); m; m = re.exec(view.text)) {
          const start = m.index;
          const end = start + m[0].length;
          // A JWT after "Bearer" is one secret, not two.
          if (spans.some(([s, e]) => s < end && start < e)) continue;
          spans.push([start, end]);
          out.push(finding(rule, rule.severity, view.field, start, end, detail));
        }
      }
    }
    return out;
  };
}
