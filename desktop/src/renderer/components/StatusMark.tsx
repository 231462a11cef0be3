// A small visible mark for the author's own unpublished items: waiting for the relay, held by the
// policy, or rejected. Text, not colour alone, carries the meaning.
import type { PendingMark } from '@hearth/core';
import { useStrings } from '../i18n/index.js';

export interface StatusMarkProps {
  mark: PendingMark | 'published' | 'unread';
}

export function StatusMark({ mark }: StatusMarkProps) {
  const s = useStrings();
  const label = {
    pending: s.t('mark.pending'),
    held: s.t('mark.held'),
    rejected: s.t('mark.rejected'),
    published: s.t('mark.published'),
    unread: s.t('mark.unread'),
  }[mark];
  const hint = {
    pending: s.t('mark.pendingHint'),
    held: s.t('mark.heldHint'),
    rejected: s.t('mark.rejectedHint'),
    published: s.t('mark.publishedHint'),
    unread: s.t('mark.unreadHint'),
  }[mark];
  return (
    <span className={`mark mark-${mark}`} title={hint}>
      {label}
    </span>
  );
}
