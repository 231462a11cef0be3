// The app-wide connection state, the storage state and the count of outbox changes the relay has
// not yet stored: what the status bar shows at all times.
import { useSyncExternalStore } from 'react';
import { aggregateConnection, type AppConnection } from '../sync/connection-state.js';
import { storageStatus, type StorageStatus } from '../storage/storage-status.js';
import { useServices } from './services-context.js';
import { useObservable } from './use-observable.js';

function subscribeOnline(listener: () => void) {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

export function useConnection(): AppConnection {
  const { hub } = useServices();
  useObservable(hub.statusTick);
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
  return aggregateConnection(online, hub.list().map((r) => r.status.get().connection));
}

export function useUnsynced(): number {
  return useObservable(useServices().outbox.unsynced);
}

export function useStorageStatus(): StorageStatus {
  return useObservable(storageStatus);
}
