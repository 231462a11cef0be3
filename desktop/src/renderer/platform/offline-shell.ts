// Registers the app-shell service worker (see scripts/offline-shell-plugin.ts) in the web client,
// so a reload with no network still opens the app. Not in development (Vite serves the files) and
// not where service workers cannot run (Electron's custom protocol, plain-http non-local origins).
export function registerOfflineShell(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
  navigator.serviceWorker.register('./sw.js').catch(() => {
    // Without it the app still works online and keeps its data offline; only a cold reload offline fails.
  });
}
