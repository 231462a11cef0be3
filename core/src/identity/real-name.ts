// The real-name rule. Why: Hearth shows every author by the name the directory holds, and the
// architecture promises that nobody can post behind a handle or a shared account. The directory is
// filled from the company's identity system, which happily stores "IT Support" or "xXgamerXx", so
// each record is checked at import and refused with ONE plain reason the administrator can fix.
// The rule must not refuse real people: names from every script, particles (van der, de la, bin,
// al-), apostrophes (O'Brien, N'Dour), hyphens (Anne-Marie), long Iberian chains, initials beside a
// full name (J. Robert), single-character Chinese names. Checks run in a fixed order and the first
// that fails is the reason, so "admin" reads as a role account rather than as a single word.
import { NAME_FIELD_MAX } from './directory-schema.js';
import { PARTICLES, PLACEHOLDERS, ROLE_WORDS, WEAK_ROLE_WORDS } from './name-words.js';
import type { DirectoryRecord } from './types.js';

export const REAL_NAME_REFUSALS = [
  'too-long',
  'email-address',
  'role-account',
  'placeholder',
  'digits',
  'handle',
  'symbols',
  'mixed-script',
  'single-word',
  'letter-case',
  'initials-only',
  'repeated-letters',
] as const;
export type RealNameRefusal = (typeof REAL_NAME_REFUSALS)[number];

export type NameField = 'givenName' | 'familyName' | 'preferredGivenName';
export type NameParts = Pick<DirectoryRecord, 'givenName' | 'familyName' | 'preferredGivenName'>;

export type RealNameResult =
  | { ok: true }
  | { ok: false; reason: RealNameRefusal; message: string; field: NameField };

const LABEL: Record<NameField, string> = {
  givenName: 'given name',
  familyName: 'family name',
  preferredGivenName: 'preferred given name',
};

const APOSTROPHES = "'’‘ʼ";
const HYPHENS = '-‐‑'; // used in character classes: keep '-' first so it is literal
// Middle dots (Catalan l·l, Japanese katakana ・) and the zero-width joiners Persian and Indic
// names need between letters.
const JOINERS = '·・\u200c\u200d';
const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{M}]/u.test(c);
const isCased = (c: string) => /[\p{Lu}\p{Ll}\p{Lt}]/u.test(c);
const words = (s: string) => s.split(/\s+/u).filter((w) => w.length > 0);
const segments = (word: string) => word.split(new RegExp(`[${HYPHENS}.${APOSTROPHES}]`, 'u')).filter((s) => s.length > 0);

type Check = (value: string, field: NameField) => { reason: RealNameRefusal; message: string } | null;
const refuse = (reason: RealNameRefusal, message: string) => ({ reason, message });

const tooLong: Check = (v, f) =>
  v.length > NAME_FIELD_MAX ? refuse('too-long', `The ${LABEL[f]} is longer than ${NAME_FIELD_MAX} characters.`) : null;

const emailAddress: Check = (v, f) =>
  /\S@\S+\.\S/u.test(v) ? refuse('email-address', `The ${LABEL[f]} is an e-mail address, not a name.`) : null;

const placeholder: Check = (v, f) =>
  PLACEHOLDERS.has(v.toLowerCase())
    ? refuse('placeholder', `The ${LABEL[f]} "${v}" is a placeholder, not a person's name.`)
    : null;

const digits: Check = (v, f) =>
  /\p{N}/u.test(v) ? refuse('digits', `The ${LABEL[f]} contains digits; names do not.`) : null;

// Irish mutations (Ó hAodha, Ní nGallchóir) and the Dutch digraph IJ (IJzerman) put capitals where
// handles do; they are the only such patterns accepted.
const IRISH_MUTATION = /^[hnt]\p{Lu}\p{Ll}+$/u;
const DUTCH_IJ = /^IJ\p{Ll}+$/u;

