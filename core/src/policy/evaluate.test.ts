import { describe, expect, it } from 'vitest';
import { evaluate, mostSevere } from './evaluate.js';
import { preparePolicy } from './prepare.js';
import { testPolicy } from './test-policy.js';

const policy = testPolicy([
  { kind: 'language', severity: 'warn' },
  { kind: 'confidential-terms', severity: 'hold', terms: ['Northwind'] },
  { kind: 'external-links', severity: 'flag', allowDomains: ['poll.example'] },
]);

describe('evaluate', () => {
  it('allows a clean draft and records the policy version', () => {
    expect(evaluate(policy, { title: 'Hello', body: 'Fieldwork went well.', space: 'general' })).toEqual({
      action: 'allow',
      policyVersion: 7,
      findings: [],
    });
  });

  it('takes the most severe finding as the action and orders findings by field and position', () => {
    const draft = { title: 'Damn shit', body: 'see https://evil.test and Northwind', space: 'general' };
    const v = evaluate(policy, draft);
    expect(v.action).toBe('hold');
    expect(v.findings.map((f) => [f.field, f.rule, f.severity])).toEqual([
      ['title', 'language', 'warn'],
      ['body', 'external-links', 'flag'],
      ['body', 'confidential-terms', 'hold'],
    ]);
    const [title, link, term] = v.findings;
    expect(draft.title.slice(title?.start, title?.end)).toBe('shit');
    expect(draft.body.slice(link?.start, link?.end)).toBe('https://evil.test');
    expect(draft.body.slice(term?.start, term?.end)).toBe('Northwind');
    expect(term).toMatchObject({ message: 'Message of confidential-terms.', guidance: 'Guidance of confidential-terms.' });
  });

  it('gives the same verdict for a prepared policy, prepared once per policy object', () => {
    const prepared = preparePolicy(policy);
    expect(preparePolicy(policy)).toBe(prepared);
    expect(preparePolicy(prepared)).toBe(prepared);
    const draft = { body: 'Northwind!', space: null };
    expect(evaluate(prepared, draft)).toEqual(evaluate(policy, draft));
  });

  it('orders severities', () => {
    expect(mostSevere('warn', 'flag')).toBe('flag');
    expect(mostSevere('reject', 'hold')).toBe('reject');
    expect(mostSevere('allow', 'allow')).toBe('allow');
  });

  it('reads attachment names as text: a confidential term in a file name is held, pointing at the file', () => {
    const files = [
      { name: 'holiday.png', mimeType: 'image/png', bytes: 10 },
      { name: 'Northwind-pricing.pdf', mimeType: 'application/pdf', bytes: 10 },
    ];
    const v = evaluate(policy, { body: 'See the attached.', space: 'general', attachments: files });
    expect(v.action).toBe('hold');
    expect(v.findings.map((f) => [f.field, f.rule, f.start, f.end])).toEqual([['attachment', 'confidential-terms', 1, 2]]);
  });
});
