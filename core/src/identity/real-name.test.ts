import { describe, expect, it } from 'vitest';
import { checkRealName } from './real-name.js';
import type { RealNameRefusal } from './real-name.js';

type Name = { givenName: string; familyName: string; preferredGivenName?: string };
const n = (givenName: string, familyName: string, preferredGivenName?: string): Name =>
  preferredGivenName === undefined ? { givenName, familyName } : { givenName, familyName, preferredGivenName };

describe('checkRealName accepts real names from many cultures', () => {
  const accepted: [string, Name][] = [
    ['plain English', n('Seema', 'Nair')],
    ['hyphenated given name', n('Anne-Marie', 'Fontaine')],
    ['hyphenated family name', n('Oliver', 'Bennett-Clarke')],
    ['apostrophe (Irish)', n('Siobhán', "O'Brien")],
    ['apostrophe (Senegalese)', n('Youssou', "N'Dour")],
    ['typographic apostrophe', n('Siobhán', 'O’Brien')],
    ['Dutch particles', n('Anne', 'van der Berg')],
    ['Spanish particles and double surname', n('Carmen', 'de la Cruz García')],
    ['Malay patronymic', n('Muhammad Faizal', 'bin Abdullah')],
    ['Arabic article with hyphen', n('Fatima', 'al-Sayed')],
    ['Irish Ó', n('Ciarán', 'Ó Súilleabháin')],
    ['Irish mutation', n('Caoimhe', 'Ó hAodha')],
    ['Irish Ní', n('Niamh', 'Ní Bhriain')],
    ['French elision', n('Charles', "d'Artagnan")],
    ['Dutch IJ', n('Pieter', 'IJzerman')],
    ['Scottish Mc', n('James', 'McAllister')],
    ['internal capital', n('DeShawn', 'MacArthur')],
    ['Portuguese chain', n('Ana Luísa', 'Ferreira dos Santos Oliveira e Silva')],
    ['German von', n('Maximilian', 'von Stein', 'Max')],
    ['Turkish dotless i', n('Emre', 'Yıldız')],
    ['Chinese, one character each', n('娜', '李')],
    ['Japanese kanji', n('太郎', '山田')],
    ['Japanese kana given name', n('さくら', '山本')],
    ['Korean Hangul', n('민준', '김')],
    ['Greek', n('Σωκράτης', 'Παπαδόπουλος')],
    ['Cyrillic', n('Дмитрий', 'Иванов')],
    ['Arabic script', n('محمد', 'عبد الله')],
    ['Devanagari', n('हिन्दी', 'शर्मा')],
    ['Tamil', n('கார்த்திக்', 'சுப்பிரமணியன்')],
    ['Persian with zero-width non-joiner', n('مهدی', 'عبد\u200cالله')],
    ['Katakana foreign name with middle dot', n('ジョン・ポール', 'スミス')],
    ['initial before a full given name', n('J. Robert', 'Oppenheimer')],
    ['middle initial', n('Harry S.', 'Truman')],
    ['South Indian initial as family name', n('Rajesh', 'K')],
    ['dotted initials as preferred name', n('Andrew James', 'Smith', 'A.J.')],
    ['two-letter preferred name in capitals', n('Andrew James', 'Smith', 'AJ')],
    ['French capitalised family name', n('Jean', 'DUPONT')],
    ['Vietnamese', n('Thị Minh Khai', 'Nguyễn')],
    ['one legal name in both fields', n('Suharto', 'Suharto')],
    ['real surname that is also a role word, with a first name', n('Walter', 'Sales')],
    ['Korean surname No', n('Hong-chul', 'No')],
    ['Catalan middle dot', n('Laia', 'Col·lell')],
    ['Kikuyu particle', n('Ngũgĩ', "wa Thiong'o")],
    ['suffix with a full stop', n('Martin Luther', 'King Jr.')],
    ['Georgian (no capitals in the script)', n('გიორგი', 'ბერიძე')],
    ['Armenian', n('Արամ', 'Խաչատրյան')],
    ['Hebrew with geresh', n('ז׳ק', 'כהן')],
    ['Thai', n('สมชาย', 'ใจดี')],
    ['Korean romanised one-letter surname', n('Yeon-hee', 'O')],
    ['decomposed accents (NFD input)', n('Jose\u0301', 'Nun\u0303ez')],
  ];
  it.each(accepted)('%s', (_label, name) => {
    expect(checkRealName(name)).toEqual({ ok: true });
  });
});

