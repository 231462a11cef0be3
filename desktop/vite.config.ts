// Builds the renderer, which is also the web client the relay serves (`--web desktop/dist/web`).
// Why the alias: the renderer compiles core from its TypeScript sources, so a web build never
// depends on a stale core/dist, the same way the vitest projects resolve it (vitest.shared.ts).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { favicon } from './scripts/favicon-plugin.js';
import { offlineShell } from './scripts/offline-shell-plugin.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  // Relative asset URLs: the same bundle is served by the relay under any path and loaded by
  // Electron from a custom protocol.
  base: './',
  plugins: [react(), favicon(here('../assets/icons/icon.png')), offlineShell()],
  resolve: { alias: { '@hearth/core': here('../core/src/index.ts') } },
  worker: { format: 'es' },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
});
