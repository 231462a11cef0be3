// Who hears of a newly published item, and what their inbox says: mentions, replies, reactions
// (batched per item and hour, core's addReactionToNotice) and direct messages. Why one module: the
// rule that keeps private spaces private lives in one place — a notice names a space, a person and
// an item, so it goes only to people who may read that space or conversation *now* (a member, a
// facilitator, everyone for a public space). A former member whose old post gets a reply, or a
// colleague mentioned in a space they are not in, hears nothing; the author of the item cannot
// change that, whatever their outbox says.
import { addNotice, addReactionToNotice, mentionNoticeLimit, mentionsToNotify, type DirectoryRecord, type DistributedPolicy, type EntryContext, type Notice, type OutboxEntry } from '@hearth/core';
import type * as Y from 'yjs';

type Publishable = Extract<OutboxEntry, { type: 'post' | 'comment' | 'reaction' | 'message' }>;

/** One write into one person's inbox. */
export interface InboxWrite {
  person: string;
  write: (inbox: Y.Doc) => void;
}

export interface OtherNoticeInputs {
  entry: Publishable;
  author: string;
  authorName: string;
  nameOf: (person: string) => string;
  directory: ReadonlyMap<string, DirectoryRecord>;
  policy: DistributedPolicy | null;
  /** The published space or conversation around the entry (entry-context.ts). */
  context: Pick<EntryContext, 'space' | 'members' | 'targetPost' | 'targetComment' | 'conversation'>;
  now: number;
}

/** True when `person` may read the place the entry is in, as the relay's access rules say today. */
export function mayRead(person: string, inputs: Pick<OtherNoticeInputs, 'entry' | 'directory' | 'context'>): boolean {
  const { entry, directory, context } = inputs;
  if (directory.get(person)?.status !== 'active') return false;
  if (entry.type === 'message') return context.conversation?.participants.includes(person) ?? false;
  const space = context.space;
  if (space === null) return false;
  return space.visibility === 'public' || context.members.includes(person) || space.facilitators.includes(person);
}

function base(kind: Notice['kind'], id: string, inputs: OtherNoticeInputs, message: string): Notice {
  const { entry, author, now } = inputs;
  const notice: Notice = { id, kind, createdAt: now, message, entryId: entry.id, space: 'space' in entry ? entry.space : null, about: author, findings: [] };
  if (entry.type === 'comment') notice.post = entry.post;
  if (entry.type === 'message') notice.conversation = entry.conversation;
  return notice;
}

/** The inbox writes a first publication causes for people other than its author. */
export function otherNotices(inputs: OtherNoticeInputs): InboxWrite[] {
  const { entry, author, authorName, context } = inputs;
  const may = (p: string) => p !== author && mayRead(p, inputs);
  const where = context.space !== null ? ` in ${context.space.name}` : '';
  const writes = new Map<string, (inbox: Y.Doc) => void>();
  if (entry.type === 'reaction') {
    const target = context.targetComment ?? context.targetPost;
    if (!target || target.state !== 'published' || !may(target.authorId)) return [];
    const post = context.targetComment?.post ?? target.id;
    return [{ person: target.authorId, write: (doc) => void addReactionToNotice(doc, { target: target.id, post, space: entry.space, reactor: author, nameOf: inputs.nameOf, at: inputs.now }) }];
  }
  if (entry.type === 'message') {
    for (const p of context.conversation?.participants ?? []) {
      if (may(p)) writes.set(p, (doc) => void addNotice(doc, base('message', `${entry.id}:message`, inputs, `${authorName} sent you a message.`)));
    }
  }
  const mentioned = mentionsToNotify(entry.body, { author, limit: mentionNoticeLimit(inputs.policy), mayNotify: may });
  const mention = base('mention', `${entry.id}:mention`, inputs, `${authorName} mentioned you${where}.`);
  // A mention in a direct message is already a message notice: one line per message is enough.
  for (const p of mentioned) if (!writes.has(p)) writes.set(p, (doc) => void addNotice(doc, mention));
  if (entry.type === 'comment') {
    const repliedTo = context.targetComment?.authorId ?? context.targetPost?.authorId;
    if (repliedTo !== undefined && may(repliedTo) && !writes.has(repliedTo)) {
      const reply = base('reply', `${entry.id}:reply`, inputs, `${authorName} replied to you${where}.`);
      writes.set(repliedTo, (doc) => void addNotice(doc, reply));
    }
  }
  return [...writes].map(([person, write]) => ({ person, write }));
}
