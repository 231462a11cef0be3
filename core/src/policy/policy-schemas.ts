// The two forms of a behaviour policy. Why two: an administrator writes confidential terms in plain
// text (the source, kept on the relay), but every client receives the policy, so the distributed
// form carries those terms only as keyed hashes. compilePolicy turns one into the other.
import { z } from 'zod';
import { ruleBase, sharedRuleSchemas } from './rule-schemas.js';
import { TERM_HASH_SCHEME, TERM_KEY_PATTERN } from './term-hash.js';

export const SOURCE_FORMAT = 'hearth-policy-source/1';
export const DISTRIBUTED_FORMAT = 'hearth-policy/1';
const spaceId = z.string().trim().min(1).max(128);

const sourceTermSchema = z.union([
  z.string().trim().min(1).max(200),
  z.strictObject({
    term: z.string().trim().min(1).max(200),
    /** Spaces where the term may be used (the project's own private space); held elsewhere. */
    allowedIn: z.array(spaceId).default([]),
  }),
]);

export const sourceTermsRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal('confidential-terms'),
  terms: z.array(sourceTermSchema).min(1),
});

const hash = z.string().regex(/^[0-9a-f]{32}$/, 'a term hash is 32 hex digits');

export const distributedTermsRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal('confidential-terms'),
  /** Term hashes grouped by the spaces they are allowed in; sorted, so order reveals nothing. */
  groups: z.array(z.strictObject({ allowedIn: z.array(spaceId), hashes: z.array(hash) })),
  /** Marks of words that begin a confidential phrase of several words. */
  phraseHeads: z.array(hash),
});

function uniqueIds(rules: readonly { id: string }[], ctx: z.core.$RefinementCtx) {
  const seen = new Set<string>();
  rules.forEach((rule, i) => {
    if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id "${rule.id}"` });
    seen.add(rule.id);
  });
}

export const sourcePolicySchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal(SOURCE_FORMAT),
    /** Increases with every change; verdicts record it. */
    version: z.number().int().min(1),
    name: z.string().trim().min(1).max(200),
    /**
     * The key that hashes confidential terms, 64 hex digits. Keep it stable across versions; absent,
     * the relay supplies its stored key (or generates one and stores it).
     */
    termKey: z.string().regex(TERM_KEY_PATTERN, 'termKey is 64 lower-case hex digits').optional(),
    /** Longest confidential phrase in words, at least the longest term (default: the longest). */
    maxPhraseWords: z.number().int().min(1).max(8).optional(),
    rules: z.array(z.discriminatedUnion('kind', [...sharedRuleSchemas, sourceTermsRuleSchema])),
  })
  .superRefine((p, ctx) => uniqueIds(p.rules, ctx));

export const distributedPolicySchema = z
  .strictObject({
    format: z.literal(DISTRIBUTED_FORMAT),
    version: z.number().int().min(1),
    name: z.string().min(1).max(200),
    terms: z.strictObject({
      scheme: z.literal(TERM_HASH_SCHEME),
      key: z.string().regex(TERM_KEY_PATTERN),
      keyFingerprint: z.string().regex(/^[0-9a-f]{16}$/),
      maxPhraseWords: z.number().int().min(1).max(8),
    }),
    rules: z.array(z.discriminatedUnion('kind', [...sharedRuleSchemas, distributedTermsRuleSchema])),
  })
  .superRefine((p, ctx) => uniqueIds(p.rules, ctx));

/** Every rule kind this version knows. */
export const RULE_KINDS = [
  'language',
  'confidential-terms',
  'classification-markers',
  'personal-data',
  'secrets',
  'external-links',
  'mass-mentions',
  'attachments',
  'posting-rate',
  'reaction-rate',
] as const satisfies readonly DistributedRule['kind'][];

export type SourcePolicy = z.infer<typeof sourcePolicySchema>;
export type SourceRule = SourcePolicy['rules'][number];
export type DistributedPolicy = z.infer<typeof distributedPolicySchema>;
export type DistributedRule = DistributedPolicy['rules'][number];
export type ConfidentialTermsRule = z.infer<typeof distributedTermsRuleSchema>;

export interface PolicyError {
  /** Where in the document, dotted: "rules.3.terms.0". Empty for the whole document. */
  path: string;
  message: string;
}

export function issuesToErrors(error: z.ZodError): PolicyError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
