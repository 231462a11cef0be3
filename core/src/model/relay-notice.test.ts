import { describe, expect, it } from 'vitest';
import { parseRelayNotice } from './relay-notice.js';

describe('parseRelayNotice', () => {
  it.each([
    ['{"type":"read-only","room":"space/general"}', { type: 'read-only', room: 'space/general' }],
    ['{"type":"stored","room":"outbox/a","stateVector":"AQID"}', { type: 'stored', room: 'outbox/a', stateVector: 'AQID' }],
    ['{"type":"error","code":4413,"message":"message too large","extra":1}', { type: 'error', code: 4413, message: 'message too large' }],
  ])('reads %s', (json, notice) => {
    expect(parseRelayNotice(json)).toEqual(notice);
  });

  it.each(['', 'nope', 'null', '[]', '{"type":"stored","room":"outbox/a"}', '{"type":"error","code":"4413","message":"x"}', '{"type":"shout"}'])(
    'ignores what it cannot read: %s',
    (json) => {
      expect(parseRelayNotice(json)).toBeNull();
    },
  );
});
