import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../model/types.js';
import { compilePolicy } from '../compile.js';
import { evaluate } from '../evaluate.js';
import { parsePolicy } from '../parse.js';
import { recentActivity } from '../recent-activity.js';
import { testPolicy } from '../test-policy.js';
import type { RecentActivity } from '../types.js';

describe('posting rate', () => {
  const policy = testPolicy([{ kind: 'posting-rate', severity: 'hold', maxPerHour: 3, maxPerDay: 10 }]);
  const judge = (recent?: RecentActivity) => evaluate(policy, recent ? { body: 'Morning all', space: 's', recent } : { body: 'Morning all', space: 's' });

  it('is silent below the limits, and when the draft carries no recent activity', () => {
    expect(judge({ lastHour: 2, lastDay: 9 }).findings).toEqual([]);
    expect(judge().findings).toEqual([]);
  });

  it('reports the post that would go past the hourly limit, on the entry, with the count as detail', () => {
    const v = judge({ lastHour: 3, lastDay: 3 });
    expect(v.action).toBe('hold');
    expect(v.findings).toEqual([
      { rule: 'posting-rate', severity: 'hold', field: 'entry', start: 0, end: 0, message: 'Message of posting-rate.', guidance: 'Guidance of posting-rate.', detail: 'You have posted 3 times in the last hour' },
    ]);
  });

  it('reports the post that would go past the daily limit', () => {
    expect(judge({ lastHour: 0, lastDay: 10 }).findings.map((f) => f.detail)).toEqual(['You have posted 10 times in the last day']);
  });

  it('applies only the limits given', () => {
    const hourly = testPolicy([{ kind: 'posting-rate', severity: 'warn', maxPerHour: 1 }]);
    expect(evaluate(hourly, { body: 'x', space: null, recent: { lastHour: 0, lastDay: 500 } }).findings).toEqual([]);
    expect(evaluate(hourly, { body: 'x', space: null, recent: { lastHour: 1, lastDay: 1 } }).action).toBe('warn');
  });

  it('refuses a rule with neither limit, or with a limit that is not a positive integer', () => {
    const compile = (extra: Record<string, unknown>) =>
      compilePolicy({
        format: 'hearth-policy-source/1',
        version: 1,
        name: 'P',
        rules: [{ id: 'rate', kind: 'posting-rate', severity: 'hold', message: 'm', guidance: 'g', ...extra }],
      });
    const none = compile({});
    expect(none.ok ? [] : none.errors.map((e) => e.path)).toEqual(['rules.0.maxPerHour']);
    expect(compile({ maxPerDay: 0 }).ok).toBe(false);
    expect(compile({ maxPerHour: 2.5 }).ok).toBe(false);
    expect(compile({ maxPerDay: 100 }).ok).toBe(true);
  });

  it('travels in the distributed policy unchanged', () => {
    const parsed = parsePolicy(JSON.parse(JSON.stringify(policy)));
    expect(parsed.ok && parsed.policy.rules).toEqual([
      { id: 'posting-rate', kind: 'posting-rate', severity: 'hold', maxPerHour: 3, maxPerDay: 10, message: 'Message of posting-rate.', guidance: 'Guidance of posting-rate.' },
    ]);
  });
});

describe('recentActivity', () => {
  const NOW = Date.UTC(2026, 10, 22, 12);
  const MIN = 60_000;
  const base = { editedAt: null, retracted: false };
  const post = (id: string, minutesAgo: number, extra: Partial<OutboxEntry> = {}): OutboxEntry =>
    ({ ...base, id, type: 'post', space: 's', kind: 'discussion', title: '', body: 'b', createdAt: NOW - minutesAgo * MIN, ...extra }) as OutboxEntry;

  it('counts posts, comments and messages of the last hour and day, not withdrawn ones, reactions or the excluded entry', () => {
    const entries: OutboxEntry[] = [
      post('p1', 5),
      post('p2', 59),
      post('p3', 61),
      post('p4', 24 * 60 - 1),
      post('p5', 24 * 60 + 1),
      post('p6', 10, { retracted: true }),
      { ...base, id: 'c1', type: 'comment', space: 's', post: 'p1', replyTo: null, body: 'c', createdAt: NOW - 2 * MIN },
      { ...base, id: 'm1', type: 'message', conversation: 'k', to: null, body: 'm', createdAt: NOW - 3 * MIN },
      { ...base, id: 'r1', type: 'reaction', space: 's', target: 'p1', emoji: '👍', createdAt: NOW - MIN } as OutboxEntry,
      { ...base, id: 'a1', type: 'ack', policyVersion: 1, createdAt: NOW - MIN },
    ];
    expect(recentActivity(entries, NOW)).toEqual({ lastHour: 4, lastDay: 6 });
    expect(recentActivity(entries, NOW, 'p1')).toEqual({ lastHour: 3, lastDay: 5 });
    expect(recentActivity([], NOW)).toEqual({ lastHour: 0, lastDay: 0 });
  });
});

describe('reaction rate', () => {
  const policy = testPolicy([
    { kind: 'reaction-rate', severity: 'reject', maxPerHour: 4, maxPerDay: 20 },
    { kind: 'posting-rate', severity: 'hold', maxPerHour: 1 },
  ]);
  const react = (recentReactions?: RecentActivity) => evaluate(policy, recentReactions ? { body: '', space: 's', recentReactions } : { body: '', space: 's' });

  it('refuses the reaction that would go past the limits, and only counts reactions', () => {
    expect(react({ lastHour: 3, lastDay: 3 }).findings).toEqual([]);
    expect(react().findings).toEqual([]);
    expect(react({ lastHour: 4, lastDay: 4 })).toMatchObject({ action: 'reject', findings: [{ rule: 'reaction-rate', field: 'entry', detail: 'You have reacted 4 times in the last hour' }] });
    expect(react({ lastHour: 0, lastDay: 20 }).findings.map((f) => f.detail)).toEqual(['You have reacted 20 times in the last day']);
    // A post carries the posting count only: the reaction rate says nothing about it.
    expect(evaluate(policy, { body: 'hi', space: 's', recent: { lastHour: 1, lastDay: 1 } }).findings.map((f) => f.rule)).toEqual(['posting-rate']);
  });
});
