// External links: links to sites outside the company's allow-list. Why: a link is where content
// leaves (or phishing enters) the company; the rule asks the author to confirm or holds the post.
// Links are found as http(s):// URLs and bare "www." addresses; url-host.ts finds the real host.
import type { LinksRule } from '../rule-schemas.js';
import { hostAllowed, linkHost } from '../url-host.js';
import type { Finding } from '../types.js';
import { finding, type RuleCheck } from './rule-check.js';

const LINK = /(?<![\p{L}\p{N}@.])(?:https?:[/\\]{0,2}|www\.)[^\s<>"'`]+/giu;
const TRAILING = /[.,;:!?)\]}'"]+$/;

export function prepareExternalLinks(rule: LinksRule): RuleCheck {
  return ({ fields }) => {
    const out: Finding[] = [];
    for (const view of fields) {
      const re = new RegExp(LINK.source, LINK.flags);
      for (let m = re.exec(view.text); m; m = re.exec(view.text)) {
        const link = m[0].replace(TRAILING, '');
        const host = linkHost(link);
        if (host !== null && hostAllowed(host, rule.allowDomains)) continue;
        out.push(finding(rule, rule.severity, view.field, m.index, m.index + link.length, 'a link to another site'));
      }
    }
    return out;
  };
}
