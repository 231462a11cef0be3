// The content limits of LIMITS, checked as data. Why separate from writing and from the schema: the
// composer shows the problem while the author types, and the relay turns it into a 'rejected'
// status with a finding; neither the write functions nor readOutbox refuse over-long content, so
// nothing the author wrote is ever silently lost.
import { LIMITS } from './types.js';
import type { OutboxEntry } from './types.js';

export interface LimitProblem {
  code: 'title-too-long' | 'body-too-long' | 'reason-too-long' | 'too-many-recipients' | 'no-recipients';
  field: 'title' | 'body' | 'reason' | 'to';
  limit: number;
  actual: number;
}

/** Every limit the entry exceeds; empty when it is within all of them. Lengths are UTF-16 units. */
export function checkEntryLimits(entry: OutboxEntry): LimitProblem[] {
  const problems: LimitProblem[] = [];
  const over = (code: LimitProblem['code'], field: LimitProblem['field'], limit: number, actual: number) => {
    if (actual > limit) problems.push({ code, field, limit, actual });
  };
  if (entry.type === 'post') over('title-too-long', 'title', LIMITS.titleChars, entry.title.length);
  if (entry.type === 'post' || entry.type === 'comment' || entry.type === 'message') {
    over('body-too-long', 'body', LIMITS.bodyChars, entry.body.length);
  }
  if (entry.type === 'report') over('reason-too-long', 'reason', LIMITS.reportReasonChars, entry.reason.length);
  if (entry.type === 'message' && entry.to !== null) {
    over('too-many-recipients', 'to', LIMITS.messageRecipients, entry.to.length);
    if (entry.to.length === 0) problems.push({ code: 'no-recipients', field: 'to', limit: 1, actual: 0 });
  }
  return problems;
}
