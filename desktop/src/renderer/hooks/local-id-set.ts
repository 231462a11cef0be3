// A set of ids kept in one of the person's local Dexie tables (never synced): read marks, dismissed
// notices. One shared observable per database and table, loaded once per session, so every screen
// and the navigation's counts agree; writes go to IndexedDB in the background.
import { useCallback } from 'react';
import { observable, type Observable } from '../data/observable.js';
import type { HearthDb, LocalMark } from '../storage/db.js';
import { useServices } from './services-context.js';
import { useObservable } from './use-observable.js';

export type LocalSetTable = 'reads' | 'dismissals';

const stores = new WeakMap<HearthDb, Map<LocalSetTable, Observable<ReadonlySet<string>>>>();

function storeFor(db: HearthDb, table: LocalSetTable): Observable<ReadonlySet<string>> {
  let byTable = stores.get(db);
  if (!byTable) stores.set(db, (byTable = new Map()));
  let store = byTable.get(table);
  if (!store) {
    const created = observable<ReadonlySet<string>>(new Set());
    db.table<LocalMark, string>(table)
      .toCollection()
      .primaryKeys()
      .then((keys) => created.update((current) => new Set([...keys, ...current])))
      .catch(() => undefined);
    byTable.set(table, created);
    store = created;
  }
  return store;
}

export function useLocalIdSet(table: LocalSetTable): { has: (id: string) => boolean; add: (ids: string[]) => void; remove: (ids: string[]) => void } {
  const { db } = useServices();
  const store = storeFor(db, table);
  const ids = useObservable(store);
  const has = useCallback((id: string) => ids.has(id), [ids]);
  const add = useCallback(
    (more: string[]) => {
      const current = store.get();
      const fresh = more.filter((id) => !current.has(id));
      if (fresh.length === 0) return;
      store.set(new Set([...current, ...fresh]));
      db.table<LocalMark, string>(table).bulkPut(fresh.map((id) => ({ id, at: Date.now() }))).catch(() => undefined);
    },
    [db, store, table],
  );
  const remove = useCallback(
    (gone: string[]) => {
      const current = store.get();
      if (!gone.some((id) => current.has(id))) return;
      store.set(new Set([...current].filter((id) => !gone.includes(id))));
      db.table<LocalMark, string>(table).bulkDelete(gone).catch(() => undefined);
    },
    [db, store, table],
  );
  return { has, add, remove };
}
