// The rule for what a moderator's changes may do to a case file, on real Automerge changes: every
// way of touching something other than a new decision or note of one's own is refused, however the
// change is built (assignment, text splice, deletion, a root-level object that would win a conflict,
// two devices adding the same key).
import * as A from '@automerge/automerge';
import { describe, expect, it } from 'vitest';
import { moderatorActorId, type ModerationCase } from '@hearth/core';
import { checkChanges } from './change-check.js';

const RELAY = 'ab'.repeat(16);
const mona = (device = '1') => moderatorActorId('mona', device.repeat(32));

function relayCase(): A.Doc<ModerationCase> {
  const initial: ModerationCase = {
    schema: 'hearth-case/1',
    id: 'hold.e1.1',
    space: 'general',
    source: 'hold',
    openedAt: 1,
    item: { entryId: 'e1', type: 'post', authorId: 'alice', room: 'space/general', title: 'T', body: 'Original words.', version: 1, createdAt: 1 },
    findings: [{ rule: 'client-names', severity: 'hold', message: 'm' } as never],
    reports: {},
    decisions: { 'max-1': { id: 'max-1', by: 'max', at: 1, action: 'hide', note: 'Hidden.', role: null, supersedes: [] } },
    notes: {},
    executions: {},
  };
  return A.from(initial as unknown as Record<string, unknown>, { actor: RELAY }) as unknown as A.Doc<ModerationCase>;
}

const decision = (id: string, by = 'mona', extra: Record<string, unknown> = {}) => ({ id, by, at: 2, action: 'approve' as const, note: 'Fine.', role: null, supersedes: ['max-1'], ...extra });

/** The verdict on what `fn` (run as `actor` on a copy of `base`) adds. */
function verdict(fn: (d: ModerationCase) => void, actor = mona(), base = relayCase(), person = 'mona'): string | null {
  const after = A.change(A.clone(base, { actor }), fn);
  return checkChanges(base, after, A.getChanges(base, after).map((c) => A.decodeChange(c)), person);
}

describe('checkChanges', () => {
  it('accepts a new decision and a new note in one\'s own name', () => {
    expect(verdict((d) => void (d.decisions['mona-1'] = decision('mona-1')))).toBeNull();
    expect(verdict((d) => void (d.notes['mona-n'] = { by: 'mona', at: 3, text: 'Look at the thread.' }))).toBeNull();
  });

  it('refuses a change written with an actor that is not the person\'s', () => {
    expect(verdict((d) => void (d.decisions['mona-1'] = decision('mona-1')), 'cd'.repeat(16))).toMatch(/actor/);
    expect(verdict((d) => void (d.decisions['mona-1'] = decision('mona-1')), moderatorActorId('max', '1'.repeat(32)))).toMatch(/actor/);
  });

  it('refuses any edit of what the relay recorded, however it is written', () => {
    expect(verdict((d) => void (d.item.body = 'Forged words.'))).toMatch(/item/);
    expect(verdict((d) => void A.splice(d, ['item', 'body'], 0, 8, 'Forged'))).not.toBeNull();
    expect(verdict((d) => void (d.item.authorId = 'erin'))).toMatch(/item/);
    expect(verdict((d) => void (d.space = 'other'))).toMatch(/case file itself/);
    expect(verdict((d) => void (d.source = 'report'))).not.toBeNull();
    expect(verdict((d) => void d.findings.splice(0, 1))).toMatch(/findings/);
    expect(verdict((d) => void (d.executions['max-1'] = { at: 1, outcome: 'done' }))).toMatch(/executions/);
    expect(verdict((d) => void (d.reports.r1 = { reporter: 'mona', reason: 'x', at: 1 }))).toMatch(/reports/);
  });

  it('refuses replacing a whole map, which would win over the relay\'s in a conflict', () => {
    expect(verdict((d) => void (d.decisions = { 'mona-1': decision('mona-1') }))).toMatch(/case file itself/);
  });

  it('refuses editing or deleting an existing decision or note, one\'s own included', () => {
    expect(verdict((d) => void (d.decisions['max-1']!.action = 'approve'))).not.toBeNull();
    expect(verdict((d) => void delete d.decisions['max-1'])).toMatch(/existing decision/);
    expect(verdict((d) => void (d.decisions['max-1'] = decision('max-1')))).toMatch(/existing decision/);
    const withOwn = A.change(A.clone(relayCase(), { actor: mona() }), (d) => void (d.decisions['mona-1'] = decision('mona-1')));
    expect(verdict((d) => void (d.decisions['mona-1']!.note = 'Changed my mind.'), mona(), withOwn)).not.toBeNull();
  });

  it('refuses an addition in someone else\'s name, malformed, or too large', () => {
    expect(verdict((d) => void (d.decisions['mona-1'] = decision('mona-1', 'max')))).toMatch(/someone else/);
    expect(verdict((d) => void (d.decisions['mona-1'] = decision('other-id')))).toMatch(/key/);
    expect(verdict((d) => void (d.decisions['mona-1'] = decision('mona-1', 'mona', { action: 'publish-anything' })))).toMatch(/malformed/);
    expect(verdict((d) => void (d.decisions['mona-1'] = decision('mona-1', 'mona', { item: { body: 'x' } })))).toMatch(/malformed/);
    expect(verdict((d) => void (d.notes.n = { by: 'mona', at: 1, text: 'x'.repeat(5000) }))).toMatch(/malformed/);
  });

  it('refuses two devices of the same person adding the same key (one would hide the other)', () => {
    const base = relayCase();
    const a = A.change(A.clone(base, { actor: mona('1') }), (d) => void (d.decisions['mona-1'] = decision('mona-1')));
    const b = A.change(A.clone(base, { actor: mona('2') }), (d) => void (d.decisions['mona-1'] = decision('mona-1', 'mona', { action: 'hide' })));
    const both = A.merge(A.clone(a), b);
    expect(checkChanges(base, both, A.getChanges(base, both).map((c) => A.decodeChange(c)), 'mona')).toMatch(/twice/);
  });
});
