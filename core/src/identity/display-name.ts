// Names shown anywhere in Hearth are computed here from the directory record; nobody types a display
// name, so nobody can appear as someone else.
//
// Order. A name written in Chinese characters, kana or Hangul is shown family name first, as it is
// written in those scripts (山田 太郎, 李娜, 김민준); every other name, including a romanised Japanese,
// Chinese or Korean name and a Hungarian name in Latin letters, is shown given name first. Why the
// script and not the country: the country says where a person works, not how their name is written
// (a Japanese record for a British expat in Tokyo, a Hungarian record for a Brazilian in Budapest);
// the script of the name itself is the reliable signal, and romanised names in an international
// directory are read given-name-first by convention.
//
// Spacing. Chinese and Korean names are joined without a space; Japanese names (kana present, or a
// JP record) keep a space between family and given name, as Japanese directories print them.
import type { DirectoryRecord } from './types.js';

type NameRecord = Pick<DirectoryRecord, 'givenName' | 'familyName' | 'preferredGivenName' | 'country'>;

const FAMILY_FIRST_SCRIPT = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー・\s]+$/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The given name the person goes by: the preferred one when the directory has it. */
export function shownGivenName(record: NameRecord): string {
  const preferred = record.preferredGivenName?.trim();
  return preferred ? preferred : record.givenName.trim();
}

/** Whether the name is shown family name first (both parts written in a CJK script). */
export function isFamilyNameFirst(record: NameRecord): boolean {
  const given = shownGivenName(record);
  const family = record.familyName.trim();
  return given !== '' && family !== '' && FAMILY_FIRST_SCRIPT.test(given) && FAMILY_FIRST_SCRIPT.test(family);
}

/** The full name to show for a person, e.g. "Seema Nair", "Tom Hargreaves", "山田 太郎". */
export function displayName(record: NameRecord): string {
  const given = shownGivenName(record);
  const family = record.familyName.trim();
  if (isFamilyNameFirst(record)) {
    const japanese = KANA.test(given + family) || record.country === 'JP';
    return japanese ? `${family} ${given}` : `${family}${given}`;
  }
  return [given, family].filter((s) => s !== '').join(' ');
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The first letter of a name part, without vowel signs or accents' combining marks. */
function firstLetter(part: string): string {
  for (const { segment } of segmenter.segment(part)) {
    if (!/\p{L}/u.test(segment)) continue;
    const base = [...segment.normalize('NFC')].filter((c) => !/\p{M}/u.test(c)).join('');
    return base.toUpperCase();
  }
  return '';
}

/** The first part of a family name that is not a lowercase particle: "van der Berg" → "Berg", "al-Sayed" → "Sayed". */
function mainFamilyWord(family: string): string {
  const parts = family.split(/[\s\-‐‑'’ʼ]+/u).filter((w) => w !== '');
  return parts.find((w) => /^\p{Lu}/u.test(w)) ?? parts[0] ?? '';
}

/**
 * Up to two letters for an avatar: given and family initial ("SN" for Seema Nair, "AB" for Anne
 * van der Berg). A CJK name gives the first character of the family name alone ("山"), which is
 * how such avatars are usually drawn.
 */
export function initials(record: NameRecord): string {
  const family = record.familyName.trim();
  if (isFamilyNameFirst(record)) return firstLetter(family);
  return firstLetter(shownGivenName(record)) + firstLetter(mainFamilyWord(family));
}
