// Which items (posts, notices) the person has read, kept locally (never synced).
import { useLocalIdSet } from './local-id-set.js';

export function useReadState(): { isRead: (id: string) => boolean; markRead: (ids: string[]) => void } {
  const { has, add } = useLocalIdSet('reads');
  return { isRead: has, markRead: add };
}
