// Which items (posts, notices) the person has read, kept locally (never synced). One shared set
// per database, loaded once per session, so the navigation's counts and the screens agree.
import { useCallback } from 'react';
import { observable, type Observable } from '../data/observable.js';
import type { HearthDb } from '../storage/db.js';
import { useServices } from './services-context.js';
import { useObservable } from './use-observable.js';

const stores = new WeakMap<HearthDb, Observable<ReadonlySet<string>>>();

function storeFor(db: HearthDb): Observable<ReadonlySet<string>> {
  let store = stores.get(db);
  if (!store) {
    const created = observable<ReadonlySet<string>>(new Set());
    db.reads
      .toCollection()
      .primaryKeys()
      .then((keys) => created.update((current) => new Set([...keys, ...current])))
      .catch(() => undefined);
    stores.set(db, created);
    store = created;
  }
  return store;
}

export function useReadState(): { isRead: (id: string) => boolean; markRead: (ids: string[]) => void } {
  const { db } = useServices();
  const store = storeFor(db);
  const read = useObservable(store);
  const isRead = useCallback((id: string) => read.has(id), [read]);
  const markRead = useCallback(
    (ids: string[]) => {
      const current = store.get();
      const fresh = ids.filter((id) => !current.has(id));
      if (fresh.length === 0) return;
      store.set(new Set([...current, ...fresh]));
      db.reads.bulkPut(fresh.map((id) => ({ id, at: Date.now() }))).catch(() => undefined);
    },
    [db, store],
  );
  return { isRead, markRead };
}
