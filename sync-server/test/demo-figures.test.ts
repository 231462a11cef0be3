// The demo company's figures: a month of activity and a course with progress, as comms and the
// course's facilitator see them through GET /api/figures on a fresh demo relay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figuresReportSchema, type FiguresReport } from '@hearth/core';
import { createLogger } from '../src/log.js';
import { startRelay, type RunningRelay } from '../src/server/relay.js';
import { removeTestData, tempDataDir, testStorageFor } from './helpers.js';

describe('demo figures', () => {
  let relay: RunningRelay;
  let dataDir: string;
  const report = async (who: string, query = ''): Promise<FiguresReport> => {
    const res = await fetch(`http://127.0.0.1:${relay.port}/api/figures${query}`, { headers: { authorization: `Bearer ${await relay.mintToken(who)}` } });
    expect(res.status).toBe(200);
    return figuresReportSchema.parse(await res.json());
  };

  beforeAll(async () => {
    dataDir = tempDataDir();
    relay = await startRelay({ port: 0, host: '127.0.0.1', logger: createLogger(), ...(await testStorageFor(dataDir)), demo: true });
  });
  afterAll(async () => {
    await relay.stop();
    await removeTestData(dataDir);
  });

  it('comms sees a month of daily activity, most days above the five-person rule', async () => {
    const r = await report('seema', '?days=30');
    const shown = r.days.filter((d) => d.activePeople !== null && d.activePeople >= 5);
    expect(shown.length).toBeGreaterThanOrEqual(25);
    expect(r.weeks.every((w) => w.activePeople === null || w.activePeople >= 5)).toBe(true);
    expect(r.spaces.find((s) => s.space === 'general')!.reactions).toBeGreaterThan(0);
  });

  it('the course facilitator sees how far the group is', async () => {
    const r = await report('tom');
    expect(r.courses).toHaveLength(1);
    expect(r.courses[0]).toMatchObject({ space: 'research-methods', learners: 10, averageProgress: 0.7 });
    expect(r.courses[0]!.modules.map((m) => m.done)).toEqual([9, 5]);
  });
});
