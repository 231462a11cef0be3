import { describe, expect, it } from 'vitest';
import { parseExtraRoute, topicHref } from './extra-routes.js';

describe('parseExtraRoute', () => {
  it('names the recognition, bookmarks and topic pages, and nothing else', () => {
    expect(parseExtraRoute('#/recognition')).toEqual({ name: 'recognition' });
    expect(parseExtraRoute('#/bookmarks')).toEqual({ name: 'bookmarks' });
    expect(parseExtraRoute(topicHref('Café'))).toEqual({ name: 'topic', tag: 'café' });
    expect(parseExtraRoute('#/topic/%E0%A4%A')).toBeNull(); // a broken escape is no page
    expect(parseExtraRoute('#/topic')).toBeNull();
    expect(parseExtraRoute('#/recognition/x')).toBeNull();
    expect(parseExtraRoute('#/space/general')).toBeNull();
  });
});
