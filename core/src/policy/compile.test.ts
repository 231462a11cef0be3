// eslint-disable-next-line no-restricted-imports -- the test reads the policy assets from disk; the code under test stays pure
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setPolicyDocument } from '../model/index.js';
import { compilePolicy } from './compile.js';
import { evaluate } from './evaluate.js';
import { parsePolicy, readPolicy } from './parse.js';
import { TEST_KEY } from './test-policy.js';

const asset = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../../assets/${path}`, import.meta.url), 'utf8'));

const source = (rules: unknown[], extra: Record<string, unknown> = {}) => ({
  format: 'hearth-policy-source/1',
  version: 2,
  name: 'P',
  termKey: TEST_KEY,
  rules,
  ...extra,
});
const terms = (list: unknown[], extra: Record<string, unknown> = {}) => ({
  id: 'codenames',
  kind: 'confidential-terms',
  severity: 'hold',
  message: 'A project codename.',
  guidance: 'Describe the work instead.',
  terms: list,
  ...extra,
});

describe('compilePolicy', () => {
  it.each(['policy/default.json', 'demo/policy.json'])('compiles %s', (path) => {
    const result = compilePolicy(asset(path));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it.each(['policy/default.json', 'demo/policy.json'])('%s limits the posting rate generously', (path) => {
    const result = compilePolicy(asset(path));
    if (!result.ok) throw new Error(`${path} does not compile`);
    const rate = result.policy.rules.find((r) => r.kind === 'posting-rate');
    expect(rate).toMatchObject({ maxPerHour: 20, maxPerDay: 100 });
    const judge = (lastHour: number, lastDay: number) => evaluate(result.policy, { body: 'Lunch at one?', space: 'general', recent: { lastHour, lastDay } }).action;
    expect(judge(19, 99)).toBe('allow');
    expect(judge(20, 20)).toBe(rate?.severity);
  });

  it('never puts a confidential term in the distributed policy, in any form', () => {
    const result = compilePolicy(asset('demo/policy.json'));
    if (!result.ok) throw new Error('demo policy does not compile');
    const json = JSON.stringify(result.policy).toLowerCase();
    for (const word of ['bluebird', 'biuebird', 'northwind', 'kestrel', 'saffron', 'lantern', 'contoso', 'fabrikam', 'tailspin', 'wingtip']) {
      expect(json).not.toContain(word);
    }
  });

  it('judges the demo company as specified', () => {
    const result = compilePolicy(asset('demo/policy.json'));
    if (!result.ok) throw new Error('demo policy does not compile');
    const judge = (body: string, space: string | null) => evaluate(result.policy, { body, space }).action;
    expect(judge('Bluebird fieldwork starts Monday', 'media-wing')).toBe('allow');
    expect(judge('Bluebird fieldwork starts Monday', 'general')).toBe('hold');
    expect(judge('Northwind liked the deck', 'media-wing')).toBe('hold');
    expect(judge('Northwind liked the deck', null)).toBe('hold');
    expect(judge('New tables on https://intranet.poll.example/tables', 'general')).toBe('allow');
    expect(judge('Respondents by sex and age', 'general')).toBe('allow');
  });

  it('keeps hashes stable for the same key and changes them with another', () => {
    const a = compilePolicy(source([terms(['Bluebird'])]));
    const b = compilePolicy(source([terms(['Bluebird', 'Kestrel'])], { version: 3 }));
    const c = compilePolicy(source([terms(['Bluebird'])], { termKey: 'ff'.repeat(32) }));
    if (!a.ok || !b.ok || !c.ok) throw new Error('does not compile');
    const hashes = (p: typeof a) => (p.policy.rules[0] as { groups: { hashes: string[] }[] }).groups[0]?.hashes ?? [];
    expect(hashes(a)).toHaveLength(3); // the term, +s, +es
    expect(hashes(b)).toEqual(expect.arrayContaining(hashes(a)));
    expect(hashes(c).some((h) => hashes(a).includes(h))).toBe(false);
  });

  it('takes the stored key when the source has none, and generates one when there is none', () => {
    const { termKey: _omit, ...keyless } = source([terms(['Bluebird'])]);
    const stored = compilePolicy(keyless, { key: TEST_KEY });
    expect(stored.ok && stored.key === TEST_KEY && !stored.generatedKey).toBe(true);
    const fresh = compilePolicy(keyless, { generateKey: () => 'ab'.repeat(32) });
    expect(fresh.ok && fresh.key === 'ab'.repeat(32) && fresh.generatedKey).toBe(true);
    const random = compilePolicy(keyless);
    expect(random.ok && /^[0-9a-f]{64}$/.test(random.key) && random.key !== TEST_KEY).toBe(true);
    expect(compilePolicy(keyless, { key: 'nope' }).ok).toBe(false);
  });

  it('reports every problem with its path, as data', () => {
    const result = compilePolicy(
      source([
        terms(['Bluebird'], { severity: 'block' }),
        { ...terms(['x']), kind: 'codewords' },
        { ...terms(['Kestrel']), allowList: [] },
        terms(['Kestrel']),
      ]),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.errors.map((e) => e.path);
    expect(paths).toContain('rules.0.severity');
    expect(paths).toContain('rules.1.kind');
    expect(paths.some((p) => p.startsWith('rules.2'))).toBe(true);
    expect(compilePolicy('not a policy').ok).toBe(false);
  });

  it('rejects duplicate rule ids, empty terms and a too short phrase limit', () => {
    const dup = compilePolicy(source([terms(['A1']), terms(['B2'])]));
    expect(!dup.ok && dup.errors.some((e) => e.path === 'rules.1.id')).toBe(true);
    const empty = compilePolicy(source([terms(['---'])]));
    expect(!empty.ok && empty.errors[0]?.path).toBe('rules.0.terms.0');
    const short = compilePolicy(source([terms(['Northwind Traders Group'])], { maxPhraseWords: 2 }));
    expect(!short.ok && short.errors[0]?.path).toBe('maxPhraseWords');
  });

  it('refuses texts that would reveal a term to every client', () => {
    const result = compilePolicy(source([terms(['Bluebird'], { guidance: 'Do not mention B1uebird outside media-wing.' })]));
    expect(!result.ok && result.errors).toEqual([
      { path: 'rules.0.guidance', message: 'names a confidential term; describe it without naming it' },
    ]);
    const byId = compilePolicy(source([terms(['Bluebird'], { id: 'bluebird-launch' })]));
    expect(!byId.ok && byId.errors[0]?.path).toBe('rules.0.id');
    const byMarker = compilePolicy(
      source([
        terms(['Bluebird']),
        { id: 'markers', kind: 'classification-markers', severity: 'hold', message: 'm', guidance: 'g', markers: ['BLUEBIRD EYES ONLY'] },
        { id: 'links', kind: 'external-links', severity: 'warn', message: 'm', guidance: 'g', allowDomains: ['blue-bird.example'] },
      ]),
    );
    expect(!byMarker.ok && byMarker.errors.map((e) => e.path)).toEqual(['rules.1.markers.0', 'rules.2.allowDomains.0']);
  });
});

describe('parsePolicy and readPolicy', () => {
  const compiled = compilePolicy(asset('demo/policy.json'));
  if (!compiled.ok) throw new Error('demo policy does not compile');
  const { policy } = compiled;

  it('round-trips the distributed policy through JSON', () => {
    const parsed = parsePolicy(JSON.parse(JSON.stringify(policy)));
    expect(parsed).toEqual({ ok: true, policy, skipped: [] });
    expect(parsePolicy(JSON.stringify(policy)).ok).toBe(true);
  });

  it('refuses a source policy, plain-text terms or a bad hash', () => {
    expect(parsePolicy(asset('demo/policy.json')).ok).toBe(false);
    const tampered = structuredClone(policy) as unknown as { rules: Record<string, unknown>[] };
    const rule = tampered.rules.find((r) => r.kind === 'confidential-terms');
    if (rule) rule.terms = ['Bluebird'];
    expect(parsePolicy(tampered).ok).toBe(false);
    expect(parsePolicy('{').ok).toBe(false);
  });

  it('leaves out rules of kinds it does not know, and nothing else', () => {
    const newer = JSON.parse(JSON.stringify(policy)) as { rules: unknown[] };
    newer.rules.push({ id: 'reading-level', kind: 'reading-level', severity: 'warn', message: 'm', guidance: 'g', grade: 9 });
    const parsed = parsePolicy(newer);
    expect(parsed.ok && parsed.skipped).toEqual(['reading-level']);
    expect(parsed.ok && parsed.policy.rules).toHaveLength(policy.rules.length);
    newer.rules.push({ id: 'broken', kind: 'language', severity: 'sometimes' });
    expect(parsePolicy(newer).ok).toBe(false);
  });

  it('reads the policy room, returning the same object while it is unchanged', () => {
    const doc = new Y.Doc();
    expect(readPolicy(doc)).toBeNull();
    setPolicyDocument(doc, JSON.parse(JSON.stringify(policy)));
    const first = readPolicy(doc);
    expect(first?.version).toBe(3);
    expect(readPolicy(doc)).toBe(first);
    setPolicyDocument(doc, { format: 'something else' });
    expect(readPolicy(doc)).toBeNull();
  });
});
