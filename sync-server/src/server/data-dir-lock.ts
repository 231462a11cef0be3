// One writer per data directory. Why a lock file with the owner's pid: two relays (or a relay and the
// CLI running an admin operation in-process) on one database would each hold rooms in memory and
// overwrite each other's view of them. `relay.lock` is created exclusively; a lock whose process is
// gone (the relay was killed) is taken over. `relay.json` tells the CLI where the running relay
// listens, so it can go through the relay instead of opening the database.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'relay.lock';
export const INFO_FILE = 'relay.json';

export interface RelayInfo {
  pid: number;
  host: string;
  port: number;
  url: string;
  startedAt: string;
}

export class DataDirLocked extends Error {
  override name = 'DataDirLocked';
}

export interface DataDirLock {
  writeInfo(info: Omit<RelayInfo, 'pid' | 'startedAt'>): void;
  release(): void;
}

export function lockDataDir(dataDir: string, holder: string): DataDirLock {
  const lockFile = join(dataDir, LOCK_FILE);
  const infoFile = join(dataDir, INFO_FILE);
  // A first start names a directory that does not exist yet.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, JSON.stringify({ pid: process.pid, holder }), { flag: 'wx', mode: 0o600 });
      let released = false;
      return {
        writeInfo(info) {
          const full: RelayInfo = { pid: process.pid, startedAt: new Date().toISOString(), ...info };
          writeFileSync(infoFile, `${JSON.stringify(full, null, 2)}\n`, { mode: 0o600 });
        },
        release() {
          if (released) return;
          released = true;
          rmSync(infoFile, { force: true });
          rmSync(lockFile, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readOwner(lockFile);
      if (owner !== null && isAlive(owner.pid)) {
        throw new DataDirLocked(`the data directory ${dataDir} is in use by ${owner.holder} (pid ${owner.pid})`);
      }
      // Stale: its process is gone. Remove and try once more (another taker may win the race).
      rmSync(lockFile, { force: true });
      rmSync(infoFile, { force: true });
    }
  }
  throw new DataDirLocked(`could not lock the data directory ${dataDir}`);
}

/** The running relay on this data directory, if any (its lock is held by a live process). */
export function runningRelay(dataDir: string): RelayInfo | null {
  const owner = readOwner(join(dataDir, LOCK_FILE));
  if (owner === null || !isAlive(owner.pid)) return null;
  try {
    const info = JSON.parse(readFileSync(join(dataDir, INFO_FILE), 'utf8')) as RelayInfo;
    return info.pid === owner.pid ? info : null;
  } catch {
    return null;
  }
}

function readOwner(file: string): { pid: number; holder: string } | null {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown; holder?: unknown };
    return typeof v.pid === 'number' ? { pid: v.pid, holder: typeof v.holder === 'string' ? v.holder : 'another process' } : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
