// The real-name rule. Why: Hearth shows every author by the name the directory holds, and the
// architecture promises that nobody can post behind a handle or a shared account. The directory is
// filled from the company's identity system, which happily stores "IT Support" or "xXgamerXx", so
// each record is checked at import and refused with ONE plain reason the administrator can fix.
// The rule must not refuse real people: names from every script, particles (van der, de la, bin,
// al-), apostrophes (O'Brien, N'Dour; inside a word in Ukrainian В’ячеслав and Uzbek Toʻlqinov, in
// every apostrophe code point people type), the ZWNJ of Persian, Sorani Kurdish and Indic spelling
// (and only there), hyphens (Anne-Marie), long Iberian chains, initials beside a
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

// Apostrophes, including the Hebrew geresh (ז׳ק) and the Armenian apostrophe.
const APOSTROPHES = "'’‘ʼ׳՚";
const HYPHENS = '-‐‑'; // used in character classes: keep '-' first so it is literal
// Middle dots between letters: Catalan l·l, Japanese katakana ・.
const MIDDLE_DOTS = '·・';
// The zero-width non-joiner and joiner: part of the spelling in Arabic-script (Persian عبد‌الله,
// Sorani Kurdish) and Indic names, and nothing but an invisible way to make a look-alike name in
// any other script.
const ZERO_WIDTH_JOINERS = '\u200c\u200d';
const JOINING_SCRIPT =
  /[\p{scx=Arabic}\p{scx=Syriac}\p{scx=Thaana}\p{scx=Devanagari}\p{scx=Bengali}\p{scx=Gurmukhi}\p{scx=Gujarati}\p{scx=Oriya}\p{scx=Tamil}\p{scx=Telugu}\p{scx=Kannada}\p{scx=Malayalam}\p{scx=Sinhala}\p{scx=Mongolian}]/u;
