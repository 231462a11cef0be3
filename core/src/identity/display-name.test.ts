import { describe, expect, it } from 'vitest';
import { displayName, initials, isFamilyNameFirst } from './display-name.js';
import { person } from './test-records.js';

describe('displayName', () => {
  const cases: [string, Parameters<typeof person>[0], string, string][] = [
    ['given then family', {}, 'Seema Nair', 'SN'],
    ['preferred given name wins', { givenName: 'Thomas', familyName: 'Hargreaves', preferredGivenName: 'Tom' }, 'Tom Hargreaves', 'TH'],
    ['particles stay, initials skip them', { givenName: 'Anne', familyName: 'van der Berg' }, 'Anne van der Berg', 'AB'],
    ['Spanish double surname', { givenName: 'Carmen', familyName: 'de la Cruz García' }, 'Carmen de la Cruz García', 'CC'],
    ['romanised Japanese stays given-first', { givenName: 'Kenji', familyName: 'Watanabe', country: 'JP' }, 'Kenji Watanabe', 'KW'],
    ['Japanese in kanji: family first, spaced', { givenName: '太郎', familyName: '山田', country: 'JP' }, '山田 太郎', '山'],
    ['Japanese kana anywhere: spaced', { givenName: 'さくら', familyName: '山本', country: 'GB' }, '山本 さくら', '山'],
    ['Chinese: family first, no space', { givenName: '娜', familyName: '李', country: 'CN' }, '李娜', '李'],
    ['Korean: family first, no space', { givenName: '민준', familyName: '김', country: 'KR' }, '김민준', '김'],
    ['CJK family with a Latin preferred name: given first', { givenName: '太郎', familyName: '山田', preferredGivenName: 'Taro', country: 'JP' }, 'Taro 山田', 'T山'],
    ['Hungarian in Latin letters: given first', { givenName: 'János', familyName: 'Kovács', country: 'HU' }, 'János Kovács', 'JK'],
    ['Greek', { givenName: 'Σωκράτης', familyName: 'Παπαδόπουλος' }, 'Σωκράτης Παπαδόπουλος', 'ΣΠ'],
    ['Devanagari initials drop vowel signs', { givenName: 'हिन्दी', familyName: 'शर्मा' }, 'हिन्दी शर्मा', 'हश'],
    ['Irish Ó', { givenName: 'Ciarán', familyName: 'Ó Súilleabháin' }, 'Ciarán Ó Súilleabháin', 'CÓ'],
    ['lowercase particle before a hyphen', { givenName: 'Fatima', familyName: 'al-Sayed' }, 'Fatima al-Sayed', 'FS'],
  ];
  it.each(cases)('%s', (_label, overrides, shown, letters) => {
    const r = person(overrides);
    expect(displayName(r)).toBe(shown);
    expect(initials(r)).toBe(letters);
  });

  it('is family-first only when both shown parts are CJK', () => {
    expect(isFamilyNameFirst(person({ givenName: '太郎', familyName: '山田' }))).toBe(true);
    expect(isFamilyNameFirst(person({ givenName: 'Taro', familyName: 'Yamada', country: 'JP' }))).toBe(false);
  });

  it('ignores a blank preferred name', () => {
    expect(displayName(person({ preferredGivenName: '  ' }))).toBe('Seema Nair');
  });
});
