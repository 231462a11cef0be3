// The person's notification settings (core's notification-settings), read from and written to
// their outbox document, so every device of theirs follows the same ones.
import { useMemo } from 'react';
import { readNotificationSettings, setConversationMuted, setQuietHours, setSpaceNotifyLevel, type NotificationSettings, type QuietHours, type SpaceNotifyLevel } from '@hearth/core';
import { useServices } from './services-context.js';
import { useRoomView } from './use-room.js';

export interface NotificationSettingsApi {
  settings: NotificationSettings;
  setSpaceLevel(space: string, level: SpaceNotifyLevel): Promise<void>;
  setMuted(conversation: string, muted: boolean): Promise<void>;
  setQuietHours(quiet: QuietHours | null): Promise<void>;
}

export function useNotificationSettings(): NotificationSettingsApi {
  const { me, outbox } = useServices();
  const { view: settings } = useRoomView(`outbox/${me}`, readNotificationSettings);
  return useMemo(
    () => ({
      settings,
      setSpaceLevel: (space, level) => outbox.commit((doc) => setSpaceNotifyLevel(doc, space, level), () => null),
      setMuted: (conversation, muted) => outbox.commit((doc) => setConversationMuted(doc, conversation, muted), () => null),
      setQuietHours: (quiet) => outbox.commit((doc) => setQuietHours(doc, quiet), () => null),
    }),
    [settings, outbox],
  );
}
