// The review pane's single-key shortcuts, in one table: the key handler and the visible legend
// read the same list, so the legend can never disagree with what the keys do.
import type { MessageKey } from '../i18n/index.js';

export type ReviewCommand = 'next' | 'previous' | 'open' | 'back' | 'legend' | 'approve' | 'hide' | 'restore' | 'warn' | 'escalate' | 'note';

export interface Shortcut {
  keys: readonly string[];
  /** What the legend shows for the keys. */
  label: string;
  command: ReviewCommand;
  description: MessageKey;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['j', 'ArrowDown'], label: 'j / ↓', command: 'next', description: 'review.key.next' },
  { keys: ['k', 'ArrowUp'], label: 'k / ↑', command: 'previous', description: 'review.key.previous' },
  { keys: ['Enter'], label: 'Enter', command: 'open', description: 'review.key.open' },
  { keys: ['Escape'], label: 'Esc', command: 'back', description: 'review.key.back' },
  { keys: ['a'], label: 'a', command: 'approve', description: 'review.action.approve' },
  { keys: ['h'], label: 'h', command: 'hide', description: 'review.action.hide' },
  { keys: ['r'], label: 'r', command: 'restore', description: 'review.action.restore' },
  { keys: ['w'], label: 'w', command: 'warn', description: 'review.action.warn' },
  { keys: ['e'], label: 'e', command: 'escalate', description: 'review.action.escalate' },
  { keys: ['n'], label: 'n', command: 'note', description: 'review.action.note' },
  { keys: ['?'], label: '?', command: 'legend', description: 'review.key.legend' },
];

/** The shortcut key of a command, for aria-keyshortcuts and button hints. */
export function keyOf(command: ReviewCommand): string {
  return SHORTCUTS.find((s) => s.command === command)?.keys[0] ?? '';
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

/** Whether the key is typed into a field (then it is text, not a shortcut). */
function inField(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Whether the key stands on a control that uses it itself (Enter on a button or link, arrows in a select). */
function ownedByControl(event: KeyLike): boolean {
  if (typeof HTMLElement === 'undefined' || !(event.target instanceof HTMLElement)) return false;
  const tag = event.target.tagName;
  return event.key === 'Enter' && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY');
}

/**
 * The command a key press means in the review pane, or null. Modified keys (Ctrl, Cmd, Alt) are the
 * browser's and the system's; keys typed into a field are text, except Escape, which leaves it.
 */
export function commandOf(event: KeyLike): ReviewCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (inField(event.target)) return event.key === 'Escape' ? 'back' : null;
  if (ownedByControl(event)) return null;
  return SHORTCUTS.find((s) => s.keys.includes(event.key))?.command ?? null;
}
