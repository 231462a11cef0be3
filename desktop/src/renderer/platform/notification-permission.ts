// Whether the app may show notifications, and asking for it. Electron shows OS notifications
// without asking (the OS settings decide); a browser asks the person once, and only when they
// click "Turn on notifications" — never on load, where browsers show the prompt quietly or not at
// all and people learn to deny it.
import { getBridge } from './bridge.js';

export type NotificationPermissionState = 'granted' | 'denied' | 'default' | 'unsupported';

export function notificationPermission(): NotificationPermissionState {
  if (getBridge().kind === 'electron') return 'granted';
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.permission;
}

/** Call from a click handler (browsers ignore requests without a user gesture). */
export async function askNotificationPermission(): Promise<NotificationPermissionState> {
  if (getBridge().kind === 'electron' || typeof Notification === 'undefined') return notificationPermission();
  return Notification.requestPermission();
}
