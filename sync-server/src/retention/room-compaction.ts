// Compaction of a room's stored update log after a retention sweep, for relay logic that holds
// only the database handle. Why a second connection: the relay's logic gets the DocHost and the
// SQLite handle, not the RoomLog, and compaction belongs to the storage module; a short-lived
// storage handle on the same file runs the storage's own compaction (one transaction; WAL keeps
// the relay's connection unaffected). Appends are never lost: compaction merges whatever the log
// holds at that instant, and later appends follow it.
import type Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { openSqliteStorage } from '../storage/sqlite-storage.js';

export function roomCompactor(db: Database.Database): ((room: string) => Promise<void>) | undefined {
  if (db.memory) return undefined;
  const dataDir = dirname(db.name);
  return async (room) => {
    const storage = openSqliteStorage(dataDir);
    try {
      await storage.rooms.compact(room);
    } finally {
      storage.close();
    }
  };
}
