import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { helpedForAMonth, HELPING_DAYS } from './badges.js';
import { bookmarksOf, hashtags, publishBestOf, readBestOf, readBookmarks } from './knowledge.js';
import { readOutbox } from './outbox-schema.js';
import { retractEntry } from './outbox-writes.js';
import { writeBookmark } from './engagement-writes.js';
import { publishEntry } from './relay-publish.js';
import {
  awardBadge,
  kudosFor,
  kudosInSpace,
  readRecognition,
  recognitionAmong,
  setKudosConsent,
  setLeaderboard,
  setRecognitionSettings,
  spaceLeaderboard,
} from './recognition-doc.js';
import { recognitionOn } from './recognition-settings.js';
import type { KudosEntry } from './engagement-types.js';

const kudos = (id: string, o: Partial<KudosEntry> = {}): KudosEntry => ({
  id, type: 'kudos', to: 'binu', message: 'Thanks!', space: 'general', createdAt: 10, editedAt: null, retracted: false, ...o,
});

describe('the recognition room', () => {
  it('publishes kudos idempotently per version, withdraws them, and refuses another author under the same id', () => {
    const doc = new Y.Doc();
    expect(publishEntry(doc, { author: 'rajesh', entry: kudos('k1'), version: 1, publishedAt: 5 })).toEqual({ ok: true, outcome: 'applied' });
    expect(publishEntry(doc, { author: 'rajesh', entry: kudos('k1'), version: 1 })).toEqual({ ok: true, outcome: 'unchanged' });
    expect(readRecognition(doc).kudos[0]).toMatchObject({ authorId: 'rajesh', to: 'binu', createdAt: 5 }); // never later than the relay's clock
    expect(publishEntry(doc, { author: 'seema', entry: kudos('k1', { retracted: true }), version: 2 })).toEqual({ ok: false, error: 'id-taken' });
    publishEntry(doc, { author: 'rajesh', entry: kudos('k1', { retracted: true }), version: 2 });
    expect(readRecognition(doc).kudos).toEqual([]);
  });

  it('shows kudos in a space only with the recipient’s consent; the latest consent wins in any order', () => {
    const doc = new Y.Doc();
    publishEntry(doc, { author: 'rajesh', entry: kudos('k1'), version: 1 });
    publishEntry(doc, { author: 'seema', entry: kudos('k2', { to: 'ana' }), version: 1 });
    expect(kudosInSpace(readRecognition(doc), 'general')).toEqual([]);
    setKudosConsent(doc, 'binu', { inSpaces: false, entry: '02' });
    setKudosConsent(doc, 'binu', { inSpaces: true, entry: '01' }); // older entry processed later: ignored
    expect(kudosInSpace(readRecognition(doc), 'general')).toEqual([]);
    setKudosConsent(doc, 'binu', { inSpaces: true, entry: '03' });
    expect(kudosInSpace(readRecognition(doc), 'general').map((k) => k.id)).toEqual(['k1']);
    expect(kudosFor(readRecognition(doc), 'ana').map((k) => k.id)).toEqual(['k2']);
  });

  it('a leaderboard is empty until a facilitator switches it on, and counts consenting recipients only', () => {
    const doc = new Y.Doc();
    publishEntry(doc, { author: 'rajesh', entry: kudos('k1'), version: 1 });
    publishEntry(doc, { author: 'seema', entry: kudos('k2'), version: 1 });
    publishEntry(doc, { author: 'seema', entry: kudos('k3', { to: 'ana' }), version: 1 });
    setKudosConsent(doc, 'binu', { inSpaces: true, entry: '01' });
    expect(spaceLeaderboard(readRecognition(doc), 'general')).toEqual([]);
    setLeaderboard(doc, 'general', { enabled: true, by: 'binu', entry: '01', at: 1 });
    expect(spaceLeaderboard(readRecognition(doc), 'general')).toEqual([{ person: 'binu', kudos: 2 }]);
  });

  it('switched off for a country, nothing about its people remains in the view; badges once per person and rule', () => {
    const doc = new Y.Doc();
    setRecognitionSettings(doc, { enabled: true, offCountries: ['de'] });
    const { settings } = readRecognition(doc);
    expect(settings.offCountries).toEqual(['DE']);
    expect(recognitionOn(settings, 'de')).toBe(false);
    expect(recognitionOn(settings, 'GB')).toBe(true);
    expect(recognitionOn({ enabled: false, offCountries: [] }, 'GB')).toBe(false);
    expect(awardBadge(doc, { person: 'lena', badge: 'first-post', space: null, awardedAt: 1 })).toBe(true);
    expect(awardBadge(doc, { person: 'lena', badge: 'first-post', space: null, awardedAt: 2 })).toBe(false);
    publishEntry(doc, { author: 'lena', entry: kudos('k1'), version: 1 });
    const among = recognitionAmong(readRecognition(doc), (p) => p !== 'lena');
    expect(among.badges).toEqual([]);
    expect(among.kudos).toEqual([]);
  });

  it('a month of helping needs five comments over thirty days', () => {
    const day = 86_400_000;
    expect(helpedForAMonth([0, day, 2 * day, 3 * day, HELPING_DAYS * day])).toBe(true);
    expect(helpedForAMonth([0, day, 2 * day, HELPING_DAYS * day])).toBe(false);
    expect(helpedForAMonth([0, day, 2 * day, 3 * day, 29 * day])).toBe(false);
  });
});

