// A distributed policy turned into ready-to-run checks. Why: building the language matcher, the
// hash index of confidential terms and the marker patterns costs far more than judging one draft,
// and the composer judges a draft on every keystroke. preparePolicy does that work once per policy
// object (remembered in a WeakMap, so a new policy version simply replaces it).
import type { DistributedPolicy, DistributedRule } from './policy-schemas.js';
import { prepareAttachments } from './rules/attachments.js';
import { prepareClassification } from './rules/classification.js';
import { prepareConfidentialTerms, termsContext, type TermsContext } from './rules/confidential-terms.js';
import { prepareExternalLinks } from './rules/external-links.js';
import { prepareLanguage } from './rules/language.js';
import { prepareMassMentions } from './rules/mass-mentions.js';
import { preparePersonalData } from './rules/personal-data.js';
import { preparePostingRate, prepareReactionRate } from './rules/posting-rate.js';
import { Memo, type RuleCheck } from './rules/rule-check.js';
import { prepareSecrets } from './rules/secrets.js';
import { createTermHasher, type TermDigest } from './term-hash.js';

export class PreparedPolicy {
  private constructor(
    readonly policy: DistributedPolicy,
    readonly checks: readonly { rule: DistributedRule; check: RuleCheck }[],
  ) {}

  static of(policy: DistributedPolicy): PreparedPolicy {
    const hasher = createTermHasher(policy.terms.key);
    const terms = termsContext(hasher, new Memo<TermDigest>(50_000), policy.terms.maxPhraseWords);
    const checks = policy.rules.map((rule) => ({ rule, check: prepareRule(rule, terms) }));
    return new PreparedPolicy(policy, checks);
  }
}

function prepareRule(rule: DistributedRule, terms: TermsContext): RuleCheck {
  switch (rule.kind) {
    case 'language':
      return prepareLanguage(rule);
    case 'confidential-terms':
      return prepareConfidentialTerms(rule, terms);
    case 'classification-markers':
      return prepareClassification(rule);
    case 'personal-data':
      return preparePersonalData(rule);
    case 'secrets':
      return prepareSecrets(rule);
    case 'external-links':
      return prepareExternalLinks(rule);
    case 'mass-mentions':
      return prepareMassMentions(rule);
    case 'attachments':
      return prepareAttachments(rule);
    case 'posting-rate':
      return preparePostingRate(rule);
    case 'reaction-rate':
      return prepareReactionRate(rule);
  }
}

const prepared = new WeakMap<DistributedPolicy, PreparedPolicy>();

/** The prepared form of `policy`, built on first use and remembered while the policy lives. */
export function preparePolicy(policy: DistributedPolicy | PreparedPolicy): PreparedPolicy {
  if (policy instanceof PreparedPolicy) return policy;
  let p = prepared.get(policy);
  if (!p) {
    p = PreparedPolicy.of(policy);
    prepared.set(policy, p);
  }
  return p;
}
