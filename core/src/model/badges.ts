// The badge rules: what the relay awards, in words anyone can read in the app. Why data: the rules
// are shown to employees as they are applied, and the relay and the app read the same list.
import type { Timestamp } from './types.js';

export interface BadgeRule {
  id: string;
  title: string;
  /** How it is earned, in plain words. */
  description: string;
  /** Earned once per space (true) or once (false). */
  perSpace: boolean;
}

export const KUDOS_FOR_BADGE = 10;
export const HELPING_DAYS = 30;
export const HELPING_COMMENTS = 5;

export const BADGE_RULES: readonly BadgeRule[] = [
  { id: 'policy-acknowledged', title: 'Good citizen', description: 'Read and accepted the behaviour policy.', perSpace: false },
  { id: 'first-post', title: 'First post', description: 'Published a first post in any space.', perSpace: false },
  { id: 'first-accepted-answer', title: 'Helpful answer', description: 'Wrote an answer that the asker or a facilitator accepted.', perSpace: false },
  { id: 'ten-kudos', title: 'Appreciated', description: `Received ${KUDOS_FOR_BADGE} kudos from colleagues.`, perSpace: false },
  {
    id: 'month-of-helping',
    title: 'A month of helping',
    description: `Wrote at least ${HELPING_COMMENTS} comments in one space over at least ${HELPING_DAYS} days.`,
    perSpace: true,
  },
];

export function badgeRule(id: string): BadgeRule | undefined {
  return BADGE_RULES.find((r) => r.id === id);
}

/** The "month of helping" rule over one person's published comment times in one space. */
export function helpedForAMonth(commentTimes: readonly Timestamp[]): boolean {
  if (commentTimes.length < HELPING_COMMENTS) return false;
  return Math.max(...commentTimes) - Math.min(...commentTimes) >= HELPING_DAYS * 86_400_000;
}
