// Everything the person can do, as outbox writes through core. Each resolves once the change is
// stored on this device (OutboxTracker.commit); the relay publishes it when it gets it.
import { useMemo } from 'react';
import {
  editEntry,
  retractEntry,
  writeAcceptAnswer,
  writeAcknowledgement,
  writeComment,
  writeJoinDecision,
  writeJoinRequest,
  writeLeave,
  writeMessage,
  writePost,
  writeReaction,
  writeReadAck,
  writeReport,
} from '@hearth/core';
import type { AttachmentRef, EntryId, JoinDecision, PostKind, Reaction } from '@hearth/core';
import { useServices } from './services-context.js';

export interface Actions {
  post(p: { space: string; kind: PostKind; title: string; body: string; mustRead?: boolean; attachments?: AttachmentRef[] }): Promise<EntryId>;
  /** Accept a comment as the answer to a question (null: take the acceptance back). */
  acceptAnswer(p: { space: string; post: EntryId; comment: EntryId | null }): Promise<EntryId>;
  /** "I have read this": acknowledge a must-read announcement. */
  readAck(p: { space: string; post: EntryId }): Promise<EntryId>;
  comment(p: { space: string; post: EntryId; replyTo: EntryId | null; body: string; attachments?: AttachmentRef[] }): Promise<EntryId>;
  react(p: { space: string; target: EntryId; emoji: Reaction }): Promise<EntryId>;
  edit(entryId: EntryId, change: { title?: string; body?: string }): Promise<boolean>;
  retract(entryId: EntryId): Promise<boolean>;
  message(p: { conversation?: string; to?: string[]; body: string; attachments?: AttachmentRef[] }): Promise<{ entryId: EntryId; conversation: string }>;
  /** Join a public space or ask to join a private one; retract(id) withdraws a waiting request. */
  join(space: string): Promise<EntryId>;
  leave(space: string): Promise<EntryId>;
  /** A facilitator's answer to a join request (its entry id). */
  decideJoin(p: { space: string; request: EntryId; decision: JoinDecision }): Promise<EntryId>;
  acknowledge(policyVersion: number): Promise<EntryId>;
  report(p: { space: string | null; target: EntryId; reason: string }): Promise<EntryId>;
}

export function useActions(): Actions {
  const { outbox } = useServices();
  return useMemo<Actions>(() => {
    const id = (e: EntryId) => e;
    return {
      post: (p) => outbox.commit((doc) => writePost(doc, p), id),
      comment: (p) => outbox.commit((doc) => writeComment(doc, p), id),
      react: (p) => outbox.commit((doc) => writeReaction(doc, p), id),
      edit: (entryId, change) => outbox.commit((doc) => editEntry(doc, entryId, change), () => entryId).then((r) => r.ok),
      retract: (entryId) => outbox.commit((doc) => retractEntry(doc, entryId), () => entryId).then((r) => r.ok),
      message: (p) => outbox.commit((doc) => writeMessage(doc, p), (r) => r.entryId),
      join: (space) => outbox.commit((doc) => writeJoinRequest(doc, { space }), id),
      leave: (space) => outbox.commit((doc) => writeLeave(doc, { space }), id),
      decideJoin: (p) => outbox.commit((doc) => writeJoinDecision(doc, p), id),
      acknowledge: (policyVersion) => outbox.commit((doc) => writeAcknowledgement(doc, { policyVersion }), id),
      report: (p) => outbox.commit((doc) => writeReport(doc, p), id),
      acceptAnswer: (p) => outbox.commit((doc) => writeAcceptAnswer(doc, p), id),
      readAck: (p) => outbox.commit((doc) => writeReadAck(doc, p), id),
    };
  }, [outbox]);
}
