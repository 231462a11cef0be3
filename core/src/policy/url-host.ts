// The host a link really leads to. Why by hand: core has no URL global (no DOM, no Node types), and
// the tricks that fool a naive reader are exactly the ones a parser must get right:
// "https://poll.example@evil.test" leads to evil.test (userinfo), "https://evil.test\@poll.example"
// too (browsers treat "\" as "/" in http URLs), "https://poll.example.evil.test" is evil.test's
// subdomain, and percent-encoding or a trailing dot do not change the host.

/** The lower-case host of an http(s) or scheme-less "www." link, or null when there is none. */
export function linkHost(link: string): string | null {
  let rest = link;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(rest);
  if (scheme) {
    if (!/^https?$/i.test(scheme[1] ?? '')) return null;
    rest = rest.slice(scheme[0].length).replace(/^[/\\]*/, '');
  }
  // The authority ends at the first path, query or fragment delimiter (backslash included).
  const authority = rest.split(/[/\\?#]/, 1)[0] ?? '';
  const at = authority.lastIndexOf('@');
  let host = at >= 0 ? authority.slice(at + 1) : authority;
  if (host.startsWith('[')) return host.toLowerCase(); // IPv6 literal: never an allowed domain
  host = host.replace(/:\d*$/, '');
  try {
    host = decodeURIComponent(host);
  } catch {
    return null;
  }
  host = host.normalize('NFKC').toLowerCase().replace(/[\u3002\uff0e\uff61]/g, '.').replace(/\.$/, '');
  return host === '' ? null : host;
}

/** True when `host` is one of `domains` or a subdomain of one ("news.poll.example"). */
export function hostAllowed(host: string, domains: readonly string[]): boolean {
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}
