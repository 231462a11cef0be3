import { describe, expect, it, vi } from 'vitest';
import { attachNavigationGuards, externalLinkUrl } from './navigation-guards.js';
import type { GuardableContents, PreventableEvent } from './navigation-guards.js';

function fakeContents() {
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  const listeners = new Map<string, (event: PreventableEvent, url?: string) => void>();
  const contents = {
    setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' }) => (openHandler = h),
    on(event: string, listener: (event: PreventableEvent, url?: string) => void) {
      listeners.set(event, listener);
      return contents;
    },
  };
  const openExternal = vi.fn();
  attachNavigationGuards(contents as unknown as GuardableContents, openExternal);
  const fire = (event: string, url?: string) => {
    const e = { preventDefault: vi.fn() };
    listeners.get(event)?.(e, url);
    return e.preventDefault;
  };
  return { openWindow: (url: string) => openHandler?.({ url }), fire, openExternal };
}

describe('window.open', () => {
  it('is always denied; an https link opens in the system browser instead', () => {
    const c = fakeContents();
    expect(c.openWindow('https://intranet.example.com/doc?id=1')).toEqual({ action: 'deny' });
    expect(c.openExternal).toHaveBeenCalledWith('https://intranet.example.com/doc?id=1');
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'app://hearth/index.html', 'smb://server/share', 'https://user:pw@example.com/', 'not a url', 'https:///'])(
    'does not hand %s to the system',
    (url) => {
      const c = fakeContents();
      expect(c.openWindow(url)).toEqual({ action: 'deny' });
      expect(c.openExternal).not.toHaveBeenCalled();
    },
  );
});

describe('navigation', () => {
  it('prevents every navigation of the app window, sending web links to the browser', () => {
    const c = fakeContents();
    expect(c.fire('will-navigate', 'https://evil.example/')).toHaveBeenCalled();
    expect(c.openExternal).toHaveBeenCalledWith('https://evil.example/');
    expect(c.fire('will-navigate', 'file:///C:/Windows/')).toHaveBeenCalled();
    expect(c.openExternal).toHaveBeenCalledTimes(1);
  });

  it('refuses to attach a <webview>', () => {
    expect(fakeContents().fire('will-attach-webview')).toHaveBeenCalled();
  });
});

describe('externalLinkUrl', () => {
  it('normalises with the URL parser rather than matching text', () => {
    expect(externalLinkUrl('HTTPS://Example.COM/a b')).toBe('https://example.com/a%20b');
    expect(externalLinkUrl(' javascript:https://x')).toBeNull();
  });
});
