// A minimal external store for useSyncExternalStore: a value, a setter and subscribers. Why not a
// state library: every piece of shared state in the renderer is one of these, small and local to
// the module that owns it (storage status, connection state, session), not a global store.
export interface Observable<T> {
  get(): T;
  set(next: T): void;
  update(fn: (previous: T) => T): void;
  subscribe(listener: () => void): () => void;
}

export function observable<T>(initial: T): Observable<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  const set = (next: T) => {
    if (Object.is(next, value)) return;
    value = next;
    for (const l of [...listeners]) l();
  };
  return {
    get: () => value,
    set,
    update: (fn) => set(fn(value)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
