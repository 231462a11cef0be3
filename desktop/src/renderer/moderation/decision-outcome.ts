// What became of a decision, in words for the moderator who made it, read from the case file's
// executions (written by the relay only). Why not a fixed "Approved. The relay publishes it.": the
// decision is carried out later (possibly after a reconnect), and its effect depends on the case —
// approving a reported post that is already published keeps it as it is, an approval can be stale
// because the author changed the item, a decision can be a duplicate or overruled.
import type { CaseAction, CaseExecution, ModerationCase } from '@hearth/core';
import type { MessageKey } from '../i18n/index.js';

export interface Outcome {
  key: MessageKey;
  params: Record<string, string>;
}

const DONE: Record<CaseAction, { held: MessageKey; published: MessageKey }> = {
  approve: { held: 'review.outcome.approve.held', published: 'review.outcome.approve.published' },
  hide: { held: 'review.outcome.hide.held', published: 'review.outcome.hide.published' },
  restore: { held: 'review.outcome.restore.held', published: 'review.outcome.restore.published' },
  warn: { held: 'review.outcome.warn', published: 'review.outcome.warn' },
  escalate: { held: 'review.outcome.escalate', published: 'review.outcome.escalate' },
};

const SET_ASIDE: Record<Exclude<CaseExecution['outcome'], 'done'>, MessageKey> = {
  duplicate: 'review.outcome.duplicate',
  overruled: 'review.outcome.overruled',
  stale: 'review.outcome.stale',
  failed: 'review.outcome.failed',
  refused: 'review.outcome.refused',
};

/** The outcome of decision `decisionId` in `c` (null when the case holds no such decision). */
export function decisionOutcome(c: ModerationCase, decisionId: string): Outcome | null {
  const decision = c.decisions[decisionId];
  if (decision === undefined) return null;
  const execution = c.executions[decisionId];
  if (execution === undefined) return { key: 'review.outcome.waiting', params: { action: decision.action } };
  if (execution.outcome !== 'done') return { key: SET_ASIDE[execution.outcome], params: { detail: execution.detail ?? '' } };
  // A held item was never published; a flagged or reported one was, before anyone looked.
  const published = c.source !== 'hold';
  return { key: DONE[decision.action][published ? 'published' : 'held'], params: { role: decision.role ?? '' } };
}