describe('knowledge', () => {
  it('finds hashtags, not C#, headings, numbers or URL fragments', () => {
    expect(hashtags('#Release notes for #release and #onboarding-2025. C# a#b # Title #1 https://x.example/#frag (#Safety)')).toEqual([
      'release', 'onboarding-2025', 'safety',
    ]);
    expect(hashtags('Ünïcode #café')).toEqual(['café']);
  });

  it('best-of: once per post, a facilitator withdraws only their own pick, wrong document refused', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('id', 'general');
    const pick = (id: string, o: object = {}) => ({ id, type: 'best-of' as const, space: 'general', post: 'p1', createdAt: 1, editedAt: null, retracted: false, ...o });
    expect(publishBestOf(doc, { author: 'binu', entry: pick('b1'), version: 1, publishedAt: 3 })).toEqual({ ok: true, outcome: 'applied' });
    publishBestOf(doc, { author: 'gus', entry: pick('b2'), version: 1 });
    publishBestOf(doc, { author: 'gus', entry: pick('b2', { retracted: true }), version: 2 });
    expect(readBestOf(doc).map((i) => i.addedBy)).toEqual(['binu']);
    expect(publishBestOf(doc, { author: 'binu', entry: pick('b3', { space: 'other' }), version: 1 })).toEqual({ ok: false, error: 'wrong-document' });
    publishBestOf(doc, { author: 'binu', entry: pick('b1', { retracted: true }), version: 2 });
    expect(readBestOf(doc)).toEqual([]);
  });

  it('bookmarks live in the outbox: one per post, removed by withdrawing every entry on it', () => {
    const outbox = new Y.Doc();
    const a = writeBookmark(outbox, { space: 'general', post: 'p1' }, { now: 1, id: '01A' });
    writeBookmark(outbox, { space: 'general', post: 'p1' }, { now: 2, id: '01B' }); // a second device, offline
    writeBookmark(outbox, { space: 'general', post: 'p2' }, { now: 3, id: '01C' });
    expect(readBookmarks(readOutbox(outbox)).map((b) => b.post)).toEqual(['p2', 'p1']);
    for (const b of bookmarksOf(readOutbox(outbox), 'p1')) retractEntry(outbox, b.id);
    expect(readBookmarks(readOutbox(outbox)).map((b) => b.post)).toEqual(['p2']);
    expect(a).toBe('01A');
  });
});
