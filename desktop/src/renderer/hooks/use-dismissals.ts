// Inbox notices the person dismissed. A dismissal is the person's own state, not the relay's word:
// the inbox document is written by the relay only, so it is kept in this device's database (like
// read marks), never written into the inbox.
import { useLocalIdSet } from './local-id-set.js';

export function useDismissals(): { isDismissed: (noticeId: string) => boolean; dismiss: (noticeId: string) => void; undismiss: (noticeId: string) => void } {
  const { has, add, remove } = useLocalIdSet('dismissals');
  return { isDismissed: has, dismiss: (id) => add([id]), undismiss: (id) => remove([id]) };
}
