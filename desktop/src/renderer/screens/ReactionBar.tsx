// Reactions on a post or comment: the UI engineer's ReactionBar wired to the outbox. Adding writes
// a reaction entry; taking it back retracts the person's own entries for that emoji.
import type { OutboxEntry, PersonId, Reaction } from '@hearth/core';
import { ReactionBar as Bar } from '../components/ReactionBar.js';
import { useActions } from '../hooks/use-actions.js';
import { useNameOf, useOutbox } from '../hooks/use-data.js';
import { useServices } from '../hooks/services-context.js';

export function ReactionBar({ space, target, reactions, label }: { space: string; target: string; reactions: Partial<Record<Reaction, PersonId[]>>; label: string }) {
  const { me } = useServices();
  const actions = useActions();
  const outbox = useOutbox();
  const nameOf = useNameOf();
  const toggle = (emoji: Reaction, add: boolean) => {
    if (add) {
      void actions.react({ space, target, emoji });
      return;
    }
    const mine = outbox.filter((e): e is Extract<OutboxEntry, { type: 'reaction' }> => e.type === 'reaction' && e.target === target && e.emoji === emoji && !e.retracted);
    for (const e of mine) void actions.retract(e.id);
  };
  return <Bar reactions={reactions} me={me} nameOf={nameOf} onToggle={toggle} label={label} />;
}
