// The main window: hardened preferences, hidden until the renderer has painted, loaded from
// app://hearth only. Routes (deep links, notification clicks) that arrive before the page has
// loaded are queued and delivered once it has.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { EVENT_CHANNELS } from '../../shared/ipc-contract.js';
import { APP_ENTRY_URL } from '../protocol/app-protocol.js';
import { hardenedWebPreferences } from '../security/web-preferences.js';

export function mainWindowOptions(preloadPath: string, icon?: string): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Hearth',
    backgroundColor: '#faf8f5',
    ...(icon === undefined ? {} : { icon }),
    webPreferences: hardenedWebPreferences(preloadPath),
  };
}

export interface MainWindow {
  window: BrowserWindow;
  navigate(route: string): void;
  focus(): void;
}

export function openMainWindow(create: (options: BrowserWindowConstructorOptions) => BrowserWindow, preloadPath: string, icon?: string): MainWindow {
  const window = create(mainWindowOptions(preloadPath, icon));
  let loaded = false;
  const pending: string[] = [];
  window.once('ready-to-show', () => window.show());
  window.webContents.on('did-finish-load', () => {
    loaded = true;
    for (const route of pending.splice(0)) window.webContents.send(EVENT_CHANNELS.navigate, route);
  });
  void window.loadURL(APP_ENTRY_URL);
  const focus = () => {
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  return {
    window,
    focus,
    navigate(route) {
      if (window.isDestroyed()) return;
      if (loaded) window.webContents.send(EVENT_CHANNELS.navigate, route);
      else pending.push(route);
    },
  };
}
