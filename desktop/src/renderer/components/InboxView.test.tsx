// @vitest-environment jsdom
// The inbox sorts notices by what they ask of the person now (the entry's current state), offers
// "Edit and resubmit" only where an edit can help, names spaces from the catalogue and lets every
// notice be dismissed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { EntryStatus, InboxView as Inbox, Notice } from '@hearth/core';
import { InboxView, type InboxViewProps } from './InboxView.js';
import type { EntryLookup } from './inbox-attention.js';
import { nameOf } from './test-fixtures.js';

afterEach(cleanup);

const notice = (o: Partial<Notice> & Pick<Notice, 'id' | 'kind'>): Notice => ({ createdAt: 1000, message: '', entryId: null, space: 'general', about: null, findings: [], ...o });
const status = (entryId: string, state: EntryStatus['state'], updatedAt: number): EntryStatus => ({ entryId, state, version: 1, findings: [], updatedAt });
const heldFinding = { rule: 'confidential', severity: 'hold' as const, message: 'A confidential term', guidance: 'Leave it out.', field: 'body' as const, start: 0, end: 4 };
const ownPosts: EntryLookup = () => ({ editable: true, retracted: false });

function show(inbox: Inbox, props: Partial<InboxViewProps> = {}) {
  const onEditAndResubmit = vi.fn();
  render(<InboxView inbox={inbox} nameOf={nameOf} spaceNameOf={(id) => ({ general: 'General', news: 'Company News' })[id] ?? id} entryOf={ownPosts} onEditAndResubmit={onEditAndResubmit} onOpen={() => {}} {...props} />);
  return { onEditAndResubmit };
}
const group = (name: RegExp) => screen.queryByRole('region', { name });
const attention = () => group(/Needs your attention/);

describe('InboxView: what needs attention', () => {
  it('a hold a moderator approved since is settled, not waiting for the person', () => {
    show({
      memberships: [], joinRequests: {},
      statuses: { e1: status('e1', 'published', 3000) },
      notices: [
        notice({ id: 'case:1:d1:published-after-review', kind: 'published-after-review', createdAt: 3000, entryId: 'e1', message: 'Your post was published after review.' }),
        notice({ id: 'e1:1:held', kind: 'held', createdAt: 1000, entryId: 'e1', findings: [heldFinding], message: 'Your post was held for review.' }),
      ],
    });
    expect(attention()).toBeNull();
    const other = group(/Other updates/) as HTMLElement;
    const held = within(other).getByRole('article', { name: 'Your item is held for review' });
    expect(within(held).getByText('Settled: it has been published since.')).toBeTruthy();
    expect(within(held).queryByRole('button', { name: 'Edit and resubmit' })).toBeNull();
  });

  it('a hold that still stands needs the person, and can be edited and sent again', () => {
    const { onEditAndResubmit } = show({
      memberships: [], joinRequests: {},
      statuses: { e1: status('e1', 'held', 1000) },
      notices: [notice({ id: 'e1:1:held', kind: 'held', entryId: 'e1', findings: [heldFinding] })],
    });
    fireEvent.click(within(attention() as HTMLElement).getByRole('button', { name: 'Edit and resubmit' }));
    expect(onEditAndResubmit).toHaveBeenCalledWith('e1');
  });

  it('an older hold of an entry that was held again is settled; the newer one stands', () => {
    show({
      memberships: [], joinRequests: {},
      statuses: { e1: status('e1', 'held', 2000) },
      notices: [
        notice({ id: 'e1:2:held', kind: 'held', createdAt: 2000, entryId: 'e1', findings: [heldFinding] }),
        notice({ id: 'e1:1:held', kind: 'held', createdAt: 1000, entryId: 'e1', findings: [heldFinding] }),
      ],
    });
    expect(within(attention() as HTMLElement).getAllByRole('article')).toHaveLength(1);
    expect(within(group(/Other updates/) as HTMLElement).getByText('Settled: a newer notice says where it stands.')).toBeTruthy();
  });

  it('a withdrawn entry needs nothing', () => {
    show(
      { memberships: [], joinRequests: {}, statuses: { e1: status('e1', 'held', 1000) }, notices: [notice({ id: 'e1:1:held', kind: 'held', entryId: 'e1', findings: [heldFinding] })] },
      { entryOf: () => ({ editable: true, retracted: true }) },
    );
    expect(attention()).toBeNull();
    expect(screen.getByText('Settled: you withdrew it.')).toBeTruthy();
  });

  it('a refusal no edit can fix is shown without "Edit and resubmit"; one in the text offers it', () => {
    show({
      memberships: [], joinRequests: {},
      statuses: { e1: status('e1', 'rejected', 1000), e2: status('e2', 'rejected', 1000) },
      notices: [
        notice({ id: 'e1:1:rejected', kind: 'rejected', entryId: 'e1', space: 'news', findings: [{ rule: 'validation.news-comms-only', severity: 'reject', message: 'Only the communications team posts in Company News.', guidance: '', field: 'entry' }] }),
        notice({ id: 'e2:1:rejected', kind: 'rejected', entryId: 'e2', findings: [{ rule: 'validation.body-too-long', severity: 'reject', message: 'The text is too long.', guidance: 'Change it and send it again.', field: 'body' }] }),
      ],
    });
    const [news, long] = within(attention() as HTMLElement).getAllByRole('article');
    expect(within(news as HTMLElement).queryByRole('button', { name: 'Edit and resubmit' })).toBeNull();
    expect(within(long as HTMLElement).getByRole('button', { name: 'Edit and resubmit' })).toBeTruthy();
  });

  it('no "Edit and resubmit" for an entry the app cannot open in a composer (a join request, a reaction)', () => {
    show(
      { memberships: [], joinRequests: {}, statuses: { j1: status('j1', 'rejected', 1000) }, notices: [notice({ id: 'j1:1:rejected', kind: 'rejected', entryId: 'j1', findings: [{ rule: 'validation.x', severity: 'reject', message: 'No.', guidance: '', field: 'body' }] })] },
      { entryOf: () => ({ editable: false, retracted: false }) },
    );
    expect(screen.queryByRole('button', { name: 'Edit and resubmit' })).toBeNull();
  });
});

