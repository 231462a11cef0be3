import { describe, expect, it } from 'vitest';
import { deepLinkFromArgv, routeFromDeepLink } from './deep-links.js';

describe('hearth:// deep links', () => {
  it('open a space or a post', () => {
    expect(routeFromDeepLink('hearth://space/engineering')).toBe('#/space/engineering');
    expect(routeFromDeepLink('hearth://post/engineering/01HZY3K9Q8')).toBe('#/post/engineering/01HZY3K9Q8');
    expect(routeFromDeepLink('HEARTH://post/engineering/01HZY3K9Q8/')).toBe('#/post/engineering/01HZY3K9Q8');
  });

  it.each(['hearth://settings/relay', 'hearth://space/a/b', 'hearth://space/%2e%2e', 'hearth://space/x%3Cscript%3E', 'https://space/x', 'hearth://post/only-space', 'hearth://space/'])(
    'ignore %s',
    (link) => expect(routeFromDeepLink(link)).toBeNull(),
  );

  it('are found among the arguments of a second launch (Windows, Linux)', () => {
    expect(deepLinkFromArgv(['C:\\Program Files\\Hearth\\Hearth.exe', '--allow-file-access-from-files', 'hearth://space/sales'])).toBe('#/space/sales');
    expect(deepLinkFromArgv(['/opt/Hearth/hearth', '--no-sandbox'])).toBeNull();
  });
});
