import { describe, expect, it, vi } from 'vitest';
import { applyUnreadCount } from './badge.js';

function targets(platform: NodeJS.Platform) {
  return { platform, setBadgeCount: vi.fn(), setOverlay: vi.fn(), setTrayTooltip: vi.fn() };
}

describe('unread badge', () => {
  it('sets the dock badge on macOS and the tray tooltip', () => {
    const t = targets('darwin');
    applyUnreadCount(3, t);
    expect(t.setBadgeCount).toHaveBeenCalledWith(3);
    expect(t.setTrayTooltip).toHaveBeenCalledWith('Hearth — 3 unread');
  });

  it('uses a taskbar overlay on Windows, capped at 99+, and clears it at zero', () => {
    const t = targets('win32');
    applyUnreadCount(250, t);
    expect(t.setOverlay).toHaveBeenLastCalledWith('99+');
    applyUnreadCount(0, t);
    expect(t.setOverlay).toHaveBeenLastCalledWith(null);
    expect(t.setTrayTooltip).toHaveBeenLastCalledWith('Hearth');
    expect(t.setBadgeCount).not.toHaveBeenCalled();
  });
});
