import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, relayOrigins } from './csp.js';

const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));

describe('Content-Security-Policy', () => {
  it('lets the page connect only to the configured relay (sync and token endpoints)', () => {
    const csp = contentSecurityPolicy('wss://hearth.corp.example.com:8443/');
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' wss://hearth.corp.example.com:8443 https://hearth.corp.example.com:8443");
  });

  it('runs only the app’s own scripts: no inline script, no eval, no plugins, no framing', () => {
    const csp = contentSecurityPolicy('ws://127.0.0.1:1234');
    // 'wasm-unsafe-eval' lets the review pane compile Automerge's WebAssembly; it does not allow eval.
    expect(directive(csp, 'script-src')).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(directive(csp, 'script-src')).not.toContain("'unsafe-inline'");
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(csp, 'default-src')).toBe("default-src 'none'");
  });

  it('plays attachment videos from the device (blob:) or streamed from the configured relay only', () => {
    expect(directive(contentSecurityPolicy('wss://hearth.corp.example.com:8443/'), 'media-src')).toBe("media-src 'self' blob: https://hearth.corp.example.com:8443");
    expect(directive(contentSecurityPolicy(null), 'media-src')).toBe("media-src 'self' blob:");
  });

  it('allows nothing but the app when the configured relay is not a relay address', () => {
    expect(directive(contentSecurityPolicy('file:///etc/passwd'), 'connect-src')).toBe("connect-src 'self'");
    expect(relayOrigins('wss://user:pw@relay.example')).toBeNull();
  });

  it('before a relay is chosen, lets the sign-in screen reach the address a person types', () => {
    expect(directive(contentSecurityPolicy(null), 'connect-src')).toBe("connect-src 'self' ws: wss: http: https:");
  });
});