// Arabic heh (ه): Sorani Kurdish written in the older convention puts a ZWNJ after it to show the
// vowel e, also at the end of a word (ئه‌حمه‌د, ڕه‌حیمه‌).
const HEH = '\u0647';
const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{M}]/u.test(c);
const isJoiningLetter = (c: string | undefined) => isLetter(c) && JOINING_SCRIPT.test(c ?? '');
// Capitalisation rules apply only to the bicameral scripts names are written in every day. Georgian
// has had "lowercase" letters since Unicode 11 and Cherokee "uppercase" ones, yet neither script
// capitalises names, so their letters count as uncased here, like Arabic, Devanagari or Han.
const CASED_SCRIPT = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Armenian}]/u;
const isCased = (c: string) => CASED_SCRIPT.test(c) && /[\p{Lu}\p{Ll}\p{Lt}]/u.test(c);
const isLower = (c: string | undefined) => c !== undefined && CASED_SCRIPT.test(c) && /\p{Ll}/u.test(c);
const isUpper = (c: string | undefined) => c !== undefined && CASED_SCRIPT.test(c) && /[\p{Lu}\p{Lt}]/u.test(c);
const words = (s: string) => s.split(/\s+/u).filter((w) => w.length > 0);
const SEGMENT = new RegExp(`[^${HYPHENS}.${APOSTROPHES}]+`, 'gu');
/** The parts of a word between hyphens, full stops and apostrophes: O'Brien → O, Brien. */
const segments = (word: string) => [...word.matchAll(SEGMENT)].map((m) => m[0]);

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
  if (isLower(chars[0]) && chars.some(isUpper)) return true; // xXgamer, iJohn
  let lowerToUpper = 0;
  for (let i = 1; i < chars.length; i++) if (isLower(chars[i - 1]) && isUpper(chars[i])) lowerToUpper++;
  if (lowerToUpper >= 2) return true; // GamerXxPro
  if (chars.length > 2 && isUpper(chars.at(-1)) && isLower(chars.at(-2))) return true; // gamerX
  const firstNotUpper = chars.findIndex((c) => !isUpper(c));
  return firstNotUpper >= 2 && isLower(chars[firstNotUpper]); // JDoe
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
    if (isLetter(c) || c === ' ' || c === '\u00a0') continue;
    if (HYPHENS.includes(c) || MIDDLE_DOTS.includes(c)) {
      if (isLetter(prev) && isLetter(next)) continue;
      return bad(`a "${c}" that does not join two letters`);
    }
    if (ZERO_WIDTH_JOINERS.includes(c)) {
      if (isJoiningLetter(prev) && isJoiningLetter(next)) continue;
      if (c === '\u200c' && prev === HEH && (next === undefined || next === ' ' || isJoiningLetter(next))) continue;
      const code = c === '\u200c' ? 'U+200C' : 'U+200D';
      return bad(`an invisible character (${code}) outside the scripts whose spelling uses it`);
    }
    if (APOSTROPHES.includes(c)) {
      if (isLetter(prev) || isLetter(next)) continue;
      return bad('a stray apostrophe');
    }
    if (c === '.') {
      if (isLetter(prev)) continue;
      return bad('a stray full stop');
    }
    // Invisible characters (tabs, line breaks, zero-width spaces) are named by their code point.
    const code = `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    return bad(/[\p{L}\p{N}\p{P}\p{S}]/u.test(c) ? `"${c}"` : `an invisible character (${code})`);
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

/**
 * True when a lowercase segment is an accepted particle, a short elided part (d', dell', 't,
 * Thiong'o), or the rest of a word after an apostrophe inside it: Ukrainian and Belarusian write
 * one (В’ячеслав, Мар'яна), Uzbek Latin writes oʻ, gʻ and the tutuq belgisi with one (Toʻlqinov,
 * G'afurov, Ma'murov), and the letters after it stay lowercase.
 */
function acceptedLowercase(word: string, segment: string, at: number): boolean {
  if (PARTICLES.has(segment) || IRISH_MUTATION.test(segment)) return true;
  const before = word[at - 1] ?? '';
  if (APOSTROPHES.includes(before) && isLetter(word[at - 2])) return true;
  const after = word[at + segment.length] ?? '';
  return segment.length <= 4 && (APOSTROPHES.includes(after) || APOSTROPHES.includes(before));
}

type Fields = [NameField, string][];
type Failure = Extract<RealNameResult, { ok: false }>;
const fail = (field: NameField, reason: RealNameRefusal, message: string): Failure => ({ ok: false, reason, message, field });

/** The first field that fails the first of these checks, check by check. */
function firstFailure(checks: Check[], fields: Fields): Failure | null {
  for (const check of checks) {
    for (const [field, value] of fields) {
      const r = check(value, field);
      if (r) return fail(field, r.reason, r.message);
    }
  }
  return null;
}

function roleAccount(fields: Fields): Failure | null {
  const refused = (field: NameField, value: string) =>
    fail(field, 'role-account', `"${value}" names a role or shared account, not a person.`);
  const all: string[] = [];
  for (const [field, value] of fields) {
    const ws = words(value.toLowerCase()).flatMap((w) => w.split(new RegExp(`[${HYPHENS}]`, 'u')));
    const joined = value.toLowerCase().replace(new RegExp(`[${HYPHENS}\\s]`, 'gu'), ''); // No-Reply, Help Desk
    if (ws.some((w) => ROLE_WORDS.has(w)) || ROLE_WORDS.has(joined)) return refused(field, value);
    all.push(...ws);
  }
  const [first] = fields;
  if (first && all.every((w) => ROLE_WORDS.has(w) || WEAK_ROLE_WORDS.has(w))) return refused(first[0], first[1]);
  return null;
}

/** A missing given or family name; a lone lowercase token ("jdoe") is a login rather than a name. */
function singleWord(given: string, family: string): Failure | null {
  if (given !== '' && family !== '') return null;
  const field: NameField = given === '' ? 'givenName' : 'familyName';
  const only = given || family;
  if (words(only).length === 1 && [...only].some(isLower) && ![...only].some(isUpper)) {
    return fail(given ? 'givenName' : 'familyName', 'handle', `"${only}" looks like a user name or handle, not a name.`);
  }
  return fail(
    field,
    'single-word',
    `The ${LABEL[field]} is empty: a name needs a given and a family name. ` +
      'A person with one legal name has it recorded in both fields.',
  );
}

/** All lowercase, all capitals, or a word that should be capitalised and is not. */
function letterCase(given: string, family: string, preferred: string, fields: Fields): Failure | null {
  const full = `${given} ${family}`;
  const cased = [...full].filter(isCased);
  if (cased.length >= 2 && !cased.some(isUpper)) {
    return fail('givenName', 'letter-case', `"${full}" is all lowercase; write the name as on official documents.`);
  }
  // All capitals: AJ is a pair of initials, ANNE and DUPONT-alone-in-caps is shouting.
  const shouting = (s: string) => {
    const letters = [...s].filter(isCased);
    return letters.length > 0 && letters.every(isUpper) && words(s).some((w) => [...w].filter(isCased).length >= 3);
  };
  if (shouting(full)) return fail('givenName', 'letter-case', `"${full}" is all capitals; write the name as on official documents.`);
  if (preferred && shouting(preferred)) {
    return fail('preferredGivenName', 'letter-case', `The preferred given name "${preferred}" is all capitals.`);
  }
  for (const [field, value] of fields) {
    for (const word of words(value)) {
      for (const m of word.matchAll(SEGMENT)) {
        if (isLower([...m[0]][0]) && !acceptedLowercase(word, m[0], m.index)) {
          return fail(field, 'letter-case', `"${word}" in the ${LABEL[field]} should start with a capital letter.`);
        }
      }
    }
  }
  return null;
}

function initialsOnly(given: string, family: string): Failure | null {
  const initial = (w: string) => segments(w).every((s) => [...s].length === 1 && isCased(s));
  return words(`${given} ${family}`).every(initial)
    ? fail('givenName', 'initials-only', `"${given} ${family}" is only initials; at least one name must be written out.`)
    : null;
}

/** Whether the given, family and preferred given names are a plausible real name. */
export function checkRealName(record: NameParts): RealNameResult {
  const given = record.givenName.trim().normalize('NFC');
  const family = record.familyName.trim().normalize('NFC');
  const preferred = (record.preferredGivenName ?? '').trim().normalize('NFC');
  const fields: Fields = (
    [
      ['givenName', given],
      ['familyName', family],
      ['preferredGivenName', preferred],
    ] as Fields
  ).filter(([, v]) => v.length > 0);
  return (
    firstFailure([tooLong, emailAddress], fields) ??
    roleAccount(fields) ??
    firstFailure([placeholder, digits, handle, symbols, mixedScript], fields) ??
    singleWord(given, family) ??
    letterCase(given, family, preferred, fields) ??
    initialsOnly(given, family) ??
    firstFailure([repeatedLetters], fields) ?? { ok: true }
  );
}
