// Verdict shapes shared by the composer (as the author types) and the relay (before publication).
export const ACTIONS = ['allow', 'warn', 'flag', 'hold', 'reject'] as const;
export type Action = (typeof ACTIONS)[number];

export interface Finding {
  /** The id of the policy rule that matched. */
  rule: string;
  severity: Action;
  /** Which field of the draft the span is in. */
  field: 'title' | 'body' | 'attachment' | 'entry';
  /**
   * Offsets (UTF-16 code units) into the author's original text of that field. For 'attachment',
   * the attachment's index in `draft.attachments` (end = index + 1); for 'entry', 0 and 0.
   */
  start: number;
  end: number;
  /** What was found, in plain words, without repeating a confidential term. */
  message: string;
  /**
   * What kind of thing matched, in plain words ("a payment card number", "a link to another
   * site"), never the matched text itself. Absent where the message says it all.
   */
  detail?: string;
  /** What the author can do instead. */
  guidance: string;
}

export interface Verdict {
  action: Action;
  policyVersion: number;
  findings: Finding[];
}

export interface Attachment {
  name: string;
  mimeType: string;
  bytes: number;
}

/** What evaluate judges: a post, comment or message as the author wrote it. */
export interface Draft {
  title?: string;
  body: string;
  /** The space it goes to (scoped confidential terms are allowed in named spaces); null for a DM. */
  space: string | null;
  attachments?: Attachment[];
  /**
   * How many posts, comments and messages the author has already published (relay) or written
   * (composer) in the last hour and day, not counting this draft. Absent: the posting-rate rule
   * stays silent (an offline client, or an edit of something already published).
   */
  recent?: RecentActivity;
  /**
   * For a new reaction (whose draft has an empty body): how many reactions the author has already
   * published in the last hour and day, not counting this one. Absent: the reaction-rate rule
   * stays silent.
   */
  recentReactions?: RecentActivity;
}

export interface RecentActivity {
  lastHour: number;
  lastDay: number;
}
