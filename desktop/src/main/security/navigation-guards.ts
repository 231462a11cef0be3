// Why: a page that navigates away from app:// would run remote content with the preload's bridge,
// and window.open would create a window outside these guards. So: navigation is always prevented,
// new windows are always denied, and only http(s) links, checked with the WHATWG URL parser, go
// to the system browser. <webview> is refused outright.

export interface PreventableEvent {
  preventDefault(): void;
}

/** The part of WebContents the guards attach to; Electron's WebContents satisfies it. */
export interface GuardableContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): this;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): this;
}

/** A link the system browser may open: http or https, no credentials, parsed rather than matched. */
export function externalLinkUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '' || url.hostname === '') return null;
  return url.href;
}

export function attachNavigationGuards(contents: GuardableContents, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    const link = externalLinkUrl(url);
    if (link !== null) openExternal(link);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    // A click on an ordinary link in a post lands here too: send it to the browser instead.
    const link = externalLinkUrl(url);
    if (link !== null) openExternal(link);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
