import { describe, expect, it } from 'vitest';
import { defaultRelayUrl, httpBase, normaliseRelayUrl } from './relay-url.js';
import { tokenExpiry } from './tokens.js';
import { aggregateConnection } from './connection-state.js';
import { parseRelayNotice } from './relay-notices.js';

describe('relay addresses', () => {
  it('defaults to the page origin with a ws scheme', () => {
    expect(defaultRelayUrl({ protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080');
    expect(defaultRelayUrl({ protocol: 'https:', host: 'hearth.example.com' })).toBe('wss://hearth.example.com');
  });
  it('normalises what people type', () => {
    expect(normaliseRelayUrl('http://h:1/')).toBe('ws://h:1');
    expect(normaliseRelayUrl('h:1')).toBe('ws://h:1');
    expect(httpBase('wss://h')).toBe('https://h');
  });
});

describe('tokens', () => {
  it('reads the expiry of a JWT without verifying it', () => {
    const payload = btoa(JSON.stringify({ sub: 'anna', exp: 2_000_000_000 })).replace(/=+$/, '');
    expect(tokenExpiry(`x.${payload}.y`)).toBe(2_000_000_000_000);
    expect(tokenExpiry('opaque')).toBeNull();
  });
});

describe('connection state', () => {
  it('is offline when the browser is, online when every live room is', () => {
    expect(aggregateConnection(false, ['online'])).toBe('offline');
    expect(aggregateConnection(true, ['online', 'denied'])).toBe('online');
    expect(aggregateConnection(true, ['online', 'connecting'])).toBe('reconnecting');
  });
});

describe('relay notices', () => {
  it('parses stored, read-only and error notices and ignores the rest', () => {
    expect(parseRelayNotice('{"type":"stored","room":"outbox/a","stateVector":"AA=="}')).toEqual({ type: 'stored', room: 'outbox/a', stateVector: 'AA==' });
    expect(parseRelayNotice('{"type":"read-only","room":"policy"}')).toEqual({ type: 'read-only', room: 'policy' });
    expect(parseRelayNotice('{"type":"error","code":4413,"message":"too big"}')).toEqual({ type: 'error', code: 4413, message: 'too big' });
    expect(parseRelayNotice('nope')).toBeNull();
  });
});
