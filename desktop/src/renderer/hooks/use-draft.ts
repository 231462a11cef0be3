// A composer's draft, kept in IndexedDB keyed by its context, so what the person typed survives a
// crash, a reload or a restart. Writes are debounced; the last one is flushed on unmount.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useServices } from './services-context.js';

export interface DraftText {
  title: string;
  body: string;
}

const EMPTY: DraftText = { title: '', body: '' };

export function useDraft(key: string): { draft: DraftText; setDraft: (next: DraftText) => void; clear: () => Promise<void>; loaded: boolean } {
  const { db } = useServices();
  const [draft, setState] = useState<DraftText>(EMPTY);
  const [loaded, setLoaded] = useState(false);
  const pending = useRef<DraftText | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    let live = true;
    setLoaded(false);
    setState(EMPTY);
    db.drafts.get(key).then(
      (row) => {
        if (!live) return;
        if (row) setState({ title: row.title, body: row.body });
        setLoaded(true);
      },
      () => live && setLoaded(true),
    );
    return () => {
      live = false;
    };
  }, [db, key]);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const next = pending.current;
    pending.current = null;
    if (!next) return;
    const write: Promise<unknown> = next.title || next.body ? db.drafts.put({ key, ...next, updatedAt: Date.now() }) : db.drafts.delete(key);
    write.catch(() => undefined);
  }, [db, key]);

  useEffect(() => flush, [flush]);

  const setDraft = useCallback(
    (next: DraftText) => {
      setState(next);
      pending.current = next;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, 250);
    },
    [flush],
  );

  const clear = useCallback(async () => {
    pending.current = null;
    if (timer.current) clearTimeout(timer.current);
    setState(EMPTY);
    await db.drafts.delete(key).catch(() => undefined);
  }, [db, key]);

  return { draft, setDraft, clear, loaded };
}
