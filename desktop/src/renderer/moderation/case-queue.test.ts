import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER, countByState, filterQueue, spacesOf } from './case-queue.js';
import { DAY, NOW, caseFile, decision, items } from './test-cases.js';

const all = items(
  caseFile('open-old', { openedAt: NOW - 10 * DAY }),
  caseFile('open-new', { openedAt: NOW - 1000, source: 'flag', space: 'media-wing' }),
  caseFile('report', { openedAt: NOW - 3 * DAY, source: 'report' }),
  caseFile('decided', { decisions: [decision('d1', 'binu', 'approve')] }),
  caseFile('conflict', { openedAt: NOW - 2 * DAY, decisions: [decision('a', 'binu', 'approve'), decision('b', 'seema', 'hide')] }),
  caseFile('resolved', { decisions: [decision('a', 'binu', 'approve'), decision('b', 'seema', 'hide'), decision('c', 'binu', 'hide', ['a', 'b'])] }),
  caseFile('dm', { space: null, source: 'report' }),
);
const ids = (list: { doc: { id: string } }[]) => list.map((i) => i.doc.id);

describe('the review queue', () => {
  it('derives each case\'s state with core: open, conflict, decided, resolved', () => {
    expect(Object.fromEntries(all.map((i) => [i.doc.id, i.state]))).toEqual({
      'open-old': 'open', 'open-new': 'open', report: 'open', decided: 'decided', conflict: 'conflict', resolved: 'resolved', dm: 'open',
    });
    expect(countByState(all)).toEqual({ open: 4, conflict: 1, decided: 1, resolved: 1 });
  });

  it('shows what needs a decision by default: conflicts first, then open cases, the longest-waiting first', () => {
    expect(ids(filterQueue(all, DEFAULT_FILTER, NOW))).toEqual(['conflict', 'open-old', 'report', 'dm', 'open-new']);
    expect(ids(filterQueue(all, { ...DEFAULT_FILTER, state: 'open' }, NOW))).toEqual(['open-old', 'report', 'dm', 'open-new']);
  });

  it('puts conflicts first when every state is shown', () => {
    expect(ids(filterQueue(all, { ...DEFAULT_FILTER, state: null }, NOW))[0]).toBe('conflict');
  });

  it('filters by state, space, source and age, combined', () => {
    expect(ids(filterQueue(all, { ...DEFAULT_FILTER, state: 'conflict' }, NOW))).toEqual(['conflict']);
    expect(ids(filterQueue(all, { ...DEFAULT_FILTER, state: 'open', space: 'media-wing' }, NOW))).toEqual(['open-new']);
    expect(ids(filterQueue(all, { ...DEFAULT_FILTER, state: 'open', source: 'report' }, NOW))).toEqual(['report', 'dm']);
    expect(ids(filterQueue(all, { ...DEFAULT_FILTER, state: 'open', age: 'day' }, NOW))).toEqual(['dm', 'open-new']);
    expect(ids(filterQueue(all, { ...DEFAULT_FILTER, state: 'open', age: 'week' }, NOW))).toEqual(['report', 'dm', 'open-new']);
    expect(ids(filterQueue(all, { ...DEFAULT_FILTER, state: 'open', age: 'older' }, NOW))).toEqual(['open-old']);
    expect(ids(filterQueue(all, { state: null, space: 'general', source: 'hold', age: 'week' }, NOW))).toEqual(['conflict', 'decided', 'resolved']);
  });

  it('opens a decided case again when a report arrives after its last decision', () => {
    const reported = caseFile('reported', { source: 'report', decisions: [decision('d1', 'binu', 'restore')] });
    reported.doc.reports = { r1: { reporter: 'seema', reason: 'Still rude.', at: NOW } };
    const earlier = caseFile('earlier', { source: 'report', decisions: [decision('d1', 'binu', 'restore')] });
    earlier.doc.reports = { r1: { reporter: 'seema', reason: 'Rude.', at: NOW - 60 * 60_000 } };
    expect(items(reported, earlier).map((i) => i.state)).toEqual(['open', 'decided']);
  });

  it('lists the spaces that have cases', () => {
    expect(spacesOf(all)).toEqual(['general', 'media-wing']);
  });
});
