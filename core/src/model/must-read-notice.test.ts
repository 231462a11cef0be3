// The notice asking a reader to read a must-read announcement: one per announcement and person.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mustReadNotice, mustReadNoticeId } from './relay-engagement.js';
import { addNotice, removeNotice } from './relay-inbox-writes.js';
import { readInbox } from './document-views.js';

describe('mustReadNotice', () => {
  it('opens the announcement; an edit or a replay writes the same id and adds nothing; it can be taken away', () => {
    const inbox = new Y.Doc();
    addNotice(inbox, mustReadNotice({ space: 'news', post: 'p1', title: 'New expense tool', author: 'seema', at: 1000 }));
    addNotice(inbox, mustReadNotice({ space: 'news', post: 'p1', title: 'New expense tool (edited)', author: 'seema', at: 2000 }));
    const notices = readInbox(inbox).notices;
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ id: 'p1:must-read', kind: 'must-read-notice', entryId: 'p1', post: 'p1', space: 'news', about: 'seema', message: 'New expense tool', createdAt: 1000 });
    removeNotice(inbox, mustReadNoticeId('p1'));
    expect(readInbox(inbox).notices).toEqual([]);
  });
});
