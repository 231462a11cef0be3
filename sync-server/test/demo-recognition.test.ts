// The demo company shows recognition: kudos between its people, badges the relay's own rules gave
// for the seeded content, General's leaderboard, and recognition off in Germany.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecognition, spaceLeaderboard } from '@hearth/core';
import { createLogger } from '../src/log.js';
import { startRelay, type RunningRelay } from '../src/server/relay.js';
import { clientPool, removeTestData, tempDataDir, testStorageFor } from './helpers.js';

describe('demo recognition', () => {
  const dataDir = tempDataDir();
  let relay: RunningRelay;
  const clients = clientPool(() => relay);
  beforeAll(async () => {
    relay = await startRelay({ port: 0, host: '127.0.0.1', logger: createLogger(), ...(await testStorageFor(dataDir)), demo: true });
  });
  afterAll(async () => {
    clients.destroyAll();
    await relay.stop();
    await removeTestData(dataDir);
  });

  it('has kudos, badges from the rules, a leaderboard, and Germany switched off', async () => {
    const view = readRecognition((await clients.open('rajesh', 'recognition')).doc);
    expect(view.kudos.filter((k) => k.to === 'binu').length).toBeGreaterThanOrEqual(10);
    const badges = (p: string) => view.badges.filter((b) => b.person === p).map((b) => b.badge);
    expect(badges('binu')).toEqual(expect.arrayContaining(['ten-kudos', 'first-post', 'policy-acknowledged']));
    expect(badges('emre')).toEqual([]); // a post in General, but recognition is off in Germany
    expect(view.settings.offCountries).toEqual(['DE']);
    expect(spaceLeaderboard(view, 'general')[0]).toMatchObject({ person: 'binu' });
  });
});