// Families of names whose spelling needs an apostrophe or a zero-width non-joiner inside a word, in
// every apostrophe people type: U+2019 (typographic), U+0027 (keyboard), U+02BC (modifier letter
// apostrophe), U+02BB (Uzbek oʻ/gʻ, a modifier letter turned comma), U+2018.
describe('checkRealName accepts names written with an apostrophe or ZWNJ inside a word', () => {
  const ukrainian: Name[] = [
    n('В’ячеслав', 'Шевченко'),
    n("Мар'яна", 'Коваленко'),
    n('Марʼяна', 'В’ятрович'),
    n("Дар'я", "Дем'янчук"),
    n('Лук’ян', 'Солов’яненко'),
    n('Валерʼян', 'Підв’язний'),
    n("Дем'ян", "П'ятничук"),
  ];
  const belarusian: Name[] = [n('Мар’я', 'Вераб’ёва'), n("Аляксандр", "Вераб'ёў")];
  const uzbek: Name[] = [
    n('Jahongir', 'Gʻafurov'),
    n('Oʻktam', 'Toʻlqinov'),
    n("G'ayrat", "To'lqinov"),
    n('G’ulom', 'O’rinov'),
    n('Shoʻxrux', 'Mirzaoʻg‘li'),
    n('Maʼmur', 'Saʼdullayev'),
    n("Ma'rufjon", "Sa'dullayev"),
    n('Gʼulom', 'Toʼlaganov'),
  ];
  const sorani: Name[] = [
    n('ئه‌حمه‌د', 'عه‌بدوڵڵا'),
    n('حه‌مه‌ ئه‌مین', 'ڕه‌شید'),
    n('ئاوێزه‌', 'کوێخا'),
    n('شنۆ', 'ڕه‌حیمه‌'),
    n('هه‌ژار', 'مه‌حموود'),
  ];
  it.each([...ukrainian, ...belarusian, ...uzbek, ...sorani].map((name) => [`${name.givenName} ${name.familyName}`, name]))(
    '%s',
    (_label, name) => {
      expect(checkRealName(name)).toEqual({ ok: true });
    },
  );

  it.each([
    [n('Na\u200cir', 'Smith'), 'symbols', 'givenName'], // ZWNJ between Latin letters: a look-alike of "Nair"
    [n('Seema', 'Na\u200dir'), 'symbols', 'familyName'],
    [n('Дми\u200cтрий', 'Иванов'), 'symbols', 'givenName'],
    [n('محمد\u200c', 'علی'), 'symbols', 'givenName'], // after a letter other than ه, at the end of a word
    [n('\u200cعلی', 'رضایی'), 'symbols', 'givenName'],
    [n('حه\u200c\u200cمه', 'ڕه\u200cشید'), 'symbols', 'givenName'],
    [n('حه\u200c', 'Smith\u200c'), 'symbols', 'familyName'],
    [n("john'smith", ''), 'handle', 'givenName'],
    [n("Мар'яна2", 'Коваленко'), 'digits', 'givenName'],
    [n("Sa'dullayev", 'Helpdesk'), 'role-account', 'familyName'],
    [n("xX'gamer", 'Smith'), 'handle', 'givenName'],
    [n("Олег", "'ячеслав"), 'letter-case', 'familyName'],
  ] as [Name, RealNameRefusal, string][])('still refuses %o (%s)', (name, reason, field) => {
    expect(checkRealName(name)).toMatchObject({ ok: false, reason, field });
  });
});

