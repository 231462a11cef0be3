// Posting rate: many posts, comments or messages from one person in a short time. Why: a burst
// floods colleagues' feeds and notifications (and is what a compromised account or a runaway script
// looks like), so past a generous limit a moderator has a look first. The count comes with the
// draft (`draft.recent`), from the relay's records or the author's own outbox; without it the rule
// says nothing, since an offline client cannot know and the relay judges again anyway.
import type { PostingRateRule } from '../rule-schemas.js';
import type { Finding } from '../types.js';
import { finding, type RuleCheck } from './rule-check.js';

export function preparePostingRate(rule: PostingRateRule): RuleCheck {
  return ({ draft }) => {
    const recent = draft.recent;
    if (recent === undefined) return [];
    const out: Finding[] = [];
    // This draft would be one more: the limit is reached when it would take the count past it.
    if (rule.maxPerHour !== undefined && recent.lastHour + 1 > rule.maxPerHour) {
      out.push(finding(rule, rule.severity, 'entry', 0, 0, `You have posted ${recent.lastHour} times in the last hour`));
    } else if (rule.maxPerDay !== undefined && recent.lastDay + 1 > rule.maxPerDay) {
      out.push(finding(rule, rule.severity, 'entry', 0, 0, `You have posted ${recent.lastDay} times in the last day`));
    }
    return out;
  };
}
