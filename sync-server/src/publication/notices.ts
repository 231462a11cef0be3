// The relay's words to an author about their entries: statuses and notices for the inbox. Notice
// ids are derived from the entry, its version and the kind, so replaying a publication (after a
// crash, say) writes the same notice again instead of a second one.
import { editCanFix, findingEditCanFix } from '@hearth/core';
import type { EntryProblem, EntryStatus, Finding, Notice, NoticeKind, OutboxEntry, StatusFinding } from '@hearth/core';

const WHAT: Record<OutboxEntry['type'], string> = {
  post: 'post',
  comment: 'comment',
  reaction: 'reaction',
  report: 'report',
  ack: 'acknowledgement',
  message: 'message',
  join: 'request to join',
  leave: 'request to leave',
  'join-decision': 'decision on a request to join',
  'accept-answer': 'accepted answer',
  'read-ack': 'acknowledgement of an announcement',
  kudos: 'kudos',
  'kudos-consent': 'kudos setting',
  leaderboard: 'leaderboard switch',
  bookmark: 'bookmark',
  'best-of': 'best-of pick',
  'module-done': 'module marked done',
};

export function findingsOfPolicy(findings: readonly Finding[]): StatusFinding[] {
  return findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    guidance: f.guidance,
    field: f.field === 'attachment' ? 'entry' : f.field,
    start: f.start,
    end: f.end,
  }));
}

export function findingsOfProblems(problems: readonly EntryProblem[]): StatusFinding[] {
  return problems.map((p) => {
    const field = p.field === 'title' || p.field === 'body' || p.field === 'reason' ? p.field : 'entry';
    // Only a problem in the text is the author's to fix by editing (core's findingEditCanFix).
    return { rule: `validation.${p.code}`, severity: 'reject', message: p.message, guidance: findingEditCanFix({ field }) ? 'Change it and send it again.' : '', field };
  });
}

/** Entries the app lets the author change and send again (the others are withdrawn, not edited). */
const EDITABLE: ReadonlySet<OutboxEntry['type']> = new Set(['post', 'comment', 'message']);

export function status(entry: OutboxEntry, state: EntryStatus['state'], version: number, findings: StatusFinding[], now: number): EntryStatus {
  return { entryId: entry.id, state, version, findings, updatedAt: now };
}

function sentence(kind: NoticeKind, entry: OutboxEntry, findings: readonly StatusFinding[]): string {
  const what = WHAT[entry.type];
  const fixable = EDITABLE.has(entry.type) && editCanFix(findings);
  switch (kind) {
    case 'held':
      return fixable
        ? `Your ${what} was held for review and has not been published. You can edit it and send it again; a moderator will also look at it.`
        : `Your ${what} was held for review and has not been published. A moderator will look at it.`;
    case 'rejected':
      return fixable
        ? `Your ${what} could not be published. Change it and send it again.`
        : `Your ${what} could not be published, and changing it would not change that.`;
    case 'flagged':
      return `Your ${what} was published. Moderators will have a look at it because of what is marked below; please read why.`;
    case 'waiting-acknowledgement':
      return `Your ${what} is waiting: please read and accept the behaviour policy, and it will be published straight away.`;
    default:
      return '';
  }
}

export function authorNotice(kind: 'held' | 'rejected' | 'waiting-acknowledgement' | 'flagged', entry: OutboxEntry, version: number, findings: StatusFinding[], now: number): Notice {
  return {
    id: `${entry.id}:${version}:${kind}`,
    kind,
    createdAt: now,
    message: sentence(kind, entry, findings),
    entryId: entry.id,
    space: 'space' in entry ? entry.space : null,
    about: null,
    findings,
    ...(entry.type === 'comment' ? { post: entry.post } : {}),
    ...(entry.type === 'message' ? { conversation: entry.conversation } : {}),
  };
}

/**
 * A join, leave or join decision the relay refused. Why not authorNotice: there is nothing to edit
 * and send again (the entry is one click, not a text), so the notice points at the space instead of
 * the entry, and each finding says what to do instead.
 */
export function membershipRefusal(entry: OutboxEntry, version: number, problems: readonly EntryProblem[], now: number): Notice {
  return {
    id: `${entry.id}:${version}:rejected`,
    kind: 'rejected',
    createdAt: now,
    message: `Your ${WHAT[entry.type]} was not carried out.`,
    entryId: null,
    space: 'space' in entry ? entry.space : null,
    about: null,
    findings: problems.map((p) => ({ rule: `validation.${p.code}`, severity: 'reject', message: p.message, guidance: '', field: 'entry' })),
  };
}
