// Small lookups the components share: the spoken name of each reaction, and a fresh copy of core's
// mention pattern (a /g RegExp keeps state between calls, so each use gets its own).
import { MENTION_PATTERN, type Reaction } from '@hearth/core';
import type { MessageKey } from '../i18n/index.js';

export { LIMITS, POST_KINDS, REACTIONS } from '@hearth/core';

/** The spoken name of each reaction, for screen readers and tooltips. */
export const REACTION_LABELS: Record<Reaction, MessageKey> = {
  '👍': 'reaction.thumbsUp',
  '❤️': 'reaction.heart',
  '🎉': 'reaction.celebrate',
  '😄': 'reaction.smile',
  '😮': 'reaction.surprised',
  '🙏': 'reaction.thanks',
  '👀': 'reaction.eyes',
  '✅': 'reaction.done',
};

/** Mentions as core writes them: `<@personId>`. */
export const mentionPattern = (): RegExp => new RegExp(MENTION_PATTERN.source, 'g');
