// The tray icon (and the Windows taskbar overlay dot), drawn as bitmaps in code so the app needs no
// image files at run time, and the tray's menu: open Hearth, quit.
import type { MenuItemConstructorOptions } from 'electron';

export const HEARTH_ORANGE: readonly [number, number, number] = [0xd9, 0x5d, 0x1e];
export const BADGE_RED: readonly [number, number, number] = [0xd0, 0x21, 0x21];

/** A filled, anti-aliased circle as BGRA pixels (nativeImage.createFromBitmap's format). */
export function circleBitmap(size: number, [r, g, b]: readonly [number, number, number]): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const centre = (size - 1) / 2;
  const radius = size / 2 - 0.5;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x - centre, y - centre);
      const alpha = Math.max(0, Math.min(1, radius - distance + 0.5));
      const i = (y * size + x) * 4;
      pixels[i] = b;
      pixels[i + 1] = g;
      pixels[i + 2] = r;
      pixels[i + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

export function trayMenuTemplate(openWindow: () => void, quit: () => void, appName = 'Hearth'): MenuItemConstructorOptions[] {
  return [{ label: `Open ${appName}`, click: openWindow }, { type: 'separator' }, { label: `Quit ${appName}`, click: quit }];
}
