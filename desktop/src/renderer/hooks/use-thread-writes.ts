// What a post's thread writes, as the callbacks the Thread component takes, each one a write
// through useActions. A reaction taken back retracts the person's own reaction entries for that
// emoji. `saving` is true while a write is not yet stored on this device; `reported` once a report is.
import { useCallback, useMemo, useState } from 'react';
import type { OutboxEntry, Reaction } from '@hearth/core';
import type { ThreadProps } from '../components/Thread.js';
import { useActions } from './use-actions.js';
import { useOutbox } from './use-data.js';
import { useServices } from './services-context.js';

export type ThreadWrites = Pick<ThreadProps, 'onComment' | 'onEditComment' | 'onEditPost' | 'onRetract' | 'onReact' | 'onReport' | 'ownsEntry'> & {
  saving: boolean;
  reported: boolean;
};

type ReactionEntry = Extract<OutboxEntry, { type: 'reaction' }>;

export function useThreadWrites(space: string, post: string): ThreadWrites {
  const actions = useActions();
  const { files } = useServices();
  const outbox = useOutbox();
  const [writing, setWriting] = useState(0);
  const [reported, setReported] = useState(false);
  const owned = useMemo(() => new Set(outbox.map((e) => e.id)), [outbox]);
  // A failed write shows in the storage banner (the persistence reports it), not here.
  const track = useCallback((write: Promise<unknown>, stored?: () => void) => {
    setWriting((n) => n + 1);
    void write.then(
      () => {
        setWriting((n) => n - 1);
        stored?.();
      },
      () => setWriting((n) => n - 1),
    );
  }, []);

  const onReact = (target: string, emoji: Reaction, add: boolean) => {
    if (add) {
      track(actions.react({ space, target, emoji }));
      return;
    }
    const mine = outbox.filter((e): e is ReactionEntry => e.type === 'reaction' && e.target === target && e.emoji === emoji && !e.retracted);
    for (const e of mine) track(actions.retract(e.id));
  };

  return {
    onComment: ({ body, replyTo, files: chosen }) =>
      track(
        // Files are kept on this device first (file-uploads.ts); the comment references their hashes.
        (async () => {
          const attachments = chosen === undefined ? [] : await files.keep(chosen, `space/${space}`);
          return actions.comment({ space, post, replyTo, body, ...(attachments.length > 0 ? { attachments } : {}) });
        })(),
      ),
    onEditComment: (id, body) => track(actions.edit(id, { body })),
    onEditPost: (value) => track(actions.edit(post, { title: value.title, body: value.body })),
    onRetract: (id) => track(actions.retract(id)),
    ownsEntry: (id) => owned.has(id),
    onReact,
    onReport: (target, reason) => {
      setReported(false);
      track(actions.report({ space, target, reason }), () => setReported(true));
    },
    saving: writing > 0,
    reported,
  };
}
