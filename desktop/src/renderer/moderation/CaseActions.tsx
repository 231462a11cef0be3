// The actions on a case, each a button with its shortcut key shown and announced
// (aria-keyshortcuts), so everything the keys do can also be reached with Tab.
import type { CaseAction } from '@hearth/core';
import type { MessageKey } from '../i18n/index.js';
import { useStrings } from '../i18n/index.js';
import { keyOf, type ReviewCommand } from './review-keys.js';

export type ActionCommand = Extract<ReviewCommand, CaseAction | 'note'>;

export const ACTION_COMMANDS: readonly ActionCommand[] = ['approve', 'hide', 'restore', 'warn', 'escalate', 'note'];

const LABEL: Record<ActionCommand, MessageKey> = {
  approve: 'review.action.approve',
  hide: 'review.action.hide',
  restore: 'review.action.restore',
  warn: 'review.action.warn',
  escalate: 'review.action.escalate',
  note: 'review.action.note',
};

export function CaseActions({ onCommand, active }: { onCommand: (command: ActionCommand) => void; active: ActionCommand | null }) {
  const s = useStrings();
  return (
    <div className="review-actions" role="group" aria-label={s.t('review.actions')}>
      {ACTION_COMMANDS.map((command) => {
        const key = keyOf(command);
        return (
          <button
            key={command}
            type="button"
            className={command === 'approve' ? 'button-primary' : 'button-quiet'}
            aria-keyshortcuts={key}
            aria-pressed={command === active ? true : undefined}
            data-command={command}
            onClick={() => onCommand(command)}
          >
            {s.t(LABEL[command])} <kbd aria-hidden="true">{key}</kbd>
          </button>
        );
      })}
    </div>
  );
}
