// A Vite plugin that emits `favicon.ico` from the app icon (assets/icons/icon.png), so the web
// client the relay serves (`--web`) answers the browser's /favicon.ico from its static files
// instead of a 404, with the same icon the installers use. Why an ICO around the PNG: browsers ask
// for /favicon.ico by that name, and an ICO may hold a PNG image as it is (since Windows Vista),
// so no image library is needed — only the 22-byte header and directory written here.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

export function favicon(pngPath: string): Plugin {
  return {
    name: 'hearth-favicon',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'favicon.ico', source: icoFromPng(readFileSync(pngPath)) });
    },
  };
}

/** An ICO file holding one PNG image. Width and height are read from the PNG's IHDR chunk. */
export function icoFromPng(png: Uint8Array): Uint8Array {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.byteLength < 24 || signature.some((b, i) => png[i] !== b)) throw new Error('favicon: the icon is not a PNG file');
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const out = new Uint8Array(22 + png.byteLength);
  const ico = new DataView(out.buffer);
  ico.setUint16(0, 0, true); // reserved
  ico.setUint16(2, 1, true); // type: icon
  ico.setUint16(4, 1, true); // one image
  out[6] = width >= 256 ? 0 : width; // 0 means 256 or more
  out[7] = height >= 256 ? 0 : height;
  out[8] = 0; // no palette
  out[9] = 0;
  ico.setUint16(10, 1, true); // colour planes
  ico.setUint16(12, 32, true); // bits per pixel
  ico.setUint32(14, png.byteLength, true);
  ico.setUint32(18, 22, true); // the image follows the directory
  out.set(png, 22);
  return out;
}
