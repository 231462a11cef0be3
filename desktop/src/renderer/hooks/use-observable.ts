import { useSyncExternalStore } from 'react';
import type { Observable } from '../data/observable.js';

export function useObservable<T>(o: Observable<T>): T {
  return useSyncExternalStore(o.subscribe, o.get, o.get);
}
