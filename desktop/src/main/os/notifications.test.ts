import { describe, expect, it, vi } from 'vitest';
import { createNotifier } from './notifications.js';

describe('notifications', () => {
  it('shows a native notification; a click focuses the window and opens its route', () => {
    let click: () => void = () => {};
    const shown = { on: (_e: 'click', l: () => void) => (click = l), show: vi.fn() };
    const deps = { isSupported: () => true, create: vi.fn(() => shown), focusWindow: vi.fn(), navigate: vi.fn() };
    createNotifier(deps)({ title: 'Binu mentioned you', body: 'in Engineering', route: '#/post/eng/01H' });
    expect(deps.create).toHaveBeenCalledWith({ title: 'Binu mentioned you', body: 'in Engineering', silent: false });
    expect(shown.show).toHaveBeenCalled();
    click();
    expect(deps.focusWindow).toHaveBeenCalled();
    expect(deps.navigate).toHaveBeenCalledWith('#/post/eng/01H');
  });

  it('does nothing where the system has no notifications', () => {
    const deps = { isSupported: () => false, create: vi.fn(), focusWindow: vi.fn(), navigate: vi.fn() };
    createNotifier(deps)({ title: 't', body: 'b' });
    expect(deps.create).not.toHaveBeenCalled();
  });
});
