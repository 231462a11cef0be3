// Tells the person about what needs them while the app is in the background: the badge shows the
// count of inbox notices that need attention, and a new reply, mention or held item raises an OS
// notification (Electron) or a web Notification — through the bridge, never directly.
import { useEffect, useRef } from 'react';
import type { Notice } from '@hearth/core';
import { getBridge } from '../platform/bridge.js';
import { useInbox } from './use-data.js';

const NOTIFY: ReadonlySet<Notice['kind']> = new Set(['reply', 'mention', 'held', 'rejected']);

export function useNotifications(attention: number): void {
  const inbox = useInbox();
  const seen = useRef<Set<string> | null>(null);

  useEffect(() => {
    void getBridge().setBadge(attention);
  }, [attention]);

  useEffect(() => {
    // The first inbox read (from local data) is history, not news.
    if (seen.current === null) {
      if (inbox.notices.length === 0) return;
      seen.current = new Set(inbox.notices.map((n) => n.id));
      return;
    }
    const known = seen.current;
    const fresh = inbox.notices.filter((n) => !known.has(n.id));
    for (const n of fresh) known.add(n.id);
    if (typeof document !== 'undefined' && document.visibilityState === 'visible') return;
    for (const n of fresh) if (NOTIFY.has(n.kind)) void getBridge().notify({ title: 'Hearth', body: n.message, route: '#/inbox' });
  }, [inbox]);
}
