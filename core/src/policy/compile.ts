// compilePolicy: the administrator's source policy → the policy every client receives. Why a
// compile step: confidential terms must leave the relay only as keyed hashes, and everything a
// client receives must already be validated. The relay runs it on `hearth-relay policy set FILE`.
//
// The term key decides every hash. It must stay the same across policy versions (so hashes of
// unchanged terms do not change, diffs between versions stay meaningful and cached verdicts stay
// comparable), so it lives with the source: in the file's `termKey`, or — when the file has none —
// in the relay's own storage, passed back here as `opts.key`. When neither exists a key is generated
// and returned (`generatedKey`), and the relay must store it before publishing.
import { randomBytes, bytesToHex } from '@noble/hashes/utils';
import { fieldView } from './field-view.js';
import { normaliseTerm } from './normalise.js';
import {
  DISTRIBUTED_FORMAT,
  distributedPolicySchema,
  issuesToErrors,
  sourcePolicySchema,
  type DistributedPolicy,
  type DistributedRule,
  type PolicyError,
  type SourceRule,
} from './policy-schemas.js';
import { PreparedPolicy } from './prepare.js';
import { createTermHasher, keyFingerprint, TERM_HASH_SCHEME, TERM_KEY_PATTERN, type TermHasher } from './term-hash.js';

export interface CompileOptions {
  /** The relay's stored term key (64 hex digits), used when the source has no `termKey`. */
  key?: string;
  /** Source of a new key when there is none (tests pass a fixed one). */
  generateKey?: () => string;
}

export type CompileResult =
  | { ok: true; policy: DistributedPolicy; key: string; generatedKey: boolean }
  | { ok: false; errors: PolicyError[] };

export function compilePolicy(source: unknown, opts: CompileOptions = {}): CompileResult {
  const parsed = sourcePolicySchema.safeParse(source);
  if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error) };
  const src = parsed.data;
  if (opts.key !== undefined && !TERM_KEY_PATTERN.test(opts.key)) {
    return { ok: false, errors: [{ path: '', message: 'the stored term key is not 64 lower-case hex digits' }] };
  }
  const key = src.termKey ?? opts.key ?? (opts.generateKey ?? (() => bytesToHex(randomBytes(32))))();
  const generatedKey = src.termKey === undefined && opts.key === undefined;
  const hasher = createTermHasher(key);
  const errors: PolicyError[] = [];
  let longest = 1;
  const rules = src.rules.map((rule, i): DistributedRule => {
    if (rule.kind !== 'confidential-terms') return rule;
    const compiled = compileTerms(rule, i, hasher, errors);
    longest = Math.max(longest, compiled.longest);
    return compiled.rule;
  });
  const maxPhraseWords = src.maxPhraseWords ?? longest;
  if (maxPhraseWords < longest) {
    errors.push({ path: 'maxPhraseWords', message: `a confidential term has ${longest} words; maxPhraseWords must be at least that` });
  }
  if (errors.length > 0) return { ok: false, errors };
  const policy: DistributedPolicy = {
    format: DISTRIBUTED_FORMAT,
    version: src.version,
    name: src.name,
    terms: { scheme: TERM_HASH_SCHEME, key, keyFingerprint: keyFingerprint(key), maxPhraseWords },
    rules,
  };
  const leaks = findLeaks(policy);
  if (leaks.length > 0) return { ok: false, errors: leaks };
  const checked = distributedPolicySchema.safeParse(policy);
  if (!checked.success) return { ok: false, errors: issuesToErrors(checked.error) };
  return { ok: true, policy: checked.data, key, generatedKey };
}

type SourceTermsRule = Extract<SourceRule, { kind: 'confidential-terms' }>;

function compileTerms(rule: SourceTermsRule, index: number, hasher: TermHasher, errors: PolicyError[]) {
  const groups = new Map<string, { allowedIn: string[]; hashes: Set<string> }>();
  const heads = new Set<string>();
  let longest = 1;
  rule.terms.forEach((entry, j) => {
    const term = typeof entry === 'string' ? entry : entry.term;
    const allowedIn = typeof entry === 'string' ? [] : [...new Set(entry.allowedIn)].sort();
    const phrase = normaliseTerm(term);
    if (phrase === '') {
      errors.push({ path: `rules.${index}.terms.${j}`, message: 'a term needs at least one letter or digit' });
      return;
    }
    const words = phrase.split(' ');
    longest = Math.max(longest, words.length);
    const groupKey = allowedIn.join('\u0000');
    let group = groups.get(groupKey);
    if (!group) {
      group = { allowedIn, hashes: new Set() };
      groups.set(groupKey, group);
    }
    // The term, and its plural / possessive forms ("bluebirds", "northwind's" → "northwinds").
    for (const form of [phrase, `${phrase}s`, `${phrase}es`]) group.hashes.add(hasher(form).term);
    if (words.length > 1) heads.add(hasher(words[0] ?? '').head);
  });
  const { terms: _plain, ...rest } = rule;
  const compiled: DistributedRule = {
    ...rest,
    groups: [...groups.values()]
      .sort((a, b) => a.allowedIn.join(',').localeCompare(b.allowedIn.join(',')))
      .map((g) => ({ allowedIn: g.allowedIn, hashes: [...g.hashes].sort() })),
    phraseHeads: [...heads].sort(),
  };
  return { rule: compiled, longest };
}

/**
 * Errors for any text the clients will read that names a confidential term: the name, rule ids,
 * messages, guidance, markers, domains, every string except the hashes and the key.
 */
function findLeaks(policy: DistributedPolicy): PolicyError[] {
  const prepared = PreparedPolicy.of(policy);
  const termChecks = prepared.checks.filter((c) => c.rule.kind === 'confidential-terms');
  const errors: PolicyError[] = [];
  const names = (text: string) => {
    const input = { draft: { body: text, space: null }, fields: [fieldView('body', text)] };
    return termChecks.some(({ check }) => check(input).length > 0);
  };
  const visit = (value: unknown, path: string[]) => {
    if (typeof value === 'string') {
      // As written, and with word-joining punctuation read as spaces ("bluebird-launch" as an id).
      if (names(value) || names(value.replace(/[-_.]/g, ' '))) {
        errors.push({ path: path.join('.'), message: 'names a confidential term; describe it without naming it' });
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, [...path, String(i)]));
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
    }
  };
  visit(policy.name, ['name']);
  policy.rules.forEach((rule, i) => {
    const { kind: _kind, severity: _severity, ...texts } = rule;
    if ('groups' in texts) {
      const { groups: _groups, phraseHeads: _heads, ...rest } = texts;
      visit(rest, ['rules', String(i)]);
    } else visit(texts, ['rules', String(i)]);
  });
  return errors;
}
