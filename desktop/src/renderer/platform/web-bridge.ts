// The web fallback of the preload bridge: the Notification API, the document title as a badge, and
// localStorage for the session. Why localStorage for a token: the web client has no keychain; the
// Electron build replaces this with safeStorage through the preload.
import type { HearthBridge, StoredSession } from '../../shared/bridge.js';
import { defaultSettingsView } from '../../shared/settings.js';

const SESSION_KEY = 'hearth.session';

function readSession(): StoredSession | null {
  try {
    const raw = localStorage.getItem(SESSION_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<StoredSession>;
    if (typeof value.personId !== 'string' || typeof value.token !== 'string' || typeof value.relayUrl !== 'string') return null;
    return { personId: value.personId, token: value.token, relayUrl: value.relayUrl, expiresAt: value.expiresAt ?? null };
  } catch {
    return null;
  }
}

export function createWebBridge(): HearthBridge {
  const baseTitle = typeof document === 'undefined' ? 'Hearth' : document.title;
  return {
    kind: 'web',
    async notify({ title, body, route }) {
      // Permission is asked only when the person clicks "Turn on notifications"
      // (platform/notification-permission.ts), never here in the background.
      if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
      const n = new Notification(title, { body });
      n.onclick = () => {
        if (route) location.hash = route;
        window.focus();
      };
    },
    async openFile({ name, mimeType, bytes }) {
      // A browser cannot hand a file to another application: it downloads it.
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mimeType }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { ok: true, how: 'downloaded' };
    },
    async setBadge(count) {
      document.title = count > 0 ? `(${count}) ${baseTitle}` : baseTitle;
    },
    async loadSession() {
      return readSession();
    },
    async saveSession(session) {
      localStorage.setItem(SESSION_KEY, JSON.stringify(session));
    },
    async clearSession() {
      // Keep the relay address: the next sign-in offers it again.
      const previous = readSession();
      localStorage.removeItem(SESSION_KEY);
      if (previous) localStorage.setItem('hearth.relayUrl', previous.relayUrl);
    },
    async managedConfig() {
      return {};
    },
    // The web client has no machine policy, no system-browser sign-in and no updater of its own.
    async tokenStorage() {
      return { kind: 'browser-storage' };
    },
    async settings() {
      return defaultSettingsView();
    },
    async signIn() {
      return { ok: false, reason: 'not-configured', message: 'Single sign-on is available in the desktop app.' };
    },
    // The web client renews its company sign-in itself (sync/company-sign-in.ts).
    async renewSession() {
      return { ok: false, reason: 'refused', message: 'The web client renews its own sign-in.' };
    },
    async updateStatus() {
      return { state: 'disabled', reason: 'web' };
    },
    async installUpdate() {},
    onUpdateStatus() {
      return () => {};
    },
    onNavigate() {
      return () => {};
    },
  };
}
