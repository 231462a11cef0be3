import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addLimitOptions, limitOverrides } from './limit-options.js';

describe('serve limit flags', () => {
  const parse = (...args: string[]) => {
    const command = addLimitOptions(new Command('serve')).exitOverride();
    command.parse(args, { from: 'user' });
    return limitOverrides(command.opts());
  };

  it('map to startRelay limits, and only those given', () => {
    expect(parse()).toEqual({});
    expect(parse('--max-connections-per-person', '50', '--awareness-rate', '5/s:10', '--awareness-max-room-bytes', '4096', '--automerge-rate', '20/s')).toEqual({
      maxConnectionsPerPerson: 50,
      automergeRate: { perSecond: 20, burst: 100 },
      awareness: { rate: { perSecond: 5, burst: 10 }, maxRoomBytes: 4096 },
    });
  });

  it('refuse what is not a count or a rate', () => {
    expect(() => parse('--max-connections-per-address', '-1')).toThrow(/non-negative integer/);
    expect(() => parse('--awareness-rate', 'fast')).toThrow(/invalid rate/);
  });
});
