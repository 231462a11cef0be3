// The only module that loads Electron (and electron-updater, which loads Electron itself) at run
// time. Everything else receives these objects as arguments or imports Electron's types only, so
// the main process can be unit-tested with test doubles and `electron` is never required in tests.
import { BrowserWindow, Menu, Notification, Tray, app, ipcMain, nativeImage, net, protocol, safeStorage, session, shell } from 'electron';
import type { UpdaterLike } from './updates/updater.js';

export const electron = { app, BrowserWindow, ipcMain, Menu, nativeImage, net, Notification, protocol, safeStorage, session, shell, Tray };

export type ElectronMain = typeof electron;

/** electron-updater, loaded only when updates may run (never under a policy that disables them). */
export async function loadElectronUpdater(): Promise<UpdaterLike> {
  const { autoUpdater } = await import('electron-updater');
  return autoUpdater as unknown as UpdaterLike;
}
