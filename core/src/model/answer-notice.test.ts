// The notice to a comment's author when their comment is accepted as a question's answer.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { answerAcceptedNotice } from './relay-engagement.js';
import { addNotice } from './relay-inbox-writes.js';
import { readInbox } from './document-views.js';

const accepted = { entry: 'acc1', space: 'help', post: 'q1', comment: 'c1', commentAuthor: 'bob', by: 'alice', byName: 'Alice', at: 1000 };

describe('answerAcceptedNotice', () => {
  it('tells the comment author who accepted it, and opens the comment in its question', () => {
    const inbox = new Y.Doc();
    const notice = answerAcceptedNotice(accepted);
    expect(notice).not.toBeNull();
    addNotice(inbox, notice!);
    addNotice(inbox, answerAcceptedNotice(accepted)!); // a replay adds nothing
    const notices = readInbox(inbox).notices;
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'answer-accepted', about: 'alice', entryId: 'c1', post: 'q1', space: 'help' });
  });

  it('tells nobody when the person accepts their own comment', () => {
    expect(answerAcceptedNotice({ ...accepted, commentAuthor: 'alice' })).toBeNull();
  });

  it('an acceptance moved to another comment tells that comment\'s author too', () => {
    expect(answerAcceptedNotice({ ...accepted, comment: 'c2', commentAuthor: 'carol' })!.id).not.toBe(answerAcceptedNotice(accepted)!.id);
  });
});