describe('checkRealName refuses what is not a plausible real name, with one reason', () => {
  const refused: [Name, RealNameRefusal, string][] = [
    [n('xXgamerXx', 'Smith'), 'handle', 'givenName'],
    [n('xXgamerXx', ''), 'handle', 'givenName'],
    [n('jdoe', ''), 'handle', 'givenName'],
    [n('john.doe', 'Smith'), 'handle', 'givenName'],
    [n('j_doe', 'Smith'), 'handle', 'givenName'],
    [n('JDoe', 'Smith'), 'handle', 'givenName'],
    [n('Seema', 'Nair', 'SeemaN'), 'handle', 'preferredGivenName'],
    [n('John', 'Smith2'), 'digits', 'familyName'],
    [n('R2', 'D2'), 'digits', 'givenName'],
    [n('jane.doe@example.com', ''), 'email-address', 'givenName'],
    [n('Jane', 'jane@poll.example'), 'email-address', 'familyName'],
    [n('Sales', 'Team'), 'role-account', 'familyName'],
    [n('Sales Team', ''), 'role-account', 'givenName'],
    [n('IT', 'Support'), 'role-account', 'familyName'],
    [n('Admin', ''), 'role-account', 'givenName'],
    [n('Reception', 'London'), 'role-account', 'givenName'],
    [n('noreply', ''), 'role-account', 'givenName'],
    [n('No-Reply', ''), 'role-account', 'givenName'],
    [n('HR', ''), 'role-account', 'givenName'],
    [n('Help', 'Desk'), 'role-account', 'familyName'],
    [n('ITSupport', ''), 'role-account', 'givenName'],
    [n('Test', 'User'), 'placeholder', 'givenName'],
    [n('Unknown', 'Person'), 'placeholder', 'givenName'],
    [n('Seema', ''), 'single-word', 'familyName'],
    [n('', 'Nair'), 'single-word', 'givenName'],
    [n('', ''), 'single-word', 'givenName'],
    [n('JOHN', 'SMITH'), 'letter-case', 'givenName'],
    [n('john', 'smith'), 'letter-case', 'givenName'],
    [n('John', 'smith'), 'letter-case', 'familyName'],
    [n('Bob', 'Smith', 'BOB'), 'letter-case', 'preferredGivenName'],
    [n('Seema 🔥', 'Nair'), 'symbols', 'givenName'],
    [n('Seema', 'Nair ★'), 'symbols', 'familyName'],
    [n('Seema!', 'Nair'), 'symbols', 'givenName'],
    [n('Seema', '(Comms)'), 'symbols', 'familyName'],
    [n('-', 'Nair'), 'symbols', 'givenName'],
    [n('Seema', 'Na\u200bir'), 'symbols', 'familyName'],
    [n('Seema\nNair', 'Nair'), 'symbols', 'givenName'],
    [n('Jоhn', 'Smith'), 'mixed-script', 'givenName'], // Cyrillic о
    [n('J.', 'D.'), 'initials-only', 'givenName'],
    [n('A', 'B'), 'initials-only', 'givenName'],
    [n('Joooohn', 'Smith'), 'repeated-letters', 'givenName'],
    [n('A'.repeat(101), 'Smith'), 'too-long', 'givenName'],
  ];
  it.each(refused)('%o → %s', (name, reason, field) => {
    const r = checkRealName(name);
    expect(r).toMatchObject({ ok: false, reason, field });
    if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
  });

  it('names an invisible character by its code point', () => {
    const r = checkRealName(n('Seema', 'Na\u200bir'));
    expect(r.ok ? '' : r.message).toContain('U+200B');
  });

  it('says why in plain words, naming the field', () => {
    const r = checkRealName(n('Seema', ''));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('family name');
  });
});
