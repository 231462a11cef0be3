// The unread count where people look for it: the dock badge on macOS, the launcher badge on Linux
// (Unity-compatible launchers), an overlay on the Windows taskbar button, and the tray tooltip.

export interface BadgeTargets {
  platform: NodeJS.Platform;
  setBadgeCount(count: number): void;
  /** Windows taskbar overlay: a label such as '3' or '99+', or null to clear it. */
  setOverlay(label: string | null): void;
  setTrayTooltip(text: string): void;
}

export function badgeLabel(count: number): string | null {
  if (count <= 0) return null;
  return count > 99 ? '99+' : String(count);
}

export function applyUnreadCount(count: number, targets: BadgeTargets, appName = 'Hearth'): void {
  const label = badgeLabel(count);
  if (targets.platform === 'win32') targets.setOverlay(label);
  else targets.setBadgeCount(Math.max(0, count));
  targets.setTrayTooltip(label === null ? appName : `${appName} — ${label} unread`);
}
