// @vitest-environment jsdom
// The unread total reaches the dock / taskbar badge through the bridge (a fake host here: no
// Electron in tests) and the window title; a new direct message raises a notification that opens
// the message, unless the conversation is muted or it is quiet hours (settings in the outbox).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { addConversation, addNotice, initConversation, publishEntry, setConversationMuted, setQuietHours, type MessageEntry } from '@hearth/core';
import { ServicesContext } from './services-context.js';
import { setBridgeForTests } from '../platform/bridge.js';
import { fakeHost } from '../screens/test-bridge.js';
import { testServices } from '../screens/test-services.js';
import { useConversations } from './use-conversations.js';
import { useNotifications } from './use-notifications.js';
import { useSpaceViews } from './use-spaces.js';
import { useComputeUnread } from './use-unread.js';
import type { Services } from '../data/services.js';

afterEach(() => {
  cleanup();
  setBridgeForTests(null);
});

function Probe() {
  const spaces = useSpaceViews([]);
  const conversations = useConversations();
  const unread = useComputeUnread(spaces, conversations);
  useNotifications(unread.total, spaces);
  return <p data-testid="total">{unread.total}</p>;
}

const C = '01JD0000000000000000000C01';
function message(s: Services, id: string, body: string) {
  const at = Date.now();
  const entry: MessageEntry = { id, type: 'message', conversation: C, to: null, body, createdAt: at, editedAt: null, retracted: false };
  publishEntry(s.hub.open(`dm/${C}`).doc, { author: 'ben', entry, version: 1, publishedAt: at });
  addNotice(s.hub.open('inbox/anna').doc, { id: `${id}:message`, kind: 'message', createdAt: at, message: 'Ben Okafor sent you a message.', entryId: id, space: null, about: 'ben', findings: [], conversation: C });
}

describe('badge, title and notifications', () => {
  it('a direct message raises the badge and the title, and a notification that opens it', async () => {
    const host = fakeHost();
    setBridgeForTests(host.bridge);
    const s = testServices('anna');
    const participants = ['anna', 'ben'];
    initConversation(s.hub.open(`dm/${C}`).doc, { id: C, participants, createdAt: Date.now() });
    addConversation(s.hub.open('inbox/anna').doc, { id: C, participants, createdAt: Date.now() });
    const view = render(
      <ServicesContext value={s}>
        <Probe />
      </ServicesContext>,
    );
    await act(() => new Promise((r) => setTimeout(r, 20)));
    act(() => message(s, '01JD0000000000000000000M01', 'Lunch?'));
    await waitFor(() => expect(view.getByTestId('total').textContent).toBe('1'));
    await waitFor(() => expect(host.bridge.setBadge).toHaveBeenLastCalledWith(1));
    expect(document.title).toBe('(1) Hearth');
    await waitFor(() => expect(host.bridge.notify).toHaveBeenCalledWith({ title: 'Hearth', body: 'Ben Okafor sent you a message.', route: `#/dm/${C}?item=01JD0000000000000000000M01` }));

    // Muted: the count stays out of the badge and no notification is raised.
    await act(() => s.outbox.commit((doc) => setConversationMuted(doc, C, true)));
    await waitFor(() => expect(host.bridge.setBadge).toHaveBeenLastCalledWith(0));
    act(() => message(s, '01JD0000000000000000000M02', 'Still there?'));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(host.bridge.notify).toHaveBeenCalledTimes(1);

    // Unmuted, but in quiet hours (from an hour ago to an hour from now): still silent.
    const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    const quiet = { start: hhmm(new Date(Date.now() - 3_600_000)), end: hhmm(new Date(Date.now() + 3_600_000)) };
    await act(() => s.outbox.commit((doc) => {
      setConversationMuted(doc, C, false);
      setQuietHours(doc, quiet);
    }));
    act(() => message(s, '01JD0000000000000000000M03', 'Tomorrow then.'));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(host.bridge.notify).toHaveBeenCalledTimes(1);
    s.destroy();
  });
});
