// @vitest-environment jsdom
// Dismissing a notice is the person's own state: it stays dismissed after the app restarts, and it
// is kept in this device's database — the inbox document (the relay's to write) is not touched.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import * as Y from 'yjs';
import { addNotice, putSpaceInCatalogue } from '@hearth/core';
import { ServicesContext } from '../hooks/services-context.js';
import type { Services } from '../data/services.js';
import { HearthDb } from '../storage/db.js';
import { InboxScreen } from './InboxScreen.js';
import { testServices } from './test-services.js';

afterEach(cleanup);

const ui = (s: Services) => (
  <ServicesContext value={s}>
    <InboxScreen />
  </ServicesContext>
);

describe('InboxScreen: dismissing', () => {
  it('keeps a dismissal on the device across a restart and never writes it into the inbox', async () => {
    const s = testServices('anna');
    putSpaceInCatalogue(s.hub.open('spaces').doc, { id: 'general', name: 'General', description: '', kind: 'discussion', visibility: 'public', facilitators: [], retentionDays: null, createdAt: 0 });
    const inbox = s.hub.open('inbox/anna').doc;
    addNotice(inbox, { id: 'case:1:d1:warning', kind: 'warning', createdAt: 1, message: 'Please keep it kind.', entryId: null, space: 'general', about: null, findings: [] });
    const before = Y.encodeStateVector(inbox);

    const first = render(ui(s));
    fireEvent.click(await first.findByRole('button', { name: 'Dismiss' }));
    expect(first.queryByText('Please keep it kind.')).toBeNull();
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(await s.db.dismissals.get('case:1:d1:warning')).toBeTruthy();
    expect(Y.encodeStateVector(inbox)).toEqual(before);
    first.unmount();

    // A new session on the same IndexedDB database (a restart): still dismissed.
    const again = { ...testServices('anna'), db: new HearthDb(s.db.name) };
    putSpaceInCatalogue(again.hub.open('spaces').doc, { id: 'general', name: 'General', description: '', kind: 'discussion', visibility: 'public', facilitators: [], retentionDays: null, createdAt: 0 });
    addNotice(again.hub.open('inbox/anna').doc, { id: 'case:1:d1:warning', kind: 'warning', createdAt: 1, message: 'Please keep it kind.', entryId: null, space: 'general', about: null, findings: [] });
    render(ui(again));
    await screen.findByRole('heading', { level: 1, name: 'Inbox' });
    await waitFor(() => expect(screen.queryByText('Please keep it kind.')).toBeNull());
    s.destroy();
    again.destroy();
  });
});
