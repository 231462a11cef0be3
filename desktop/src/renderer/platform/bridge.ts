// The one seam between the renderer and its host. In Electron the preload exposes `window.hearth`;
// in a browser it is absent and the web fallback is used. Nothing else in the renderer checks
// which host it runs in.
import type { HearthBridge } from '../../shared/bridge.js';
import { createWebBridge } from './web-bridge.js';

declare global {
  interface Window {
    hearth?: HearthBridge;
  }
}

let bridge: HearthBridge | null = null;

export function getBridge(): HearthBridge {
  if (bridge === null) {
    bridge = (typeof window !== 'undefined' && window.hearth) || createWebBridge();
    // Deep links and notification clicks from the host open their hash route (routing is by hash).
    bridge.onNavigate((route) => {
      location.hash = route;
    });
  }
  return bridge;
}

/** Tests inject a fake host. */
export function setBridgeForTests(next: HearthBridge | null): void {
  bridge = next;
}
