// Which items the person has read, kept locally (never synced). Loaded once per session into
// memory; marking is written through.
import { useCallback, useEffect, useState } from 'react';
import { useServices } from './services-context.js';

export function useReadState(): { isRead: (id: string) => boolean; markRead: (ids: string[]) => void } {
  const { db } = useServices();
  const [read, setRead] = useState<Set<string>>(new Set());
  useEffect(() => {
    let live = true;
    db.reads.toCollection().primaryKeys().then((keys) => live && setRead(new Set(keys)), () => undefined);
    return () => {
      live = false;
    };
  }, [db]);
  const isRead = useCallback((id: string) => read.has(id), [read]);
  const markRead = useCallback(
    (ids: string[]) => {
      const fresh = ids.filter((id) => !read.has(id));
      if (fresh.length === 0) return;
      setRead((prev) => new Set([...prev, ...fresh]));
      db.reads.bulkPut(fresh.map((id) => ({ id, at: Date.now() }))).catch(() => undefined);
    },
    [db, read],
  );
  return { isRead, markRead };
}
