// The review queue as pure functions: what state a case is in for the reviewer, and which cases a
// filter keeps. The meaning of a case (open, in conflict, decided) is core's `deriveCaseState`, the
// same function the relay uses to decide what to carry out; the pane adds "resolved": decided after
// a conflict (some decision was overruled by a later one that superseded both sides), and treats a
// decided case as open again when a report arrived after its last decision (the relay adds later
// reports on an item to its existing case, so someone has to look at them).
import { deriveCaseState, type CaseSource, type CaseState, type ModerationCase } from '@hearth/core';
import type { CaseFile } from './case-client.js';

export const QUEUE_STATES = ['open', 'conflict', 'decided', 'resolved'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

export const AGES = ['any', 'day', 'week', 'older'] as const;
/** any; opened within a day; within a week; more than a week ago. */
export type Age = (typeof AGES)[number];

/** Open and conflict: what still needs someone (the default view). */
export const ATTENTION = 'attention';

export interface QueueFilter {
  /** A state, `attention` (open or in conflict), or null: every state. */
  state: QueueState | typeof ATTENTION | null;
  space: string | null;
  source: CaseSource | null;
  age: Age;
}

export const DEFAULT_FILTER: QueueFilter = { state: ATTENTION, space: null, source: null, age: 'any' };

export interface QueueItem extends CaseFile {
  state: QueueState;
  derived: CaseState;
}

const DAY = 24 * 60 * 60 * 1000;

export function queueStateOf(derived: CaseState, c?: Pick<ModerationCase, 'reports'>): QueueState {
  if (derived.status !== 'decided') return derived.status;
  const lastDecision = Math.max(...derived.current.map((d) => d.at));
  if (c !== undefined && Object.values(c.reports).some((r) => r.at > lastDecision)) return 'open';
  return derived.overruled.length > 0 ? 'resolved' : 'decided';
}

export function toQueueItem(file: CaseFile): QueueItem {
  const derived = deriveCaseState(file.doc);
  return { ...file, derived, state: queueStateOf(derived, file.doc) };
}

export function matchesAge(c: Pick<ModerationCase, 'openedAt'>, age: Age, now: number): boolean {
  const elapsed = now - c.openedAt;
  switch (age) {
    case 'any':
      return true;
    case 'day':
      return elapsed <= DAY;
    case 'week':
      return elapsed <= 7 * DAY;
    case 'older':
      return elapsed > 7 * DAY;
  }
}

function matchesState(state: QueueState, wanted: QueueFilter['state']): boolean {
  if (wanted === null) return true;
  if (wanted === ATTENTION) return state === 'open' || state === 'conflict';
  return state === wanted;
}

/**
 * The cases a filter keeps: conflicts first (they block everything until resolved), then oldest
 * first, because the queue is worked from the longest-waiting case.
 */
export function filterQueue(items: readonly QueueItem[], f: QueueFilter, now: number): QueueItem[] {
  return items
    .filter((i) => matchesState(i.state, f.state) && (f.space === null || i.doc.space === f.space) && (f.source === null || i.doc.source === f.source) && matchesAge(i.doc, f.age, now))
    .sort((a, b) => Number(b.state === 'conflict') - Number(a.state === 'conflict') || a.doc.openedAt - b.doc.openedAt || (a.doc.id < b.doc.id ? -1 : 1));
}

/** The spaces that have cases, for the space filter. */
export function spacesOf(items: readonly QueueItem[]): string[] {
  return [...new Set(items.flatMap((i) => (i.doc.space === null ? [] : [i.doc.space])))].sort();
}

/** How many cases are in each state (for the state filter's labels). */
export function countByState(items: readonly QueueItem[]): Record<QueueState, number> {
  const counts: Record<QueueState, number> = { open: 0, conflict: 0, decided: 0, resolved: 0 };
  for (const i of items) counts[i.state]++;
  return counts;
}
