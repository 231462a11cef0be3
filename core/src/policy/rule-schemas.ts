// The rule kinds of a behaviour policy, as zod schemas. Why schemas: the policy arrives from outside
// the code twice (an administrator's JSON file on the relay, the `policy` room on every client), and
// both must be checked whole before anything trusts it. The source and distributed forms share every
// rule kind except confidential terms, which travel only as keyed hashes (see policy-schemas.ts).
import { z } from 'zod';
import { ACTIONS } from './types.js';

export const severitySchema = z.enum(ACTIONS);

const ruleBase = {
  /** Stable id: findings name it, moderators search by it. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'use lower-case letters, digits and hyphens'),
  severity: severitySchema,
  /** What was found, in plain words, shown to the author. */
  message: z.string().trim().min(1).max(500),
  /** What the author can do instead, in plain kind words. */
  guidance: z.string().trim().min(1).max(1000),
};

export const LANGUAGE_CATEGORIES = ['slur', 'insult', 'sexual', 'profanity'] as const;
export type LanguageCategory = (typeof LANGUAGE_CATEGORIES)[number];

export const languageRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal('language'),
  /** Severity per category; a category not listed takes the rule's severity. */
  categories: z.partialRecord(z.enum(LANGUAGE_CATEGORIES), severitySchema).default({}),
  /** Words of the dataset not to report (e.g. "sex" where demographics are everyday work). */
  ignore: z.array(z.string().trim().toLowerCase().min(1)).default([]),
  /** Whole words never reported although they contain a listed word (place names, food, ...). */
  allowWords: z.array(z.string().trim().toLowerCase().min(1)).default([]),
});

export const DEFAULT_MARKERS = [
  'strictly confidential',
  'confidential',
  'internal only',
  'internal use only',
  'restricted',
  'not for distribution',
  'do not forward',
  'secret',
  'top secret',
];

export const classificationRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal('classification-markers'),
  markers: z.array(z.string().trim().min(1).max(80)).min(1).default(DEFAULT_MARKERS),
  /** 'upper': only markers written in capitals ("CONFIDENTIAL", not "keep this confidential"). */
  matchCase: z.enum(['upper', 'any']).default('upper'),
});

export const PERSONAL_DATA_KINDS = ['payment-card', 'iban', 'us-ssn', 'uk-nino'] as const;
export const personalDataRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal('personal-data'),
  detect: z.array(z.enum(PERSONAL_DATA_KINDS)).min(1).default([...PERSONAL_DATA_KINDS]),
});

export const SECRET_KINDS = [
  'private-key',
  'aws-access-key',
  'github-token',
  'slack-token',
  'google-api-key',
  'stripe-key',
  'jwt',
  'bearer-token',
] as const;
export const secretsRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal('secrets'),
  detect: z.array(z.enum(SECRET_KINDS)).min(1).default([...SECRET_KINDS]),
});

const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'not a domain name');

export const linksRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal('external-links'),
  /** Links to these domains and their subdomains are fine. */
  allowDomains: z.array(domainSchema).default([]),
});

export const mentionsRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal('mass-mentions'),
  /** Report `<@all>` and `<@here>`. */
  broadcast: z.boolean().default(true),
  /** Report more than this many distinct people mentioned. */
  maxMentions: z.number().int().min(1).max(1000).default(10),
});

const mimePattern = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9.+-]+\/(\*|[a-z0-9.+-]+)$/, 'use type/subtype or type/*');

export const attachmentsRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal('attachments'),
  /** Allowed MIME types ("image/*" allowed); absent: any type not blocked by extension. */
  allowTypes: z.array(mimePattern).optional(),
  /** File name extensions never allowed, without the dot. */
  blockExtensions: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9]{1,10}$/)).default([]),
  maxBytes: z.number().int().positive().optional(),
  maxTotalBytes: z.number().int().positive().optional(),
  maxCount: z.number().int().positive().optional(),
});

/** A rate rule: how many of something one person may publish in an hour and in a day. */
function rateRuleSchema<K extends string>(kind: K) {
  return z
    .strictObject({
      ...ruleBase,
      kind: z.literal(kind),
      /** At most this many in the last hour, this one included. */
      maxPerHour: z.number().int().positive().optional(),
      /** The same over the last 24 hours. */
      maxPerDay: z.number().int().positive().optional(),
    })
    .refine((r) => r.maxPerHour !== undefined || r.maxPerDay !== undefined, {
      message: 'give maxPerHour, maxPerDay or both',
      path: ['maxPerHour'],
    });
}

/** Posts, comments and messages per author. */
export const postingRateRuleSchema = rateRuleSchema('posting-rate');
/** Reactions per author (a withdrawn reaction still counts: reacting again is a new one). */
export const reactionRateRuleSchema = rateRuleSchema('reaction-rate');

/** Every rule kind that reads the same in the source and the distributed policy. */
export const sharedRuleSchemas = [
  languageRuleSchema,
  classificationRuleSchema,
  personalDataRuleSchema,
  secretsRuleSchema,
  linksRuleSchema,
  mentionsRuleSchema,
  attachmentsRuleSchema,
  postingRateRuleSchema,
  reactionRateRuleSchema,
] as const;

export { ruleBase };
export type LanguageRule = z.infer<typeof languageRuleSchema>;
export type ClassificationRule = z.infer<typeof classificationRuleSchema>;
export type PersonalDataRule = z.infer<typeof personalDataRuleSchema>;
export type SecretsRule = z.infer<typeof secretsRuleSchema>;
export type LinksRule = z.infer<typeof linksRuleSchema>;
export type MentionsRule = z.infer<typeof mentionsRuleSchema>;
export type AttachmentsRule = z.infer<typeof attachmentsRuleSchema>;
export type PostingRateRule = z.infer<typeof postingRateRuleSchema>;
export type ReactionRateRule = z.infer<typeof reactionRateRuleSchema>;
export type SharedRule = z.infer<(typeof sharedRuleSchemas)[number]>;
