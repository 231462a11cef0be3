import { describe, expect, it } from 'vitest';
import { isRunnable, openFile, safeBaseName, type OpenFileSeam } from './open-file.js';

function seam(openError = '') {
  const calls: { wrote: string[]; opened: string[]; shown: string[] } = { wrote: [], opened: [], shown: [] };
  const s: OpenFileSeam = {
    dir: '/tmp/hearth-attachments',
    mkdir: () => Promise.resolve(),
    writeFile: (p) => {
      calls.wrote.push(p);
      return Promise.resolve();
    },
    openPath: (p) => {
      calls.opened.push(p);
      return Promise.resolve(openError);
    },
    showItemInFolder: (p) => calls.shown.push(p),
  };
  return { s, calls };
}

describe('opening an attachment with the system application', () => {
  it('writes the bytes under a safe base name in its own folder and opens it', async () => {
    const { s, calls } = seam();
    const r = await openFile(s, { name: '../../etc/report.pdf', mimeType: 'application/pdf', bytes: new Uint8Array([1, 2]) });
    expect(r).toEqual({ ok: true, how: 'opened' });
    expect(calls.wrote[0]).toMatch(/^\/tmp\/hearth-attachments\/[0-9a-f-]{36}\/report\.pdf$/);
    expect(calls.opened).toEqual(calls.wrote);
  });

  it('never opens a program or script: it shows it in its folder instead', async () => {
    const { s, calls } = seam();
    expect(await openFile(s, { name: 'invoice.pdf.exe', mimeType: 'application/pdf', bytes: new Uint8Array() })).toEqual({ ok: true, how: 'shown' });
    expect(calls.opened).toEqual([]);
    expect(calls.shown).toHaveLength(1);
    expect(isRunnable('setup.MSI')).toBe(true);
    expect(isRunnable('notes.txt')).toBe(false);
  });

  it('reports what the system said when it could not open the file', async () => {
    const { s } = seam('No application is associated');
    expect(await openFile(s, { name: 'a.xyz', mimeType: 'application/octet-stream', bytes: new Uint8Array() })).toEqual({ ok: false, message: 'No application is associated' });
  });

  it('keeps names valid on every system', () => {
    expect(safeBaseName('C:\\Users\\a\\plan:v2?.docx')).toBe('plan_v2_.docx');
    expect(safeBaseName('...')).toBe('attachment');
    expect(safeBaseName('name. ')).toBe('name');
  });
});
