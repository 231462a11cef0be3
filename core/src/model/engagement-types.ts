// Entry kinds and relay-written shapes of recognition (kudos, badges, leaderboards) and knowledge
// (bookmarks, "best of" collections). Why a module of their own: types.ts is shared by every piece
// of work; these kinds register into its union with one line each, and everything else lives here.
import type { EntryId, PersonId, SpaceId, Timestamp } from './types.js';

interface EngagementEntryBase {
  id: EntryId;
  createdAt: Timestamp;
  editedAt: Timestamp | null;
  retracted: boolean;
}

/**
 * Kudos from the outbox owner to `to`, with a message the behaviour policy judges like any text.
 * `space`, when set, is a public space where the kudos is also shown — only if the recipient agreed
 * (their latest KudosConsentEntry). Retracting withdraws it.
 */
export interface KudosEntry extends EngagementEntryBase {
  type: 'kudos';
  to: PersonId;
  message: string;
  space: SpaceId | null;
}

/** The recipient's choice: may kudos they receive be shown in spaces (not only on their page)? The latest wins. */
export interface KudosConsentEntry extends EngagementEntryBase {
  type: 'kudos-consent';
  inSpaces: boolean;
}

/** A facilitator switches the space's leaderboard on or off (off by default). The latest wins. */
export interface LeaderboardEntry extends EngagementEntryBase {
  type: 'leaderboard';
  space: SpaceId;
  enabled: boolean;
}

/**
 * A private bookmark on a post. Never published: it stays in the person's outbox, which all their
 * devices sync, and is read back from there. Retracting removes the bookmark.
 */
export interface BookmarkEntry extends EngagementEntryBase {
  type: 'bookmark';
  space: SpaceId;
  post: EntryId;
}

/** A facilitator adds a post of their space to its "best of" collection; retracting takes it out. */
export interface BestOfEntry extends EngagementEntryBase {
  type: 'best-of';
  space: SpaceId;
  post: EntryId;
}

export type EngagementEntry = KudosEntry | KudosConsentEntry | LeaderboardEntry | BookmarkEntry | BestOfEntry;

export const ENGAGEMENT_LIMITS = {
  kudosMessageChars: 1_000,
  /** Kudos one person may give in 24 hours: recognition that costs nothing to give means little. */
  kudosPerDay: 10,
} as const;

/** A kudos as the relay publishes it in the `recognition` room. */
export interface PublishedKudos {
  id: EntryId;
  authorId: PersonId;
  to: PersonId;
  message: string;
  space: SpaceId | null;
  createdAt: Timestamp;
  state: 'published' | 'retracted';
  version: number;
  publishedAt?: Timestamp;
}

/** A badge the relay awarded (rules: BADGE_RULES in badges.ts). */
export interface AwardedBadge {
  person: PersonId;
  badge: string;
  /** The space it was earned in, for per-space badges; null otherwise. */
  space: SpaceId | null;
  awardedAt: Timestamp;
}

/** The admin's switch: recognition for the whole organisation, and the countries where it is off. */
export interface RecognitionSettings {
  enabled: boolean;
  /** ISO 3166-1 alpha-2 codes (works councils, privacy law). */
  offCountries: string[];
}

export const DEFAULT_RECOGNITION_SETTINGS: RecognitionSettings = { enabled: true, offCountries: [] };

/** A post in a space's "best of" collection, as the relay publishes it in the space document. */
export interface BestOfItem {
  id: EntryId;
  post: EntryId;
  addedBy: PersonId;
  addedAt: Timestamp;
  version: number;
}
