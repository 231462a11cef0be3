// Public surface of core/src/policy; index.ts re-exports it.
export type * from './types.js';
export * from './validate-entry.js';
export { ACTIONS } from './types.js';
export { compilePolicy, type CompileOptions, type CompileResult } from './compile.js';
export { parsePolicy, readPolicy, type ParseResult } from './parse.js';
export { evaluate, mostSevere, severityRank, warmUp } from './evaluate.js';
export { preparePolicy, PreparedPolicy } from './prepare.js';
export { recentActivity } from './recent-activity.js';
export { mentionNoticeLimit } from './rules/mass-mentions.js';
export { normalise, normaliseTerm, originalSpan, type Normalised } from './normalise.js';
export {
  DISTRIBUTED_FORMAT,
  RULE_KINDS,
  SOURCE_FORMAT,
  distributedPolicySchema,
  sourcePolicySchema,
  type ConfidentialTermsRule,
  type DistributedPolicy,
  type DistributedRule,
  type PolicyError,
  type SourcePolicy,
  type SourceRule,
} from './policy-schemas.js';
export * from './rule-schemas.js';
export { TERM_HASH_SCHEME, keyFingerprint } from './term-hash.js';
export { luhnValid } from './luhn.js';
export { ibanValid } from './iban.js';
export { ukNinoValid, usSsnValid } from './national-id.js';
export { hostAllowed, linkHost } from './url-host.js';
export * from './posting-rights.js';
export { editCanFix, findingEditCanFix } from './fixable.js';
export * from './validate-engagement.js';
