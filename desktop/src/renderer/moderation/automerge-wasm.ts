// Loading Automerge's WebAssembly once, only for the people who moderate. Why the slim entry and
// the base64 module: the default entry picks a loader by bundler condition (a `.wasm` import that
// Vite cannot build without a plugin); the slim entry plus the wasm as a base64 string works the
// same in `vite build`, in the browser, in Electron and in vitest/jsdom. Why a dynamic import: the
// string is ~5 MB, so Vite splits it into its own chunk that employees never download (the offline
// shell still precaches it, so a moderator can open the review pane offline).
import { initializeBase64Wasm, isWasmInitialized } from '@automerge/automerge/slim';

let loading: Promise<void> | null = null;

export function loadAutomerge(): Promise<void> {
  if (isWasmInitialized()) return Promise.resolve();
  loading ??= import('@automerge/automerge/automerge.wasm.base64')
    .then(({ automergeWasmBase64 }) => initializeBase64Wasm(automergeWasmBase64))
    .catch((error: unknown) => {
      loading = null; // a failed chunk load (offline before the shell was cached) may be retried
      throw error;
    });
  return loading;
}
