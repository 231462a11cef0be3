// Spaces to suggest to a newcomer, from their directory record: spaces whose name, id or
// description mention their department or their location (office, city), then spaces everyone
// belongs in. Pure, so the tour's suggestions are tested without an app.
import type { DirectoryRecord } from '../identity/types.js';
import type { SpaceId, SpaceMeta } from './types.js';

export interface SpaceSuggestion {
  space: SpaceMeta;
  /** Why it is suggested. */
  reason: 'department' | 'location' | 'everyone';
}

const words = (s: string): string[] =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3);

/** Up to `limit` suggestions: visible, non-news spaces the person is not in yet, best reason first. */
export function suggestSpaces(catalogue: readonly SpaceMeta[], person: DirectoryRecord, memberships: readonly SpaceId[], limit = 5): SpaceSuggestion[] {
  const matches = (space: SpaceMeta, of: string) => {
    const wanted = new Set(words(of));
    const own = words(`${space.id} ${space.name} ${space.description}`);
    return wanted.size > 0 && [...wanted].every((w) => own.includes(w));
  };
  const candidates = catalogue.filter((s) => s.visibility !== 'secret' && s.kind !== 'news' && !memberships.includes(s.id));
  const out: SpaceSuggestion[] = [];
  const add = (space: SpaceMeta, reason: SpaceSuggestion['reason']) => {
    if (!out.some((o) => o.space.id === space.id)) out.push({ space, reason });
  };
  for (const s of candidates) if (matches(s, person.department)) add(s, 'department');
  for (const s of candidates) if (matches(s, person.location)) add(s, 'location');
  // Spaces for the whole company: by convention "general", or described as concerning everyone.
  for (const s of candidates) if (s.visibility === 'public' && (s.id === 'general' || /\b(all|every(one)?|whole company)\b/i.test(s.description))) add(s, 'everyone');
  return out.slice(0, limit);
}
