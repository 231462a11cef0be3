// Where the web client asks for the notification permission: on the screens where notifications
// matter (Inbox, Messages, Settings), as a card with a button, until the person answers or says
// "Not now" (remembered on this device). Electron needs no permission and never shows it.
import { useState } from 'react';
import { NotificationPrompt } from '../components/NotificationPrompt.js';
import { askNotificationPermission, notificationPermission, type NotificationPermissionState } from '../platform/notification-permission.js';

const LATER_KEY = 'hearth.notifyPrompt.later';

export function NotificationPromptSlot({ always = false }: { always?: boolean }) {
  const [state, setState] = useState<NotificationPermissionState>(() => notificationPermission());
  const [later, setLater] = useState(() => localStorage.getItem(LATER_KEY) === '1');
  if (state === 'granted' || state === 'unsupported') return null;
  if (state === 'default' && later && !always) return null;
  if (state === 'denied' && !always) return null;
  return (
    <NotificationPrompt
      state={state}
      onTurnOn={() => void askNotificationPermission().then(setState)}
      onLater={() => {
        localStorage.setItem(LATER_KEY, '1');
        setLater(true);
      }}
    />
  );
}
