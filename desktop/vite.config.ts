// Builds the renderer, which is also the web client the relay serves (`--web desktop/dist/web`).
// Why the alias: the renderer compiles core from its TypeScript sources, so a web build never
// depends on a stale core/dist, the same way the vitest projects resolve it (vitest.shared.ts).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { favicon } from './scripts/favicon-plugin.js';
import { offlineShell } from './scripts/offline-shell-plugin.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Workers have no DOM. Why this plugin: the search worker reads Markdown as plain text (mdast),
 * whose entity decoder picks its `browser` build — one that calls document.createElement at load —
 * so the worker died on start and on-device search answered nothing. In workers it takes the
 * package's plain build (its `worker` condition) instead.
 */
function workerWithoutDom(): Plugin {
  const plain = createRequire(import.meta.url).resolve('decode-named-character-reference');
  return {
    name: 'hearth-worker-without-dom',
    enforce: 'pre',
    resolveId: (id) => (id === 'decode-named-character-reference' ? plain : null),
  };
}

export default defineConfig({
  root: here('.'),
  // Relative asset URLs: the same bundle is served by the relay under any path and loaded by
  // Electron from a custom protocol.
  base: './',
  plugins: [react(), favicon(here('../assets/icons/icon.png')), offlineShell()],
  resolve: { alias: { '@hearth/core': here('../core/src/index.ts') } },
  worker: { format: 'es', plugins: () => [workerWithoutDom()] },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
});
