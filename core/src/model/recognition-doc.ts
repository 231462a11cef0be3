// The `recognition` room: written by the relay only, read by every employee. It holds the admin's
// switch (`settings`), published kudos, the badges the relay awarded, each person's consent to
// show kudos in spaces, and which spaces' leaderboards facilitators switched on. Why one room of its
// own: kudos belong to a person, not to a space, and are shown on their page to everyone; badges
// are the relay's word alone. Writes are minimal and idempotent so replays change nothing.
import type * as Y from 'yjs';
import {
  RECOGNITION_BADGES,
  RECOGNITION_CONSENT,
  RECOGNITION_KUDOS,
  RECOGNITION_LEADERBOARDS,
  RECOGNITION_SETTINGS,
} from './doc-layout.js';
import { DEFAULT_RECOGNITION_SETTINGS } from './engagement-types.js';
import type { AwardedBadge, KudosEntry, PublishedKudos, RecognitionSettings } from './engagement-types.js';
import { setIfChanged } from './map-sync.js';
import type { PublishResult } from './relay-publish.js';
import type { EntryId, PersonId, SpaceId, Timestamp } from './types.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The admin's switch (relay). */
export function setRecognitionSettings(doc: Y.Doc, settings: RecognitionSettings): void {
  const map = doc.getMap<unknown>(RECOGNITION_SETTINGS);
  doc.transact(() => {
    setIfChanged(map, 'enabled', settings.enabled);
    setIfChanged(map, 'offCountries', [...new Set(settings.offCountries.map((c) => c.toUpperCase()))].sort());
  });
}

/** Publishes (or withdraws) a kudos: highest version wins, like every publication (relay-publish.ts). */
export function publishKudos(doc: Y.Doc, p: { author: PersonId; entry: KudosEntry; version: number; publishedAt?: Timestamp }): PublishResult {
  const kudos = doc.getMap<unknown>(RECOGNITION_KUDOS);
  const existing = kudos.get(p.entry.id);
  if (isRecord(existing)) {
    if (existing.authorId !== p.author) return { ok: false, error: 'id-taken' };
    if (typeof existing.version === 'number' && existing.version === p.version) return { ok: true, outcome: 'unchanged' };
    if (typeof existing.version === 'number' && existing.version > p.version) return { ok: true, outcome: 'stale' };
  }
  const first = isRecord(existing) && typeof existing.createdAt === 'number' ? existing.createdAt : null;
  const createdAt = first ?? (p.publishedAt === undefined ? p.entry.createdAt : Math.min(p.entry.createdAt, p.publishedAt));
  const retracted = p.entry.retracted;
  // Built field by field: nothing the client smuggled into the entry reaches the document.
  const item: PublishedKudos = {
    id: p.entry.id,
    authorId: p.author,
    to: p.entry.to,
    message: retracted ? '' : p.entry.message,
    space: p.entry.space,
    createdAt,
    state: retracted ? 'retracted' : 'published',
    version: p.version,
    ...(p.publishedAt === undefined ? {} : { publishedAt: p.publishedAt }),
  };
  doc.transact(() => kudos.set(p.entry.id, item));
  return { ok: true, outcome: 'applied' };
}

/** The key of an awarded badge: once per person and rule (and space, for per-space rules). */
export function badgeKey(b: Pick<AwardedBadge, 'person' | 'badge' | 'space'>): string {
  return b.space === null ? `${b.person}/${b.badge}` : `${b.person}/${b.badge}/${b.space}`;
}

/** Awards a badge unless the person already has it. Returns whether it wrote. */
export function awardBadge(doc: Y.Doc, badge: AwardedBadge): boolean {
  const badges = doc.getMap<unknown>(RECOGNITION_BADGES);
  const key = badgeKey(badge);
  if (badges.has(key)) return false;
  doc.transact(() => badges.set(key, { ...badge }));
  return true;
}

/**
 * A setting written from an outbox entry: the entry with the highest id (ULIDs sort by time) wins,
 * so devices' entries processed in any order, and replays, end in the same value.
 */
function setLatest(doc: Y.Doc, root: string, key: string, value: Record<string, unknown> & { entry: EntryId }): boolean {
  const map = doc.getMap<unknown>(root);
  const stored = map.get(key);
  if (isRecord(stored) && typeof stored.entry === 'string' && stored.entry > value.entry) return false;
  let wrote = false;
  doc.transact(() => {
    wrote = setIfChanged(map, key, value);
  });
  return wrote;
}

export function setKudosConsent(doc: Y.Doc, person: PersonId, p: { inSpaces: boolean; entry: EntryId }): boolean {
  return setLatest(doc, RECOGNITION_CONSENT, person, { inSpaces: p.inSpaces, entry: p.entry });
}