function irregularCapitals(segment: string): boolean {
  if (IRISH_MUTATION.test(segment) || DUTCH_IJ.test(segment)) return false;
  const chars = [...segment];
  const first = chars[0] ?? '';
  if (/\p{Ll}/u.test(first) && chars.some((c) => /\p{Lu}/u.test(c))) return true; // xXgamer, iJohn
  let lowerToUpper = 0;
  for (let i = 1; i < chars.length; i++) {
    if (/\p{Ll}/u.test(chars[i - 1] ?? '') && /\p{Lu}/u.test(chars[i] ?? '')) lowerToUpper++;
  }
  if (lowerToUpper >= 2) return true; // GamerXxPro
  const last = chars.at(-1) ?? '';
  if (chars.length > 2 && /\p{Lu}/u.test(last) && /\p{Ll}/u.test(chars.at(-2) ?? '')) return true; // gamerX
  return /^\p{Lu}{2,}\p{Ll}/u.test(segment); // JDoe (McDonald and DeShawn are fine)
}

const handle: Check = (v, f) => {
  const message = `The ${LABEL[f]} "${v}" looks like a user name or handle, not a name.`;
  if (/[_@]/u.test(v)) return refuse('handle', message);
  // john.doe is a login; A.J. and St. John are not.
  if (/\p{L}{2,}\.\p{L}|\p{L}\.\p{L}{2,}/u.test(v)) return refuse('handle', message);
  for (const word of words(v)) if (segments(word).some(irregularCapitals)) return refuse('handle', message);
  return null;
};

const symbols: Check = (v, f) => {
  const chars = [...v];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const bad = (what: string) => refuse('symbols', `The ${LABEL[f]} contains ${what}; names are made of letters.`);
    if (isLetter(c) || /\s/u.test(c)) continue;
    if (HYPHENS.includes(c) || JOINERS.includes(c)) {
      if (isLetter(prev) && isLetter(next)) continue;
      return bad(`a "${c}" that does not join two letters`);
    }
    if (APOSTROPHES.includes(c)) {
      if (isLetter(prev) || isLetter(next)) continue;
      return bad('a stray apostrophe');
    }
    if (c === '.') {
      if (isLetter(prev)) continue;
      return bad('a stray full stop');
    }
    return bad(`"${c}"`);
  }
  return /\p{L}/u.test(v) ? null : refuse('symbols', `The ${LABEL[f]} has no letters.`);
};

const SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Greek}/u, /\p{Script=Cyrillic}/u];
const mixedScript: Check = (v, f) => {
  for (const word of words(v)) {
    const used = SCRIPTS.filter((re) => [...word].some((c) => re.test(c)));
    // Look-alike letters from another alphabet (Cyrillic "о" in "John") are how impostors copy names.
    if (used.length > 1) return refuse('mixed-script', `The ${LABEL[f]} "${word}" mixes letters of different alphabets.`);
  }
  return null;
};

const repeatedLetters: Check = (v, f) =>
  /(\p{L})\1\1/iu.test(v) ? refuse('repeated-letters', `The ${LABEL[f]} repeats a letter three times in a row.`) : null;

const FIELD_CHECKS: Check[] = [tooLong, emailAddress, placeholder, digits, handle, symbols, mixedScript];

/** True when a lowercase segment is an accepted particle or a short elided prefix (d', dell', 't). */
function acceptedLowercase(word: string, segment: string): boolean {
  if (PARTICLES.has(segment) || IRISH_MUTATION.test(segment)) return true;
  const at = word.indexOf(segment);
  const before = word[at - 1] ?? '';
  const after = word[at + segment.length] ?? '';
  return segment.length <= 4 && (APOSTROPHES.includes(after) || APOSTROPHES.includes(before));
}

