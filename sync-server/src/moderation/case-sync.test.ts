// CaseSync's announcements (a case file another relay process stored): each is merged at once, a
// burst of them for one file is merged a bounded number of times — a modified moderator client that
// changes a case as fast as the relay stores it cannot make every other process reload the file
// as often — and an announcement of a file not held here is looked for in the database.
import { describe, expect, it } from 'vitest';
import type { Repo } from '@automerge/automerge-repo';
import { createLogger } from '../log.js';
import type { CaseStore } from './case-store.js';
import type { SqlCaseStorage } from './case-storage.js';
import { CaseSync } from './case-sync.js';

function harness() {
  const counts = { keys: 0, unsettled: 0 };
  const repo = { handles: { held: { isReady: () => true, update: () => undefined } } } as unknown as Repo;
  // Every look finds new chunk keys, so each merge reads the stored file.
  const storage = { keys: async () => [`chunk-${counts.keys++}`], loadRange: async () => [] } as unknown as SqlCaseStorage;
  const store = { unsettled: async () => (counts.unsettled++, []) } as unknown as CaseStore;
  const sync = new CaseSync({ repo, store, storage, watching: () => false, adopt: async () => undefined, log: createLogger('silent') });
  return { sync, counts };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('case-file announcements', () => {
  it('merge an announced file at once, and a flood of announcements at most every 100 ms', async () => {
    const { sync, counts } = harness();
    sync.nudge('held');
    await sleep(20);
    expect(counts.keys).toBe(1);
    // 300 announcements over about 300 ms.
    for (let i = 0; i < 300; i++) {
      sync.nudge('held');
      if (i % 10 === 9) await sleep(10);
    }
    await sleep(150);
    expect(counts.keys).toBeGreaterThanOrEqual(2); // the changes of the flood were merged
    expect(counts.keys).toBeLessThanOrEqual(6);
  });

  it('look for a file not held here in the database (a case just opened on another process)', async () => {
    const { sync, counts } = harness();
    sync.nudge('opened-elsewhere');
    await sleep(20);
    expect(counts.unsettled).toBe(1);
    expect(counts.keys).toBe(1); // the full look also merged the file held here
  });
});
