import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { testPolicy } from './test-policy.js';
import { hostAllowed, linkHost } from './url-host.js';

describe('linkHost', () => {
  it.each([
    ['https://poll.example/path?q=1', 'poll.example'],
    ['HTTP://Poll.Example:8080/', 'poll.example'],
    ['https://poll.example@evil.test/', 'evil.test'],
    ['https://user:pw@poll.example/', 'poll.example'],
    ['https://evil.test\\@poll.example/', 'evil.test'],
    ['https://evil.test#@poll.example', 'evil.test'],
    ['https://poll.example./x', 'poll.example'],
    ['https://poll%2Eexample/', 'poll.example'],
    ['www.poll.example/news', 'www.poll.example'],
    ['https://[::1]/', '[::1]'],
    ['https://ｐｏｌｌ．example/', 'poll.example'],
    ['ftp://poll.example/', null],
    ['https://%zz/', null],
  ])('%s → %s', (link, host) => {
    expect(linkHost(link)).toBe(host);
  });

  it('allows domains and their subdomains only', () => {
    const allowed = ['poll.example'];
    expect(hostAllowed('poll.example', allowed)).toBe(true);
    expect(hostAllowed('news.poll.example', allowed)).toBe(true);
    expect(hostAllowed('poll.example.evil.test', allowed)).toBe(false);
    expect(hostAllowed('evilpoll.example', allowed)).toBe(false);
  });
});

describe('external links rule', () => {
  const policy = testPolicy([{ kind: 'external-links', severity: 'warn', allowDomains: ['poll.example', 'gov.uk'] }]);
  const spans = (body: string) => evaluate(policy, { body, space: null }).findings.map((f) => body.slice(f.start, f.end));

  it('reports links outside the allow-list, without trailing punctuation', () => {
    expect(spans('See https://evil.test/a.')).toEqual(['https://evil.test/a']);
    expect(spans('(see www.evil.test)')).toEqual(['www.evil.test']);
    expect(spans('ok: https://intranet.poll.example/x and https://www.gov.uk/guidance')).toEqual([]);
    expect(spans('trick: https://poll.example@evil.test/login')).toEqual(['https://poll.example@evil.test/login']);
    expect(spans('e-mail me at someone@www.evil.test')).toEqual([]);
  });
});