describe('InboxView: names and dismissal', () => {
  it('names the space from the catalogue, not its id', () => {
    show({ memberships: [], joinRequests: {}, statuses: {}, notices: [notice({ id: 'c1:reply', kind: 'reply', entryId: 'c1', about: 'ben.ode', message: 'Ben Ode replied to you in general.' })] });
    expect(screen.getByRole('article', { name: 'Ben Ode replied to you in General' })).toBeTruthy();
    expect(screen.queryByText(/in general/)).toBeNull();
  });

  it('dismisses a notice, and does not show dismissed ones', () => {
    const onDismiss = vi.fn();
    const inbox: Inbox = { memberships: [], joinRequests: {}, statuses: {}, notices: [notice({ id: 'w1', kind: 'warning', message: 'Please keep it kind.' }), notice({ id: 'w2', kind: 'warning', message: 'Mind the policy.' })] };
    show(inbox, { onDismiss });
    const first = screen.getByText('Please keep it kind.').closest('article') as HTMLElement;
    const button = within(first).getByRole('button', { name: 'Dismiss' });
    expect(button.getAttribute('aria-describedby')).toBeTruthy();
    fireEvent.click(button);
    expect(onDismiss).toHaveBeenCalledWith('w1');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Inbox' }));
    cleanup();
    show(inbox, { onDismiss, isDismissed: (id) => id === 'w1' });
    expect(screen.queryByText('Please keep it kind.')).toBeNull();
    expect(screen.getByText('Mind the policy.')).toBeTruthy();
  });
});

describe('InboxView: reactions and messages', () => {
  it('a batch of reactions and a direct message read as one line each under replies and mentions, named from the directory', () => {
    show({
      memberships: [], joinRequests: {}, statuses: {},
      notices: [
        notice({ id: 'p1:reactions:1', kind: 'reaction', entryId: 'p1', about: 'maria', people: ['maria', 'tom', 'ana'], message: 'Maria and 2 others reacted to your item.' }),
        notice({ id: 'm1:message', kind: 'message', entryId: 'm1', space: null, about: 'maria', conversation: 'c1', message: 'Maria sent you a message.' }),
      ],
    });
    const social = group(/Replies and mentions/) as HTMLElement;
    expect(within(social).getByRole('article', { name: `${nameOf('maria')} and 2 others reacted to your item in General` })).toBeTruthy();
    expect(within(social).getByRole('article', { name: `${nameOf('maria')} sent you a message` })).toBeTruthy();
  });

  it('an accepted answer reads as one line under replies and mentions, and Open goes to the comment', () => {
    const onOpen = vi.fn();
    const accepted = notice({ id: 'a1:answer-accepted:c1', kind: 'answer-accepted', entryId: 'c1', post: 'q1', about: 'maria', message: 'Maria accepted your comment as the answer.' });
    show({ memberships: [], joinRequests: {}, statuses: {}, notices: [accepted] }, { onOpen });
    const social = group(/Replies and mentions/) as HTMLElement;
    const article = within(social).getByRole('article', { name: `${nameOf('maria')} accepted your comment as the answer in General` });
    expect(within(article).queryByText('Maria accepted your comment as the answer.')).toBeNull();
    fireEvent.click(within(article).getByRole('button', { name: /Open/ }));
    expect(onOpen).toHaveBeenCalledWith(accepted);
  });
});

describe('InboxView: must-read announcements', () => {
  it('a request to read an announcement waits under "Needs your attention", names the title, and Open goes to the post', () => {
    const onOpen = vi.fn();
    const asked = notice({ id: 'p9:must-read', kind: 'must-read-notice', entryId: 'p9', post: 'p9', space: 'news', about: 'maria', message: 'New expense tool' });
    show({ memberships: [], joinRequests: {}, statuses: {}, notices: [asked] }, { onOpen });
    const article = within(attention() as HTMLElement).getByRole('article', { name: `${nameOf('maria')} asks you to read an announcement in Company News` });
    expect(within(article).getByText('New expense tool')).toBeTruthy();
    fireEvent.click(within(article).getByRole('button', { name: /Open/ }));
    expect(onOpen).toHaveBeenCalledWith(asked);
  });
});