function roleAccount(fields: [NameField, string][]): { field: NameField; value: string } | null {
  const all: string[] = [];
  for (const [field, value] of fields) {
    const ws = words(value.toLowerCase()).flatMap((w) => w.split(new RegExp(`[${HYPHENS}]`, 'u')));
    const joined = value.toLowerCase().replace(/[\s\-‐‑]/gu, '');
    if (ws.some((w) => ROLE_WORDS.has(w)) || ROLE_WORDS.has(joined) || joined === 'itsupport') return { field, value };
    all.push(...ws);
  }
  if (all.length > 0 && all.every((w) => ROLE_WORDS.has(w) || WEAK_ROLE_WORDS.has(w))) {
    const [field, value] = fields[0] ?? ['givenName', ''];
    return { field, value };
  }
  return null;
}

/** Whether the given, family and preferred given names are a plausible real name. */
export function checkRealName(record: NameParts): RealNameResult {
  const given = record.givenName.trim().normalize('NFC');
  const family = record.familyName.trim().normalize('NFC');
  const preferred = (record.preferredGivenName ?? '').trim().normalize('NFC');
  const fields: [NameField, string][] = [
    ['givenName', given],
    ['familyName', family],
    ['preferredGivenName', preferred],
  ];
  const present = fields.filter(([, v]) => v.length > 0);
  const fail = (field: NameField, reason: RealNameRefusal, message: string): RealNameResult => ({ ok: false, reason, message, field });

  for (const check of FIELD_CHECKS.slice(0, 2)) {
    for (const [field, value] of present) {
      const r = check(value, field);
      if (r) return fail(field, r.reason, r.message);
    }
  }
  const role = roleAccount(present);
  if (role) return fail(role.field, 'role-account', `"${role.value}" names a role or shared account, not a person.`);
  for (const check of FIELD_CHECKS.slice(2)) {
    for (const [field, value] of present) {
      const r = check(value, field);
      if (r) return fail(field, r.reason, r.message);
    }
  }

  if (given === '' || family === '') {
    const field: NameField = given === '' ? 'givenName' : 'familyName';
    const only = given || family;
    if (words(only).length === 1 && /\p{Ll}/u.test(only) && !/\p{Lu}/u.test(only)) {
      return fail(given ? 'givenName' : 'familyName', 'handle', `"${only}" looks like a user name or handle, not a name.`);
    }
    return fail(
      field,
      'single-word',
      `The ${LABEL[field]} is empty: a name needs a given and a family name. ` +
        'A person with one legal name has it recorded in both fields.',
    );
  }

  const cased = [...`${given}${family}`].filter(isCased);
  if (cased.length >= 2 && !cased.some((c) => /\p{Lu}|\p{Lt}/u.test(c))) {
    return fail('givenName', 'letter-case', `"${given} ${family}" is all lowercase; write the name as on official documents.`);
  }
  const longCasedWord = (s: string) => words(s).some((w) => [...w].filter(isCased).length >= 3);
  const shouting = (s: string) => {
    const letters = [...s].filter(isCased);
    return letters.length > 0 && letters.every((c) => /\p{Lu}/u.test(c)) && longCasedWord(s);
  };
  if (shouting(`${given} ${family}`)) {
    return fail('givenName', 'letter-case', `"${given} ${family}" is all capitals; write the name as on official documents.`);
  }
  if (preferred && shouting(preferred)) {
    return fail('preferredGivenName', 'letter-case', `The preferred given name "${preferred}" is all capitals.`);
  }
  for (const [field, value] of present) {
    for (const word of words(value)) {
      for (const seg of segments(word)) {
        if (/^\p{Ll}/u.test(seg) && !acceptedLowercase(word, seg)) {
          return fail(field, 'letter-case', `"${word}" in the ${LABEL[field]} should start with a capital letter.`);
        }
      }
    }
  }

  const initialOnly = (w: string) => segments(w).every((s) => [...s].length === 1 && isCased(s));
  if (words(`${given} ${family}`).every(initialOnly)) {
    return fail('givenName', 'initials-only', `"${given} ${family}" is only initials; at least one name must be written out.`);
  }
  for (const [field, value] of present) {
    const r = repeatedLetters(value, field);
    if (r) return fail(field, r.reason, r.message);
  }
  return { ok: true };
}
