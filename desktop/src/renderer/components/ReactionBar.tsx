// Reactions on a post, comment or message: the reactions so far as toggle buttons (pressed when
// you reacted), and an "Add reaction" button that opens a picker of the fixed REACTIONS set. The
// picker is keyboard operable: arrows move, Enter/Space picks, Escape closes and returns focus.
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { PersonId, Reaction } from '@hearth/core';
import type { NameOf } from './types.js';
import { REACTIONS, REACTION_LABELS } from './constants.js';
import { useStrings } from '../i18n/index.js';

export interface ReactionBarProps {
  reactions: Partial<Record<Reaction, PersonId[]>>;
  me: PersonId;
  nameOf: NameOf;
  /** add: true to react, false to take the reaction back. */
  onToggle: (emoji: Reaction, add: boolean) => void;
  /** What the reactions are on, for screen readers: "Reactions to Anna Berg's comment". */
  label: string;
  disabled?: boolean;
}

export function ReactionBar({ reactions, me, nameOf, onToggle, label, disabled = false }: ReactionBarProps) {
  const s = useStrings();
  const id = useId();
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const picker = useRef<HTMLDivElement>(null);

  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };
  const openPicker = () => {
    setOpen(true);
    requestAnimationFrame(() => picker.current?.querySelector<HTMLButtonElement>('button')?.focus());
  };
  const pick = (emoji: Reaction) => {
    onToggle(emoji, !(reactions[emoji] ?? []).includes(me));
    close();
  };
  const onPickerKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(picker.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const step: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key in step) {
      event.preventDefault();
      const next = (index + (step[event.key] ?? 0) + buttons.length) % buttons.length;
      buttons[next]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      buttons[event.key === 'Home' ? 0 : buttons.length - 1]?.focus();
    }
  };

  const present = REACTIONS.filter((emoji) => (reactions[emoji]?.length ?? 0) > 0);
  const whoReacted = (who: readonly PersonId[]) => {
    const others = who.filter((p) => p !== me).map(nameOf);
    const names = who.includes(me) ? [s.t('reactions.youName'), ...others] : others;
    return s.formatList(names.slice(0, 10)) + (names.length > 10 ? ` ${s.t('reactions.andMore', { count: names.length - 10 })}` : '');
  };

  return (
    <div className="reaction-bar" role="group" aria-label={label}>
      {present.map((emoji) => {
        const who = reactions[emoji] ?? [];
        const mine = who.includes(me);
        const names = whoReacted(who);
        return (
          <button
            key={emoji}
            type="button"
            className="reaction"
            aria-pressed={mine}
            disabled={disabled}
            title={names}
            aria-label={s.t('reactions.toggle', { reaction: s.t(REACTION_LABELS[emoji]), count: who.length, names })}
            onClick={() => onToggle(emoji, !mine)}
          >
            <span aria-hidden="true">{emoji}</span>
            <span aria-hidden="true" className="reaction-count">
              {s.formatNumber(who.length)}
            </span>
          </button>
        );
      })}
      <button
        ref={trigger}
        type="button"
        className="reaction reaction-add"
        aria-expanded={open}
        aria-controls={open ? `${id}-picker` : undefined}
        disabled={disabled}
        onClick={() => (open ? close() : openPicker())}
      >
        <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <circle cx="11" cy="13" r="8" />
          <path d="M8 15.5c1.5 1.5 4.5 1.5 6 0M8.5 11h.01M13.5 11h.01M19 2v5M16.5 4.5h5" />
        </svg>
        <span className="visually-hidden">{s.t('reactions.add')}</span>
      </button>
      {open && (
        <div
          ref={picker}
          id={`${id}-picker`}
          className="reaction-picker"
          role="group"
          aria-label={s.t('reactions.picker')}
          onKeyDown={onPickerKey}
        >
          {REACTIONS.map((emoji) => (
            <button
              key={emoji}
              type="button"
              className="reaction-choice"
              aria-label={s.t(REACTION_LABELS[emoji])}
              aria-pressed={(reactions[emoji] ?? []).includes(me)}
              title={s.t(REACTION_LABELS[emoji])}
              onClick={() => pick(emoji)}
            >
              <span aria-hidden="true">{emoji}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
