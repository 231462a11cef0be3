// Why: the renderer also runs as a web client, so it must never need Node. Every window gets these
// preferences and nothing else: a sandboxed, context-isolated renderer without Node integration,
// with web security on, no <webview> and no experimental features. Plain data, so a test can assert it.
import type { WebPreferences } from 'electron';

export function hardenedWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  } as const satisfies WebPreferences;
}
