import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { MESSAGE_NOTICE, decodeNotice, encodeNotice, readNotice } from './notices.js';
import type { RelayNotice } from './notices.js';

describe('relay notices', () => {
  const notices: RelayNotice[] = [
    { type: 'read-only', room: 'space/general' },
    { type: 'stored', room: 'outbox/alice', stateVector: 'AQID' },
    { type: 'error', code: 4413, message: 'message too large' },
  ];

  it('round-trips every notice', () => {
    for (const n of notices) expect(decodeNotice(encodeNotice(n))).toEqual(n);
  });

  it('is varUint 100 followed by a varString of JSON', () => {
    const bytes = encodeNotice({ type: 'read-only', room: 'r' });
    expect(bytes[0]).toBe(100); // 100 < 128: one byte
    const json = '{"type":"read-only","room":"r"}';
    expect(bytes[1]).toBe(json.length);
    expect(Buffer.from(bytes.subarray(2)).toString('utf8')).toBe(json);
    const decoder = decoding.createDecoder(bytes);
    expect(decoding.readVarUint(decoder)).toBe(MESSAGE_NOTICE);
    expect(readNotice(decoder)).toEqual({ type: 'read-only', room: 'r' });
  });

  it('rejects what is not a notice', () => {
    expect(decodeNotice(new Uint8Array([0, 0, 1, 0]))).toBeNull();
    expect(decodeNotice(new Uint8Array([100, 3, 1, 2, 3]))).toBeNull();
  });
});
