// Which refusals an edit can fix. Why it matters: the inbox offers "Change it and send it again"
// for a held or rejected entry, and the relay says so in its notice; offering it for a refusal no
// edit can change (posting in a news space, an announcement by someone who may not make one, a
// post that is gone, the posting rate) sends the author round in circles. An edit changes an
// entry's text — title, body, report reason — never where it goes, its kind or what it refers to
// (validateEntry refuses an edit that moves an entry), so a finding is fixable when it is about the
// text, and a refusal is fixable when every blocking finding in it is.
import type { StatusFinding } from '../model/types.js';

const TEXT_FIELDS: ReadonlySet<string> = new Set(['title', 'body', 'reason']);
const BLOCKING: ReadonlySet<string> = new Set(['hold', 'reject']);

export function findingEditCanFix(finding: Pick<StatusFinding, 'field'>): boolean {
  return finding.field !== undefined && TEXT_FIELDS.has(finding.field);
}

/** True when changing the text can clear what held or refused the entry (and when nothing is said at all). */
export function editCanFix(findings: readonly Pick<StatusFinding, 'field' | 'severity'>[]): boolean {
  return findings.filter((f) => BLOCKING.has(f.severity)).every(findingEditCanFix);
}
