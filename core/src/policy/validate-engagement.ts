// Validation of the recognition and knowledge entry kinds (engagement-types.ts): who may give kudos
// to whom, who may switch a leaderboard or curate a space's "best of". Called from validateEntry; on
// its own so validate-entry.ts only names it. Attacker's view: the entry comes from an outbox a
// modified client wrote — kudos to oneself, to a stranger, to someone in a country where recognition
// is forbidden, a flood of kudos, a leaderboard switched by a non-facilitator — each is a problem here.
import type { DirectoryRecord } from '../identity/types.js';
import { displayName } from '../identity/display-name.js';
import { ENGAGEMENT_LIMITS, type EngagementEntry, type RecognitionSettings } from '../model/engagement-types.js';
import { recognitionOn } from '../model/recognition-settings.js';
import type { OutboxEntry, SpaceMeta } from '../model/types.js';
import { checkSpaceAccess } from './posting-rights.js';
import type { EntryContext, EntryProblem } from './validate-entry.js';

export type RecognitionProblemCode = 'own-kudos' | 'recognition-off' | 'recipient-recognition-off' | 'too-many-kudos' | 'space-not-public';

/** What the relay knows for recognition entries, from the `recognition` room it writes. */
export interface EngagementContext {
  settings: RecognitionSettings;
  /** Kudos the author gave in the 24 hours before this entry (this one left out). */
  kudosLastDay: number;
}

const ENGAGEMENT_TYPES = new Set(['kudos', 'kudos-consent', 'leaderboard', 'bookmark', 'best-of']);

export function isEngagementEntry(entry: OutboxEntry): entry is EngagementEntry {
  return ENGAGEMENT_TYPES.has(entry.type);
}

/** Where an engagement entry is published, as validateEntry compares it for edits: null when never. */
export function engagementPlace(entry: EngagementEntry): string | null {
  if (entry.type === 'kudos') return 'recognition';
  if (entry.type === 'best-of') return entry.space;
  return null;
}

/** What the author can fix by editing: an empty or over-long kudos message. */
export function checkEngagementContent(entry: EngagementEntry): EntryProblem[] {
  if (entry.type !== 'kudos' || entry.retracted) return [];
  if (entry.message.trim() === '') return [{ code: 'empty-body', message: 'Say what the kudos is for.', field: 'message' }];
  const max = ENGAGEMENT_LIMITS.kudosMessageChars;
  if (entry.message.length > max) {
    return [{ code: 'body-too-long', message: `A kudos message is at most ${max.toLocaleString('en')} characters. It has ${entry.message.length.toLocaleString('en')}.`, field: 'message' }];
  }
  return [];
}

/** Permission checks, after validateEntry found the author active and the entry not retracted. */
export function checkEngagementPermission(entry: EngagementEntry, author: DirectoryRecord, ctx: EntryContext): EntryProblem[] {
  const settings = ctx.engagement?.settings;
  const offForAuthor = settings !== undefined && !recognitionOn(settings, author.country);
  const off: EntryProblem = { code: 'recognition-off', message: 'Recognition is not used in your organisation or country.' };
  switch (entry.type) {
    case 'bookmark':
      return []; // private: never published, nothing anyone else sees
    case 'kudos-consent':
      return offForAuthor ? [off] : [];
    case 'kudos':
      if (offForAuthor) return [off];
      return checkKudos(entry, author, ctx);
    case 'leaderboard':
      if (offForAuthor) return [off];
      return checkSpaceAccess(author.id, place(entry.space, ctx)) ?? checkFacilitator(author, ctx.space as SpaceMeta, 'switches its leaderboard');
    case 'best-of': {
      const access = checkSpaceAccess(author.id, place(entry.space, ctx));
      if (access !== null) return access;
      const facilitator = checkFacilitator(author, ctx.space as SpaceMeta, 'curates its best-of collection');
      if (facilitator.length > 0) return facilitator;
      const post = ctx.targetPost;
      if (post === null || post.id !== entry.post || post.space !== entry.space) {
        return [{ code: 'post-not-found', message: 'That post is not in this space.', field: 'post' }];
      }
      if (post.state !== 'published') return [{ code: 'post-not-published', message: 'That post was removed.', field: 'post' }];
      return [];
    }
  }
}

const place = (id: string, ctx: EntryContext) => ({ id, meta: ctx.space, members: ctx.members });

function checkFacilitator(author: DirectoryRecord, meta: SpaceMeta, what: string): EntryProblem[] {
  if (author.roles.includes('admin') || meta.facilitators.includes(author.id)) return [];
  return [{ code: 'not-a-facilitator', message: `Only a facilitator of ${meta.name} ${what}.`, field: 'space' }];
}

function checkKudos(entry: Extract<EngagementEntry, { type: 'kudos' }>, author: DirectoryRecord, ctx: EntryContext): EntryProblem[] {
  if (entry.to === author.id) return [{ code: 'own-kudos', message: 'Kudos are for someone else.', field: 'to' }];
  const to = ctx.people(entry.to);
  if (to === null) return [{ code: 'unknown-recipient', message: `"${entry.to}" is not in the company directory.`, field: 'to' }];
  if (to.status !== 'active') return [{ code: 'inactive-recipient', message: `${displayName(to)} is no longer active.`, field: 'to' }];
  const engagement = ctx.engagement;
  if (engagement !== undefined && !recognitionOn(engagement.settings, to.country)) {
    return [{ code: 'recipient-recognition-off', message: `Recognition is not used where ${displayName(to)} works.`, field: 'to' }];
  }
  if (entry.space !== null) {
    // Shown to everyone who reads the space, so it must be one everyone reads: a public space.
    const meta = ctx.space;
    if (meta === null || meta.id !== entry.space || (meta.visibility === 'secret' && !ctx.members.includes(author.id))) {
      return [{ code: 'unknown-space', message: 'This space does not exist or you cannot see it.', field: 'space' }];
    }
    if (meta.visibility !== 'public') return [{ code: 'space-not-public', message: `Kudos can be shown in public spaces only; ${meta.name} is not public.`, field: 'space' }];
  }
  // Only first publications count toward the rate; an edit or replay of one already given does not.
  if (engagement !== undefined && ctx.previous === null && engagement.kudosLastDay >= ENGAGEMENT_LIMITS.kudosPerDay) {
    return [{ code: 'too-many-kudos', message: `You gave ${ENGAGEMENT_LIMITS.kudosPerDay} kudos in the last 24 hours. Try again tomorrow.` }];
  }
  return [];
}
