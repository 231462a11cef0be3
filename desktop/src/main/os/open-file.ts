// Opening an attachment with the system's application. Why through main: the sandboxed renderer
// cannot write files or start programs. The bytes are written into a folder of the app's own under
// the system's temporary directory, under a sanitised base name (never a path the page chose), and
// handed to the OS (`shell.openPath`). A program or script (by any of its extensions) is never
// opened: its folder is shown instead, so opening an attachment can never run code by itself.
// Electron is injected, so this is tested without it.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { OpenFileRequest, OpenFileResult } from '../../shared/bridge.js';

export interface OpenFileSeam {
  /** The app's folder for opened attachments, e.g. join(app.getPath('temp'), 'hearth-attachments'). */
  dir: string;
  mkdir(path: string): Promise<unknown>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** shell.openPath: resolves to '' on success, else an error message. */
  openPath(path: string): Promise<string>;
  /** shell.showItemInFolder. */
  showItemInFolder(path: string): void;
}

/** Extensions whose files the OS would run rather than show. */
const RUNNABLE = new Set(['exe', 'msi', 'bat', 'cmd', 'com', 'scr', 'pif', 'cpl', 'ps1', 'psm1', 'vbs', 'vbe', 'js', 'jse', 'wsf', 'wsh', 'hta', 'jar', 'sh', 'command', 'app', 'dmg', 'pkg', 'deb', 'rpm', 'appimage', 'desktop', 'lnk', 'url', 'reg', 'msc', 'apk', 'run', 'bin', 'py', 'pl']);

/** A base name safe on every OS: no path, no reserved characters, no trailing dots or spaces. */
export function safeBaseName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(/[<>:"|?*]/g, '_')
    .split('')
    .filter((c) => c.charCodeAt(0) >= 32)
    .join('')
    .replace(/[. ]+$/, '')
    .slice(0, 200);
  return cleaned === '' || /^\.+$/.test(cleaned) ? 'attachment' : cleaned;
}

export function isRunnable(name: string): boolean {
  return name.toLowerCase().split('.').slice(1).some((ext) => RUNNABLE.has(ext.trim()));
}

export async function openFile(seam: OpenFileSeam, file: OpenFileRequest): Promise<OpenFileResult> {
  const name = safeBaseName(file.name);
  // One folder per opening: two attachments of the same name never overwrite each other.
  const folder = join(seam.dir, randomUUID());
  await seam.mkdir(folder);
  const path = join(folder, name);
  await seam.writeFile(path, file.bytes);
  if (isRunnable(name)) {
    seam.showItemInFolder(path);
    return { ok: true, how: 'shown' };
  }
  const error = await seam.openPath(path);
  return error === '' ? { ok: true, how: 'opened' } : { ok: false, message: error };
}
