import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from './app-menu.js';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [...(item.role === undefined ? [] : [item.role]), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);
}

describe('application menu', () => {
  it('has the usual shortcuts on every platform (quit, edit, zoom, full screen, window)', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const r = roles(appMenuTemplate(platform, true));
      expect(r).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'reload', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'quit']));
    }
    expect(roles(appMenuTemplate('darwin', true))).toEqual(expect.arrayContaining(['about', 'hide', 'close']));
  });

  it('offers developer tools only in development builds', () => {
    expect(roles(appMenuTemplate('win32', true))).not.toContain('toggleDevTools');
    expect(roles(appMenuTemplate('win32', false))).toContain('toggleDevTools');
  });
});
