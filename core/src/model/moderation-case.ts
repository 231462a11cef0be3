// Moderation case files: the plain shape of a case document and the pure functions that read it.
// Why here and without Automerge: the relay (which carries decisions out) and the review pane
// (which shows them) must agree on what a case *means* — decided, in conflict, carried out — so
// both derive it with the same function from the plain JS object an Automerge document reads as.
// Why decisions name what they supersede: Automerge merges two moderators' decisions made offline
// without complaint (they are different keys), so "decided differently without having seen each
// other's decision" is made exact by each decision listing the current decisions its author saw.
// Two decisions neither of which (transitively) supersedes the other were made blind to each other;
// if they differ, the case is in conflict and nothing is carried out until a decision supersedes both.
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { z } from 'zod';
import type { AttachmentRef, EntryId, PersonId, SpaceId, StatusFinding, Timestamp } from './types.js';

export const CASE_SOURCES = ['hold', 'flag', 'report'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const CASE_ACTIONS = ['approve', 'hide', 'restore', 'warn', 'escalate'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** The item under review, as submitted (a hold) or as published when reported. */
export interface CaseItem {
  entryId: EntryId;
  type: 'post' | 'comment' | 'message' | 'reaction';
  authorId: PersonId;
  /** `space/<id>` or `dm/<id>`: where the item is (or would be) published. */
  room: string;
  title: string | null;
  body: string;
  /** The item's files (absent when none): moderators deciding the case may read them. */
  attachments?: AttachmentRef[];
  /** The publication version the case is about. */
  version: number;
  createdAt: Timestamp;
}

export interface CaseReport {
  reporter: PersonId;
  reason: string;
  at: Timestamp;
}

export interface CaseDecision {
  id: string;
  by: PersonId;
  at: Timestamp;
  action: CaseAction;
  /** The moderator's words: the reason shown to the author, the warning, the escalation note. */
  note: string;
  /** For `escalate`: the directory role to escalate to (e.g. "hr"). */
  role?: string | null;
  /** The current decisions the moderator had seen when deciding (see `currentDecisionIds`). */
  supersedes: string[];
}

export interface CaseNote {
  by: PersonId;
  at: Timestamp;
  text: string;
}

/**
 * What the relay writes back once it has carried a decision out (or set it aside). `refused`: the
 * person who decided may not act on the case's space at the moment it was to be carried out (not an
 * active moderator, nor a facilitator of that space); nothing was done, and the decision no longer
 * counts (see `deriveCaseState`).
 */
export interface CaseExecution {
  at: Timestamp;
  outcome: 'done' | 'duplicate' | 'overruled' | 'stale' | 'failed' | 'refused';
  detail?: string;
}

export interface ModerationCase {
  schema: 'hearth-case/1';
  id: string;
  space: SpaceId | null;
  source: CaseSource;
  openedAt: Timestamp;
  item: CaseItem;
  findings: StatusFinding[];
  /** report entry id → report. */
  reports: Record<string, CaseReport>;
  /** decision id → decision. Moderators add; nobody edits or removes. */
  decisions: Record<string, CaseDecision>;
  /** note id → note. Notes never conflict and are never carried out. */
  notes: Record<string, CaseNote>;
  /** decision id → what the relay did with it. Written by the relay only. */
  executions: Record<string, CaseExecution>;
}

export type CaseStatus = 'open' | 'conflict' | 'decided';

export interface CaseState {
  status: CaseStatus;
  /** Decisions nobody has superseded yet. */
  current: CaseDecision[];
  /** In conflict: the current decisions that disagree (a resolution must supersede them all). */
  conflicting: CaseDecision[];
  /** Decisions to carry out, in causal order (empty while in conflict). */
  toCarryOut: CaseDecision[];
  /** Decisions that agree with an earlier concurrent one: recorded, not carried out twice. */
  duplicates: CaseDecision[];
  /** Decisions that lost a conflict (a later decision superseded them and their rival). */
  overruled: CaseDecision[];
}

const sameVerdict = (a: CaseDecision, b: CaseDecision): boolean => a.action === b.action && (a.role ?? null) === (b.role ?? null);
const order = (a: CaseDecision, b: CaseDecision): number => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every decision `d` has (transitively) seen, by id. Unknown ids are ignored. */
function ancestry(decisions: Record<string, CaseDecision>): Map<string, Set<string>> {
  const memo = new Map<string, Set<string>>();
  const visit = (id: string, path: Set<string>): Set<string> => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const seen = new Set<string>();
    path.add(id);
    for (const s of decisions[id]?.supersedes ?? []) {
      if (decisions[s] === undefined || path.has(s)) continue;
      seen.add(s);
      for (const t of visit(s, path)) seen.add(t);
    }
    path.delete(id);
    memo.set(id, seen);
    return seen;
  };
  for (const id of Object.keys(decisions)) visit(id, new Set());
  return memo;
}

/** Each decision after every decision it has seen; otherwise by time (clocks may disagree). */
function causalOrder(list: CaseDecision[], seen: Map<string, Set<string>>): CaseDecision[] {
  const pending = [...list];
  const out: CaseDecision[] = [];
  while (pending.length > 0) {
    const ready = pending.findIndex((d) => !pending.some((e) => e !== d && seen.get(d.id)?.has(e.id)));
    out.push(...pending.splice(Math.max(ready, 0), 1));
  }
  return out;
}

/** The ids a new decision must list in `supersedes`: the current (unsuperseded) decisions. */
export function currentDecisionIds(c: Pick<ModerationCase, 'decisions'> & Partial<Pick<ModerationCase, 'executions'>>): string[] {
  return deriveCaseState(c).current.map((d) => d.id);
}

/**
 * What a case means now. Two decisions are concurrent when neither has seen the other. The case is
 * in conflict when its current decisions disagree. Otherwise every decision is carried out once, in
 * causal order, except one that agrees with an earlier concurrent decision (a duplicate) and one
 * that disagreed with a concurrent decision and was later superseded (overruled by a resolution).
 */
export function deriveCaseState(c: Pick<ModerationCase, 'decisions'> & Partial<Pick<ModerationCase, 'executions'>>): CaseState {
  // A refused decision was never the decision of someone who may act: it neither counts as a
  // verdict nor stands in a conflict (a decision that superseded it just names an unknown id).
  const decisions = Object.fromEntries(Object.entries(c.decisions).filter(([id]) => c.executions?.[id]?.outcome !== 'refused'));
  const all = Object.values(decisions).sort(order);
  const seen = ancestry(decisions);
  const superseded = new Set<string>();
  for (const s of seen.values()) for (const id of s) superseded.add(id);
  const current = all.filter((d) => !superseded.has(d.id));
  const concurrent = (a: CaseDecision, b: CaseDecision) => a.id !== b.id && !seen.get(a.id)?.has(b.id) && !seen.get(b.id)?.has(a.id);
  const conflicting = current.filter((d) => current.some((e) => concurrent(d, e) && !sameVerdict(d, e)));
  if (conflicting.length > 0) return { status: 'conflict', current, conflicting, toCarryOut: [], duplicates: [], overruled: [] };
  const toCarryOut: CaseDecision[] = [];
  const duplicates: CaseDecision[] = [];
  const overruled: CaseDecision[] = [];
  for (const d of all) {
    const rivals = all.filter((e) => concurrent(d, e));
    if (rivals.some((e) => !sameVerdict(d, e))) overruled.push(d);
    else if (rivals.some((e) => order(e, d) < 0)) duplicates.push(d);
    else toCarryOut.push(d);
  }
  return { status: all.length === 0 ? 'open' : 'decided', current, conflicting, toCarryOut: causalOrder(toCarryOut, seen), duplicates, overruled };
}

/**
 * The first half (32 hex digits) of every Automerge actor id a person may write case files with.
 * The other half is the device's own random part. Why derived, not registered: a moderator's app
 * can compute it offline, and the relay checks it without a lookup.
 */
export function moderatorActorPrefix(personId: PersonId): string {
  return bytesToHex(sha256(utf8ToBytes(`hearth-case-actor:${personId}`))).slice(0, 32);
}

/** A full actor id for `personId` on one device (`deviceHex`: 32 hex digits, random per device). */
export function moderatorActorId(personId: PersonId, deviceHex: string): string {
  if (!/^[0-9a-f]{32}$/.test(deviceHex)) throw new Error('deviceHex must be 32 lowercase hex digits');
  return moderatorActorPrefix(personId) + deviceHex;
}

export function isActorOf(actor: string, personId: PersonId): boolean {
  return actor.length === 64 && actor.startsWith(moderatorActorPrefix(personId));
}

/**
 * What a moderator's change may do to a case file: add a decision or a note under a new key, as
 * themselves. Everything else — the item, space, source, findings, reports, `executions`, anyone's
 * existing decision or note — is the relay's record or someone's signed word and is never edited.
 * The relay refuses any change that does more (sync-server/src/moderation/change-check.ts); apps
 * write only through these two shapes. Limits keep one decision from growing a case file without bound.
 */
export const CASE_ADDITIONS = ['decisions', 'notes'] as const;
export type CaseAddition = (typeof CASE_ADDITIONS)[number];

export const MAX_CASE_TEXT = 4000;
const MAX_SUPERSEDES = 200;
const caseKey = z.string().min(1).max(200);
const timestamp = z.number().int().nonnegative();

const decisionSchema = z
  .object({
    id: caseKey,
    by: z.string().min(1),
    at: timestamp,
    action: z.enum(CASE_ACTIONS),
    note: z.string().max(MAX_CASE_TEXT),
    role: z.string().max(100).nullable().optional(),
    supersedes: z.array(caseKey).max(MAX_SUPERSEDES),
  })
  .strict();

const noteSchema = z.object({ by: z.string().min(1), at: timestamp, text: z.string().max(MAX_CASE_TEXT) }).strict();

export type CaseAdditionCheck = { ok: true } | { ok: false; reason: string };

/** Whether `value`, added as `decisions[key]` or `notes[key]` by `person`, is a well-formed addition in their own name. */
export function checkCaseAddition(field: CaseAddition, key: string, value: unknown, person: PersonId): CaseAdditionCheck {
  if (!caseKey.safeParse(key).success) return { ok: false, reason: `a ${field} key must be 1 to 200 characters` };
  const parsed = field === 'decisions' ? decisionSchema.safeParse(value) : noteSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: `malformed ${field === 'decisions' ? 'decision' : 'note'}: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  if (parsed.data.by !== person) return { ok: false, reason: `a ${field === 'decisions' ? 'decision' : 'note'} in someone else's name` };
  if (field === 'decisions' && (parsed.data as { id: string }).id !== key) return { ok: false, reason: 'a decision whose id is not its key' };
  return { ok: true };
}
