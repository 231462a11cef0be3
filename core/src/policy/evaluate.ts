// evaluate(): the one function that judges a draft, in the composer as the author types and on the
// relay before publication. Why one pure function: the author sees exactly the verdict the relay
// will reach (for the same policy version), and the verdict records that version so a client that
// was offline while the policy changed is caught by the relay.
import { fieldView } from './field-view.js';
import type { DistributedPolicy } from './policy-schemas.js';
import { preparePolicy, type PreparedPolicy } from './prepare.js';
import type { FieldView } from './rules/rule-check.js';
import { ACTIONS, type Action, type Draft, type Finding, type Verdict } from './types.js';

/** How severe an action is: allow < warn < flag < hold < reject. */
export function severityRank(action: Action): number {
  return ACTIONS.indexOf(action);
}

/** The more severe of two actions. */
export function mostSevere(a: Action, b: Action): Action {
  return severityRank(a) >= severityRank(b) ? a : b;
}

const FIELD_ORDER: Record<Finding['field'], number> = { entry: 0, title: 1, body: 2, attachment: 3 };

/**
 * Judge `draft` against `policy` (a distributed policy, prepared on first use, or a prepared one).
 * Findings are ordered by field and position; `action` is the most severe finding's (allow if none).
 */
export function evaluate(policy: DistributedPolicy | PreparedPolicy, draft: Draft): Verdict {
  const p = preparePolicy(policy);
  const fields: FieldView[] = [];
  if (draft.title) fields.push(fieldView('title', draft.title));
  fields.push(fieldView('body', draft.body));
  const input = { draft, fields };
  const findings: Finding[] = [];
  for (const { check } of p.checks) {
    for (const f of check(input)) if (f.severity !== 'allow') findings.push(f);
  }
  findings.push(...attachmentNameFindings(p, draft));
  findings.sort((a, b) => FIELD_ORDER[a.field] - FIELD_ORDER[b.field] || a.start - b.start || a.end - b.end);
  const action = findings.reduce<Action>((acc, f) => mostSevere(acc, f.severity), 'allow');
  return { action, policyVersion: p.policy.version, findings };
}

/**
 * Builds what the rules build on their first draft (the language engine, the markers' patterns:
 * about 20 ms in all), by judging a neutral one. Why: otherwise the first post after a relay starts
 * or a policy changes waits for it. Call where a policy arrives, off the path of any draft.
 */
export function warmUp(policy: DistributedPolicy | PreparedPolicy): void {
  evaluate(policy, { title: 'Warm up', body: 'Warm up the rules before the first draft.', space: null, attachments: [{ name: 'warm-up.txt', mimeType: 'text/plain', bytes: 1 }] });
}

/** Rule kinds that read a file's name as text: a codename or a marker in a name says as much as in a body. */
const NAME_RULE_KINDS: ReadonlySet<string> = new Set(['confidential-terms', 'classification-markers', 'language']);

/**
 * Findings of the text rules on each attachment's name, reported on that attachment (start = its
 * index, end = index + 1) like the attachments rule's own findings. The extension is read too
 * ("Bluebird.pdf" is the word "Bluebird" and the word "pdf").
 */
function attachmentNameFindings(p: PreparedPolicy, draft: Draft): Finding[] {
  const out: Finding[] = [];
  (draft.attachments ?? []).forEach((a, i) => {
    const named: Draft = { body: a.name, space: draft.space };
    const input = { draft: named, fields: [fieldView('body', a.name)] };
    for (const { rule, check } of p.checks) {
      if (!NAME_RULE_KINDS.has(rule.kind)) continue;
      for (const f of check(input)) if (f.severity !== 'allow') out.push({ ...f, field: 'attachment', start: i, end: i + 1 });
    }
  });
  return out;
}
