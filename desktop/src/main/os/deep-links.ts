// Why: hearth:// links arrive from other programs (mail, chat, the browser) as command-line
// arguments or macOS open-url events — untrusted input. They are parsed with the URL parser and
// turned into one of two in-app routes, or ignored; nothing else in the link reaches the renderer.

export const DEEP_LINK_SCHEME = 'hearth';

const ID = /^[A-Za-z0-9_-]{1,128}$/;

/** hearth://space/<space> → '#/space/<space>'; hearth://post/<space>/<post> → '#/post/<space>/<post>'. */
export function routeFromDeepLink(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return null;
  // hearth://space/x parses with host 'space'; hearth:space/x (no slashes) has it in the path.
  const parts = [url.hostname, ...url.pathname.split('/')].filter((p) => p !== '');
  const [kind, ...ids] = parts;
  if (!ids.every((id) => ID.test(id))) return null;
  if (kind === 'space' && ids.length === 1) return `#/space/${ids[0]}`;
  if (kind === 'post' && ids.length === 2) return `#/post/${ids[0]}/${ids[1]}`;
  return null;
}

/** The first hearth:// argument of a launch (Windows and Linux pass links as arguments). */
export function deepLinkFromArgv(argv: readonly string[]): string | null {
  for (const arg of argv) {
    if (!arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) continue;
    const route = routeFromDeepLink(arg);
    if (route !== null) return route;
  }
  return null;
}
