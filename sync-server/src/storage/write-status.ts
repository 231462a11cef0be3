// Classifies a storage write error. Why a module of its own: the room (what to tell the client), the
// storage (healthz) and the metrics all need the same answer to "is the disk full?".
import type { WriteStatus } from './storage.js';

/**
 * 'full' when the engine is out of space — SQLITE_FULL (disk full, quota, max_page_count) or
 * PostgreSQL's disk_full (SQLSTATE 53100) — and 'failing' for any other error.
 */
export function writeStatusOf(err: unknown): Exclude<WriteStatus, 'ok'> {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  return code === 'SQLITE_FULL' || code === '53100' ? 'full' : 'failing';
}
