// Prop types shared by several components. Data shapes come from @hearth/core; these are the
// seams the containers fill in (names from the directory, the policy's evaluate, navigation).
import type { Draft, PersonId, PostKind, Verdict } from '@hearth/core';

/** The display name of a person, computed from the directory (core `displayName`). */
export type NameOf = (id: PersonId) => string;

/** The behaviour policy's pure evaluate, bound to the current policy. Called on every keystroke. */
export type EvaluateDraft = (draft: Draft) => Verdict;

/** The places of the navigation rail. */
export const NAV_KEYS = ['home', 'spaces', 'messages', 'people', 'inbox', 'search', 'policy', 'settings'] as const;
export type NavKey = (typeof NAV_KEYS)[number];

/** How the sync connection to the relay stands. */
export type ConnectionState = 'online' | 'offline' | 'reconnecting';

/** Why local storage refused to work; each has its own advice. */
export type StorageProblem = 'quota' | 'blocked' | 'unavailable' | 'write-failed';

/** What a composer hands back when the author sends. */
export interface ComposerValue {
  kind: PostKind;
  title: string;
  body: string;
  /** Files chosen in the composer (only when it offers attachments); not kept in drafts. */
  files?: File[];
}

/** One readable rule of the behaviour policy, as shown to employees. */
export interface PolicyRuleSummary {
  id: string;
  name: string;
  /** What the rule is about, in plain words. */
  description: string;
  severity: Verdict['action'];
  guidance: string;
}

export interface PolicySummary {
  version: number;
  title: string;
  /** An introduction paragraph (plain text). */
  introduction: string;
  rules: PolicyRuleSummary[];
  updatedAt: number | null;
}

export const SEARCH_KINDS = ['post', 'comment', 'person', 'space', 'message'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One search hit, prepared by the search container. */
export interface SearchResult {
  /** Unique across all kinds. */
  key: string;
  kind: SearchKind;
  title: string;
  /** A short plain-text excerpt around the match, if any. */
  excerpt?: string;
  /** A second line: the space, the person's title, the conversation. */
  context?: string;
}
