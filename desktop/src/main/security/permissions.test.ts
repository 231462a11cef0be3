import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../protocol/app-protocol.js';
import { installPermissionHandlers } from './permissions.js';
import type { PermissionCheckHandler, PermissionRequestHandler } from './permissions.js';

function installed() {
  let request: PermissionRequestHandler | null = null;
  let check: PermissionCheckHandler | null = null;
  installPermissionHandlers({ setPermissionRequestHandler: (h) => (request = h), setPermissionCheckHandler: (h) => (check = h) }, isAppUrl);
  const ask = (permission: string, requestingUrl: string) => {
    let granted: boolean | null = null;
    request?.(null, permission, (g) => (granted = g), { requestingUrl });
    return granted;
  };
  return { ask, check: (permission: string, origin: string) => check?.(null, permission, origin) };
}

describe('permission handler', () => {
  it('grants notifications to the app itself', () => {
    expect(installed().ask('notifications', 'app://hearth/index.html')).toBe(true);
    expect(installed().check('notifications', 'app://hearth')).toBe(true);
  });

  it.each(['media', 'geolocation', 'clipboard-read', 'hid', 'openExternal', 'fullscreen', 'display-capture'])('refuses %s without asking', (permission) => {
    expect(installed().ask(permission, 'app://hearth/index.html')).toBe(false);
    expect(installed().check(permission, 'app://hearth')).toBe(false);
  });

  it('refuses notifications to any other origin', () => {
    expect(installed().ask('notifications', 'https://evil.example/')).toBe(false);
    expect(installed().ask('notifications', 'app://other/index.html')).toBe(false);
  });
});
