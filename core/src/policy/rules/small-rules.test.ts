import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate.js';
import { testPolicy } from '../test-policy.js';
import type { Attachment } from '../types.js';
import { LIMITS } from '../../model/types.js';
import { mentionNoticeLimit } from './mass-mentions.js';

describe('mass mentions', () => {
  const policy = testPolicy([{ kind: 'mass-mentions', severity: 'warn', maxMentions: 3 }]);
  const judge = (body: string) => evaluate(policy, { body, space: 's' });

  it('reports <@all> and <@here>', () => {
    const body = 'hi <@all> and <@here>';
    expect(judge(body).findings.map((f) => body.slice(f.start, f.end))).toEqual(['<@all>', '<@here>']);
  });

  it('reports more than the allowed number of distinct people, at the first one too many', () => {
    expect(judge('<@ann> <@bob> <@cat> <@ann>').findings).toEqual([]);
    const body = '<@ann> <@bob> <@cat> <@dan> <@eve>';
    const v = judge(body);
    expect(v.action).toBe('warn');
    expect(v.findings.map((f) => body.slice(f.start, f.end))).toEqual(['<@dan>']);
  });
});

describe('how many mentions the relay notifies', () => {
  it("is the policy's maxMentions, never more than the hard limit", () => {
    expect(mentionNoticeLimit(testPolicy([{ kind: 'mass-mentions', severity: 'warn', maxMentions: 3 }]))).toBe(3);
    expect(mentionNoticeLimit(testPolicy([{ kind: 'mass-mentions', severity: 'warn', maxMentions: 500 }]))).toBe(LIMITS.mentionNotices);
    expect(mentionNoticeLimit(testPolicy([{ kind: 'secrets', severity: 'hold' }]))).toBe(LIMITS.mentionNotices);
    expect(mentionNoticeLimit(null)).toBe(LIMITS.mentionNotices);
  });
});

describe('classification markers', () => {
  const upper = testPolicy([{ kind: 'classification-markers' }]);
  const any = testPolicy([{ kind: 'classification-markers', matchCase: 'any', markers: ['internal only'] }]);
  const spans = (p: typeof upper, body: string) => evaluate(p, { body, space: null }).findings.map((f) => body.slice(f.start, f.end));

  it('finds markers in capitals, preferring the longest', () => {
    expect(spans(upper, 'STRICTLY CONFIDENTIAL - board pack')).toEqual(['STRICTLY CONFIDENTIAL']);
    expect(spans(upper, 'INTERNAL ONLY')).toEqual(['INTERNAL ONLY']);
    expect(spans(upper, 'C O N F I D E N T I A L')).toEqual(['C O N F I D E N T I A L']);
    expect(spans(upper, 'CONFIDENTIALITY AGREEMENT')).toEqual([]);
    expect(spans(upper, 'please keep this confidential')).toEqual([]);
  });

  it('finds markers in any case when the rule says so', () => {
    expect(spans(any, 'This is Internal-Only.')).toEqual(['Internal-Only']);
  });
});

describe('attachments', () => {
  const policy = testPolicy([
    {
      kind: 'attachments',
      allowTypes: ['image/*', 'application/pdf'],
      blockExtensions: ['exe'],
      maxBytes: 1000,
      maxTotalBytes: 1500,
      maxCount: 3,
    },
  ]);
  const judge = (attachments: Attachment[]) => evaluate(policy, { body: 'x', space: null, attachments });
  const ok = (name: string, bytes = 10, mimeType = 'image/png') => ({ name, mimeType, bytes });

  it('accepts allowed types within the limits', () => {
    expect(judge([ok('a.png'), ok('b.pdf', 10, 'application/pdf')]).action).toBe('allow');
  });

  it('points at the offending attachment by index', () => {
    const v = judge([ok('a.png'), ok('setup.pdf.exe', 10, 'application/pdf'), ok('c.zip', 10, 'application/zip')]);
    expect(v.findings.map((f) => [f.field, f.start, f.end])).toEqual([
      ['attachment', 1, 2],
      ['attachment', 2, 3],
    ]);
    expect(v.action).toBe('hold');
  });

  it('limits size, total size and count', () => {
    expect(judge([ok('big.png', 1001)]).findings.map((f) => f.detail)).toEqual(['a file larger than 1000 bytes']);
    expect(judge([ok('a.png', 800), ok('b.png', 800)]).findings).toHaveLength(1);
    expect(judge([ok('1.png'), ok('2.png'), ok('3.png'), ok('4.png')]).findings).toHaveLength(1);
  });
});
