// Reactions on a post or comment: the fixed set, each a toggle. Taking one back retracts the
// person's own reaction entries for that emoji.
import type { OutboxEntry, PersonId, Reaction } from '@hearth/core';
import { REACTIONS, REACTION_LABELS } from '../components/constants.js';
import { useStrings } from '../i18n/index.js';
import { useActions } from '../hooks/use-actions.js';
import { useOutbox } from '../hooks/use-data.js';
import { useServices } from '../hooks/services-context.js';

export function ReactionBar({ space, target, reactions }: { space: string; target: string; reactions: Partial<Record<Reaction, PersonId[]>> }) {
  const s = useStrings();
  const { me } = useServices();
  const actions = useActions();
  const outbox = useOutbox();
  const toggle = (emoji: Reaction) => {
    const mine = outbox.filter((e): e is Extract<OutboxEntry, { type: 'reaction' }> => e.type === 'reaction' && e.target === target && e.emoji === emoji && !e.retracted);
    if (mine.length > 0) for (const e of mine) void actions.retract(e.id);
    else void actions.react({ space, target, emoji });
  };
  return (
    <div className="reaction-bar" role="group" aria-label={s.t('reactions.picker')}>
      {REACTIONS.map((emoji) => {
        const who = reactions[emoji] ?? [];
        const pressed = who.includes(me);
        return (
          <button key={emoji} type="button" className={`reaction${pressed ? ' is-mine' : ''}`} aria-pressed={pressed} aria-label={s.t(REACTION_LABELS[emoji])} onClick={() => toggle(emoji)}>
            <span aria-hidden="true">{emoji}</span>
            {who.length > 0 && <span className="reaction-count">{who.length}</span>}
          </button>
        );
      })}
    </div>
  );
}
