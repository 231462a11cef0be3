// Small durable settings of the relay's logic (the policy term key, the current policy source
// version). Kept in the relay's database so a backup of the data directory carries them.
import type Database from 'better-sqlite3';

export class RelaySettings {
  private readonly getStmt;
  private readonly setStmt;

  constructor(db: Database.Database) {
    db.exec('CREATE TABLE IF NOT EXISTS relay_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    this.getStmt = db.prepare<[string], { value: string }>('SELECT value FROM relay_settings WHERE key = ?');
    this.setStmt = db.prepare('INSERT INTO relay_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  }

  get(key: string): string | null {
    return this.getStmt.get(key)?.value ?? null;
  }

  set(key: string, value: string): void {
    this.setStmt.run(key, value);
  }
}
