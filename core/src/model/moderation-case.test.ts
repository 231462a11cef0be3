import { describe, expect, it } from 'vitest';
import { checkCaseAddition, currentDecisionIds, deriveCaseState, isActorOf, moderatorActorId, moderatorActorPrefix } from './moderation-case.js';
import type { CaseAction, CaseDecision } from './moderation-case.js';

const d = (id: string, by: string, action: CaseAction, supersedes: string[] = [], at = 1): CaseDecision => ({ id, by, at, action, note: '', supersedes });
const of = (...list: CaseDecision[]) => ({ decisions: Object.fromEntries(list.map((x) => [x.id, x])) });
const ids = (list: CaseDecision[]) => list.map((x) => x.id);

describe('deriveCaseState', () => {
  it('a case without decisions is open', () => {
    expect(deriveCaseState(of()).status).toBe('open');
  });

  it('sequential decisions are carried out in causal order, whatever the clocks say', () => {
    const s = deriveCaseState(of(d('a', 'mo', 'hide', [], 5), d('b', 'jo', 'restore', ['a'], 1)));
    expect(s.status).toBe('decided');
    expect(ids(s.toCarryOut)).toEqual(['a', 'b']);
    expect(ids(s.current)).toEqual(['b']);
  });

  it('two different decisions made blind to each other are a conflict, and nothing is carried out', () => {
    const s = deriveCaseState(of(d('a', 'mo', 'approve'), d('b', 'jo', 'hide')));
    expect(s.status).toBe('conflict');
    expect(ids(s.conflicting)).toEqual(['a', 'b']);
    expect(s.toCarryOut).toEqual([]);
  });

  it('a conflict that one side had seen is not a conflict', () => {
    expect(deriveCaseState(of(d('a', 'mo', 'approve'), d('b', 'jo', 'hide', ['a']))).status).toBe('decided');
  });

  it('agreeing blind decisions are carried out once', () => {
    const s = deriveCaseState(of(d('a', 'mo', 'hide', [], 1), d('b', 'jo', 'hide', [], 2)));
    expect(ids(s.toCarryOut)).toEqual(['a']);
    expect(ids(s.duplicates)).toEqual(['b']);
  });

  it('a resolution that supersedes both sides ends the conflict; the rivals are overruled', () => {
    const a = d('a', 'mo', 'approve');
    const b = d('b', 'jo', 'hide');
    expect(currentDecisionIds(of(a, b))).toEqual(['a', 'b']);
    const s = deriveCaseState(of(a, b, d('c', 'lu', 'hide', ['a', 'b'], 3)));
    expect(s.status).toBe('decided');
    expect(ids(s.toCarryOut)).toEqual(['c']);
    expect(ids(s.overruled)).toEqual(['a', 'b']);
  });

  it('a decision that supersedes only one side leaves the conflict open', () => {
    const s = deriveCaseState(of(d('a', 'mo', 'approve'), d('b', 'jo', 'hide'), d('c', 'mo', 'warn', ['a'])));
    expect(s.status).toBe('conflict');
    expect(ids(s.conflicting)).toEqual(['b', 'c']);
  });

  it('ignores unknown and cyclic supersedes', () => {
    const s = deriveCaseState(of(d('a', 'mo', 'hide', ['b', 'zz']), d('b', 'mo', 'hide', ['a'])));
    expect(s.status).toBe('decided');
  });
});

describe('moderator actor ids', () => {
  it('are bound to a person, with a device part', () => {
    const actor = moderatorActorId('ana.lima', '0'.repeat(32));
    expect(actor).toHaveLength(64);
    expect(isActorOf(actor, 'ana.lima')).toBe(true);
    expect(isActorOf(actor, 'bo.kim')).toBe(false);
    expect(moderatorActorPrefix('ana.lima')).not.toBe(moderatorActorPrefix('bo.kim'));
    expect(() => moderatorActorId('ana.lima', 'xyz')).toThrow();
  });
});

describe('refused decisions', () => {
  it('do not count: no conflict, nothing to carry out, not current', () => {
    const c = { ...of(d('a', 'fay', 'approve'), d('b', 'mo', 'hide')), executions: { a: { at: 1, outcome: 'refused' as const, detail: 'fay does not facilitate general' } } };
    const s = deriveCaseState(c);
    expect(s.status).toBe('decided');
    expect(ids(s.toCarryOut)).toEqual(['b']);
    expect(currentDecisionIds(c)).toEqual(['b']);
  });
});

describe('checkCaseAddition', () => {
  const decision = { id: 'k', by: 'mo', at: 1, action: 'hide', note: '', role: null, supersedes: [] };
  it('accepts a well-formed decision or note in the writer\'s own name', () => {
    expect(checkCaseAddition('decisions', 'k', decision, 'mo')).toEqual({ ok: true });
    expect(checkCaseAddition('notes', 'n', { by: 'mo', at: 1, text: 'hi' }, 'mo')).toEqual({ ok: true });
  });
  it('refuses another name, a key that is not the id, unknown fields and oversized words', () => {
    expect(checkCaseAddition('decisions', 'k', decision, 'jo').ok).toBe(false);
    expect(checkCaseAddition('decisions', 'other', decision, 'mo').ok).toBe(false);
    expect(checkCaseAddition('decisions', 'k', { ...decision, body: 'x' }, 'mo').ok).toBe(false);
    expect(checkCaseAddition('decisions', 'k', { ...decision, note: 'x'.repeat(4001) }, 'mo').ok).toBe(false);
    expect(checkCaseAddition('notes', 'n', { by: 'mo', at: 1 }, 'mo').ok).toBe(false);
  });
});
