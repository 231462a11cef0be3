// What the person must know about local storage: whether changes are being kept on this device,
// and if not, why and what to do. A write that fails is kept in memory and retried (see
// room-persistence.ts); this module only holds the state the banner shows.
import { observable } from '../data/observable.js';

export type StorageProblem =
  /** The disk (or the browser's quota for this site) is full. */
  | 'quota'
  /** Another window holds an older version of the database open. */
  | 'blocked'
  /** IndexedDB cannot be opened at all (private mode, disabled by policy, corrupt profile). */
  | 'unavailable'
  /** Any other write error. */
  | 'write-failed';

export interface StorageStatus {
  problem: StorageProblem | null;
  /** Updates kept in memory because they could not be written yet. */
  unsaved: number;
  detail: string;
}

export const storageStatus = observable<StorageStatus>({ problem: null, unsaved: 0, detail: '' });

export function classifyStorageError(error: unknown): StorageProblem {
  const name = errorName(error);
  if (name === 'QuotaExceededError') return 'quota';
  if (name === 'DatabaseClosedError' || name === 'OpenFailedError' || name === 'MissingAPIError' || name === 'InvalidStateError') {
    return 'unavailable';
  }
  return 'write-failed';
}

/** Dexie wraps DOM errors; the quota error may be the inner one. */
function errorName(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const e = error as { name?: unknown; inner?: unknown };
  if (e.name === 'QuotaExceededError') return e.name;
  if (e.inner && errorName(e.inner) === 'QuotaExceededError') return 'QuotaExceededError';
  return typeof e.name === 'string' ? e.name : '';
}

const unsavedByRoom = new Map<string, number>();

function totalUnsaved(): number {
  let n = 0;
  for (const v of unsavedByRoom.values()) n += v;
  return n;
}

/** A room could not store `unsaved` updates; they are kept in memory and retried. */
export function reportStorageProblem(room: string, problem: StorageProblem, unsaved: number, error?: unknown): void {
  unsavedByRoom.set(room, unsaved);
  const detail = error instanceof Error ? error.message : typeof error === 'object' && error && 'message' in error ? String((error as { message: unknown }).message) : '';
  storageStatus.set({ problem, unsaved: totalUnsaved(), detail });
}

/** A room's writes caught up (or were never behind). Clears the problem once every room has. */
export function reportStored(room: string): void {
  if (!unsavedByRoom.has(room)) return;
  unsavedByRoom.delete(room);
  const unsaved = totalUnsaved();
  const current = storageStatus.get();
  storageStatus.set(unsaved === 0 ? { problem: current.problem === 'blocked' || current.problem === 'unavailable' ? current.problem : null, unsaved: 0, detail: '' } : { ...current, unsaved });
}

/** The database as a whole could not be opened, or is blocked by another window. */
export function reportDatabaseProblem(problem: 'blocked' | 'unavailable' | null, error?: unknown): void {
  const current = storageStatus.get();
  const detail = error instanceof Error ? error.message : '';
  storageStatus.set({ ...current, problem, detail });
}