export function setLeaderboard(doc: Y.Doc, space: SpaceId, p: { enabled: boolean; by: PersonId; entry: EntryId; at: Timestamp }): boolean {
  return setLatest(doc, RECOGNITION_LEADERBOARDS, space, { enabled: p.enabled, by: p.by, entry: p.entry, at: p.at });
}

export interface RecognitionView {
  settings: RecognitionSettings;
  /**
   * The relay has written the settings (it does at start). Until then the app shows no recognition:
   * a person in a country where it is off must never see it, not even before the room syncs.
   */
  settingsKnown: boolean;
  /** Published kudos, newest first (withdrawn ones left out). */
  kudos: PublishedKudos[];
  badges: AwardedBadge[];
  /** People who agreed that kudos to them are shown in spaces. */
  consenting: Set<PersonId>;
  /** Spaces whose leaderboard a facilitator switched on. */
  leaderboards: Set<SpaceId>;
}

/** Reads the room; values that do not parse are skipped. Never writes. */
export function readRecognitionSettings(doc: Y.Doc): RecognitionSettings {
  const s = doc.getMap<unknown>(RECOGNITION_SETTINGS);
  const enabled = s.get('enabled');
  const off = s.get('offCountries');
  return {
    enabled: typeof enabled === 'boolean' ? enabled : DEFAULT_RECOGNITION_SETTINGS.enabled,
    offCountries: Array.isArray(off) ? off.filter((c): c is string => typeof c === 'string') : [],
  };
}

export function readRecognition(doc: Y.Doc): RecognitionView {
  const settings = readRecognitionSettings(doc);
  const kudos: PublishedKudos[] = [];
  for (const v of doc.getMap<unknown>(RECOGNITION_KUDOS).values()) {
    if (isRecord(v) && v.state === 'published' && typeof v.id === 'string' && typeof v.authorId === 'string' && typeof v.to === 'string' && typeof v.message === 'string' && typeof v.createdAt === 'number') {
      kudos.push({ id: v.id, authorId: v.authorId, to: v.to, message: v.message, space: typeof v.space === 'string' ? v.space : null, createdAt: v.createdAt, state: 'published', version: typeof v.version === 'number' ? v.version : 0 });
    }
  }
  kudos.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
  const badges: AwardedBadge[] = [];
  for (const v of doc.getMap<unknown>(RECOGNITION_BADGES).values()) {
    if (isRecord(v) && typeof v.person === 'string' && typeof v.badge === 'string' && typeof v.awardedAt === 'number') {
      badges.push({ person: v.person, badge: v.badge, space: typeof v.space === 'string' ? v.space : null, awardedAt: v.awardedAt });
    }
  }
  badges.sort((a, b) => a.awardedAt - b.awardedAt);
  const consenting = new Set<PersonId>();
  for (const [k, v] of doc.getMap<unknown>(RECOGNITION_CONSENT).entries()) if (isRecord(v) && v.inSpaces === true) consenting.add(k);
  const leaderboards = new Set<SpaceId>();
  for (const [k, v] of doc.getMap<unknown>(RECOGNITION_LEADERBOARDS).entries()) if (isRecord(v) && v.enabled === true) leaderboards.add(k);
  const settingsKnown = doc.getMap<unknown>(RECOGNITION_SETTINGS).has('enabled');
  return { settings, settingsKnown, kudos, badges, consenting, leaderboards };
}

/** Kudos received by `person`, newest first. */
export function kudosFor(view: RecognitionView, person: PersonId): PublishedKudos[] {
  return view.kudos.filter((k) => k.to === person);
}

/** Kudos shown in `space`: addressed there by the giver, and the recipient agreed. */
export function kudosInSpace(view: RecognitionView, space: SpaceId): PublishedKudos[] {
  return view.kudos.filter((k) => k.space === space && view.consenting.has(k.to));
}

/**
 * A space's leaderboard: the people most thanked there (kudos shown in the space), most first; empty
 * unless a facilitator switched it on. `counts` is the only figure: no score invented from activity.
 */
export function spaceLeaderboard(view: RecognitionView, space: SpaceId, limit = 10): { person: PersonId; kudos: number }[] {
  if (!view.leaderboards.has(space)) return [];
  const counts = new Map<PersonId, number>();
  for (const k of kudosInSpace(view, space)) counts.set(k.to, (counts.get(k.to) ?? 0) + 1);
  return [...counts].map(([person, kudos]) => ({ person, kudos })).sort((a, b) => b.kudos - a.kudos || (a.person < b.person ? -1 : 1)).slice(0, limit);
}

/** The view with everything about people for whom recognition is off removed (absent, not hidden). */
export function recognitionAmong(view: RecognitionView, on: (person: PersonId) => boolean): RecognitionView {
  return {
    ...view,
    kudos: view.kudos.filter((k) => on(k.to) && on(k.authorId)),
    badges: view.badges.filter((b) => on(b.person)),
  };
}
