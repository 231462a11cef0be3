import { describe, expect, it } from 'vitest';
import { person } from '../identity/test-records.js';
import { suggestSpaces } from './onboarding.js';
import type { SpaceMeta } from './types.js';

const space = (id: string, name: string, description: string, o: Partial<SpaceMeta> = {}): SpaceMeta => ({
  id, name, description, kind: 'discussion', visibility: 'public', facilitators: [], retentionDays: null, createdAt: 0, ...o,
});
const catalogue = [
  space('news', 'Company News', 'News for all', { kind: 'news' }),
  space('general', 'General', 'Questions that concern all five offices.'),
  space('media-wing', 'Media Wing', 'Working space of the media team', { visibility: 'private' }),
  space('london-office', 'London Office', 'Building notices for the London head office.'),
  space('sao-paulo', 'São Paulo', 'Our office in Brazil'),
  space('leadership', 'Leadership', 'Media Wing London', { visibility: 'secret' }),
];

describe('suggestSpaces', () => {
  it('suggests by department, then location, then company-wide spaces; never news, secret or joined ones', () => {
    const rajesh = person({ id: 'rajesh', department: 'Media Wing', location: 'London' });
    expect(suggestSpaces(catalogue, rajesh, []).map((s) => [s.space.id, s.reason])).toEqual([
      ['media-wing', 'department'],
      ['london-office', 'location'],
      ['general', 'everyone'],
    ]);
    expect(suggestSpaces(catalogue, rajesh, ['general', 'media-wing']).map((s) => s.space.id)).toEqual(['london-office']);
  });
  it('matches without accents and case', () => {
    const ana = person({ id: 'ana', department: 'Sales', location: 'Sao Paulo' });
    expect(suggestSpaces(catalogue, ana, []).map((s) => s.space.id)).toEqual(['sao-paulo', 'general']);
  });
});
