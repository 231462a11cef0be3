// Mass mentions: `<@all>`, `<@here>`, or many people at once. Why: every mention notifies someone;
// a post that pings everybody interrupts the whole company, so it deserves a second thought.
import { LIMITS, MENTION_PATTERN } from '../../model/types.js';
import type { DistributedPolicy } from '../policy-schemas.js';
import type { MentionsRule } from '../rule-schemas.js';
import type { Finding } from '../types.js';
import { finding, type RuleCheck } from './rule-check.js';

const BROADCAST = new Set(['all', 'here', 'everyone', 'channel']);

export function prepareMassMentions(rule: MentionsRule): RuleCheck {
  return ({ fields }) => {
    const out: Finding[] = [];
    const people = new Set<string>();
    let beyond: { field: 'title' | 'body'; start: number; end: number } | null = null;
    for (const view of fields) {
      const re = new RegExp(MENTION_PATTERN.source, 'g');
      for (let m = re.exec(view.text); m; m = re.exec(view.text)) {
        const who = m[1] ?? '';
        const start = m.index;
        const end = start + m[0].length;
        if (BROADCAST.has(who)) {
          if (rule.broadcast) out.push(finding(rule, rule.severity, view.field, start, end, 'a mention of everyone'));
          continue;
        }
        people.add(who);
        if (people.size === rule.maxMentions + 1 && beyond === null) beyond = { field: view.field, start, end };
      }
    }
    if (beyond) {
      out.push(finding(rule, rule.severity, beyond.field, beyond.start, beyond.end, `more than ${rule.maxMentions} people mentioned`));
    }
    return out;
  };
}

/**
 * How many people the relay notifies for the mentions of one item: the policy's `maxMentions`
 * (the most it lets through without a second thought), never more than LIMITS.mentionNotices.
 */
export function mentionNoticeLimit(policy: DistributedPolicy | null): number {
  const rules = policy?.rules ?? [];
  const limits = rules.flatMap((r) => (r.kind === 'mass-mentions' ? [r.maxMentions] : []));
  return Math.min(LIMITS.mentionNotices, ...limits);
}
