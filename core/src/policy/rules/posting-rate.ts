// Posting rate and reaction rate: many posts, comments or messages (or reactions) from one person
// in a short time. Why: a burst floods colleagues' feeds and notifications (and is what a
// compromised account or a runaway script looks like), so past a generous limit a moderator has a
// look first; reactions are cheap to make and each one is kept in a public document, so a script
// that reacts and withdraws in a loop is stopped by a limit of its own. The counts come with the
// draft (`draft.recent`, `draft.recentReactions`), from the relay's records or the author's own
// outbox; without them the rules say nothing, since an offline client cannot know and the relay
// judges again anyway.
import type { PostingRateRule, ReactionRateRule } from '../rule-schemas.js';
import type { Finding, RecentActivity } from '../types.js';
import { finding, type RuleCheck } from './rule-check.js';

function rateFindings(rule: PostingRateRule | ReactionRateRule, recent: RecentActivity | undefined, did: string): Finding[] {
  if (recent === undefined) return [];
  // This draft would be one more: the limit is reached when it would take the count past it.
  if (rule.maxPerHour !== undefined && recent.lastHour + 1 > rule.maxPerHour) {
    return [finding(rule, rule.severity, 'entry', 0, 0, `You have ${did} ${recent.lastHour} times in the last hour`)];
  }
  if (rule.maxPerDay !== undefined && recent.lastDay + 1 > rule.maxPerDay) {
    return [finding(rule, rule.severity, 'entry', 0, 0, `You have ${did} ${recent.lastDay} times in the last day`)];
  }
  return [];
}

export function preparePostingRate(rule: PostingRateRule): RuleCheck {
  return ({ draft }) => rateFindings(rule, draft.recent, 'posted');
}

export function prepareReactionRate(rule: ReactionRateRule): RuleCheck {
  return ({ draft }) => rateFindings(rule, draft.recentReactions, 'reacted');
}
