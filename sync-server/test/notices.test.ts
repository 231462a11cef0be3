// The relay's words to an author whose entry was refused or held: "change it and send it again"
// only when changing the text can help (core's editCanFix), never for a refusal about where the
// entry goes, its kind, or what it refers to.
import { describe, expect, it } from 'vitest';
import type { EntryProblem, OutboxEntry } from '@hearth/core';
import { authorNotice, findingsOfProblems } from '../src/publication/notices.js';

const base = { id: '01JD00000000000000000000AA', createdAt: 1, editedAt: null, retracted: false };
const post: OutboxEntry = { ...base, type: 'post', space: 'news', kind: 'discussion', title: 'Hello', body: 'Hi' };
const reaction: OutboxEntry = { ...base, type: 'reaction', space: 'general', target: '01JD00000000000000000000AB', emoji: '👍' };
const problem = (code: EntryProblem['code'], field?: string): EntryProblem => ({ code, message: `about ${code}`, ...(field ? { field } : {}) });

describe('notices to the author', () => {
  it('a post in a news space by an employee: refused, and no invitation to edit it', () => {
    const findings = findingsOfProblems([problem('news-comms-only', 'space')]);
    expect(findings[0]?.guidance).toBe('');
    const notice = authorNotice('rejected', post, 1, findings, 5);
    expect(notice.message).not.toMatch(/send it again/i);
    expect(notice.message).toMatch(/changing it would not change that/);
  });

  it('an over-long body: refused, with the invitation to shorten it', () => {
    const findings = findingsOfProblems([problem('body-too-long', 'body')]);
    expect(findings[0]?.guidance).toBe('Change it and send it again.');
    expect(authorNotice('rejected', post, 1, findings, 5).message).toMatch(/Change it and send it again/);
  });

  it('one unfixable problem among fixable ones: no invitation', () => {
    const findings = findingsOfProblems([problem('body-too-long', 'body'), problem('announcement-not-allowed', 'kind')]);
    expect(authorNotice('rejected', post, 1, findings, 5).message).not.toMatch(/send it again/i);
  });

  it('a reaction is never edited in the app, so it is never invited to be', () => {
    const findings = findingsOfProblems([problem('duplicate-reaction', 'emoji')]);
    expect(authorNotice('rejected', reaction, 1, findings, 5).message).not.toMatch(/send it again/i);
  });

  it('held by the posting rate (a finding on the entry): a moderator looks, editing does not help', () => {
    const held = authorNotice('held', post, 1, [{ rule: 'posting-rate', severity: 'hold', message: 'Too many posts', guidance: '', field: 'entry' }], 5);
    expect(held.message).not.toMatch(/edit it/);
    const language = authorNotice('held', post, 1, [{ rule: 'respect', severity: 'hold', message: 'Unkind', guidance: '', field: 'body', start: 0, end: 2 }], 5);
    expect(language.message).toMatch(/You can edit it and send it again/);
  });
});
