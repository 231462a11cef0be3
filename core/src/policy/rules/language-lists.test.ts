// The maintained lists behind the language rule (lexicon.ts): insults at colleagues in English, and
// profanity in the other languages of the demo company (German, Portuguese, Japanese, Hindi/English),
// with the normalisation against obfuscation, and per-language lists of ordinary text that must
// pass (the Scunthorpe problem: a list word inside an innocent word, or an innocent word the list
// carries).
import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate.js';
import { testPolicy } from '../test-policy.js';

const policy = testPolicy([
  { kind: 'language', severity: 'warn', categories: { slur: 'hold', insult: 'warn', profanity: 'warn', sexual: 'warn' }, ignore: ['sex'] },
]);
const judge = (body: string) => evaluate(policy, { body, space: 'general' });
const spansOf = (body: string) => judge(body).findings.map((f) => body.slice(f.start, f.end));

// [language, text, the span the composer must underline]
const MUST_CATCH: [string, string, string][] = [
  ['en', 'you idiot', 'idiot'],
  ['en', 'Rajesh is a moron', 'moron'],
  ['en', 'that was stupid of you, <@rajesh>', 'stupid'],
  ['en', 'what a dumbass', 'dumbass'],
  ['en', 'IDIOT', 'IDIOT'],
  ['en', 'you 1d10t', '1d10t'],
  ['en', 'you m0r0n', 'm0r0n'],
  ['en', 'i d i o t', 'i d i o t'],
  ['en', 'stu\u200Bpid', 'stu\u200Bpid'],
  ['en', '\uFF49\uFF44\uFF49\uFF4F\uFF54', '\uFF49\uFF44\uFF49\uFF4F\uFF54'], // fullwidth
  ['en', 'you m\u043Eron', 'm\u043Eron'], // Cyrillic о
  ['de', 'Du Arschloch!', 'Arschloch'],
  ['de', 'so ein Wichser', 'Wichser'],
  ['de', 'Das ist Scheiße', 'Scheiße'],
  ['de', 'Arschl0ch', 'Arschl0ch'],
  ['de', 'A r s c h l o c h', 'A r s c h l o c h'],
  ['de', 'du Hurensohn', 'Hurensohn'],
  ['pt', 'que merda', 'merda'],
  ['pt', 'filho da puta', 'filho da puta'],
  ['pt', 'vai tomar no cu', 'vai tomar no cu'],
  ['pt', 'caralho, que dia', 'caralho'],
  ['pt', 'que m3rda', 'm3rda'],
  ['pt', 'que MÉRDA', 'MÉRDA'],
  ['pt', 'puta que pariu', 'puta que pariu'],
  ['ja', 'このクソ野郎、ファック', 'ファック'],
  ['ja', 'お前はオマンコ', 'オマンコ'],
  ['hi', 'kya chutiya hai', 'chutiya'],
  ['hi', 'behen chod', 'behen chod'],
  ['hi', 'madarchod', 'madarchod'],
  ['hi', 'abe gandu', 'gandu'],
  ['hi', 'kya c h u t i y a hai', 'c h u t i y a'],
  ['hi', 'kya chut\u200Biya hai', 'chut\u200Biya'],
];

// Ordinary text at work, per language: nothing may be reported.
const MUST_NOT_CATCH: [string, string][] = [
  ['en', 'The welfare team meets on Friday.'],
  ['en', 'Check the flange and the stringer before you tinker with the rig.'],
  ['en', 'Yank the cable and plug it back in.'],
  ['en', 'Kumquat and beanbag suppliers for the office refresh.'],
  ['en', 'The report has a niggling error in the weighting.'],
  ['en', 'A quick chunky summary for the board.'],
  ['en', 'We were idle for an hour; the idiom is unclear.'],
  ['en', 'The stupor of the Monday meeting.'],
  ['en', 'Moroni and Morrison are presenting.'],
  ['en', 'Dumbbells in the gym are new.'],
  ['en', 'Mr Ho, Ms Fu, Mr Dong and Dr Koon are presenting; Kum is on leave.'],
  ['en', 'Geez, the teste of the Portuguese team is ready.'],
  ['pt', 'O teste de amanhã e o carro preto.'],
  ['de', 'Die Bonze der Firma und der Mufti im Film.'],
  ['de', 'Wir sind nackt im Regen gestanden, sagte er im Spaß.'],
  ['de', 'Die Kimme am Visier und die Rosette am Kabel.'],
  ['de', 'Schicke mir die Arbeitsliste für die Fickert-Studie.'],
  ['de', 'Der Bericht über Wichtiges und die Schlampigkeit der Daten.'],
  ['de', 'Morgen kommt Herr Hurlebaus.'],
  ['pt', 'Vamos comer e beber uma cerveja depois do trabalho.'],
  ['pt', 'A torneira da cozinha está a pingar.'],
  ['pt', 'O inferno do trânsito e a aranha no escritório.'],
  ['pt', 'Estou na bicha do almoço.'],
  ['pt', 'O burro da quinta e o pinto amarelo.'],
  ['pt', 'A mama do bebé e o saco de compras.'],
  ['pt', 'Computador, cumprimento, Curitiba e Cuiabá.'],
  ['pt', 'A putativa causa do atraso.'],
  ['ja', 'データを挿入してください。'],
  ['ja', 'フックとスリットを確認します。'],
  ['ja', '女の子のチームと人種の多様性について。'],
  ['ja', 'ファンタジー小説が好きです。嫌いな食べ物はありません。'],
  ['ja', 'エスコートサービスではなく、お客様をご案内します。'],
  ['ja', 'いたずらはやめましょう。'],
  ['hi', 'Yeh maal kal tak bhej do.'],
  ['hi', 'Diwali ka pataka aur kutta bhi aaya.'],
  ['hi', 'Chandigarh office mein meeting hai.'],
  ['hi', 'Land records aur Gandhinagar ki report.'],
  ['hi', 'Chutney aur chai ready hai.'],
];

describe('respectful language from the maintained lists', () => {
  it.each(MUST_CATCH)('%s: catches %j', (_language, body, span) => {
    expect(spansOf(body)).toEqual([span]);
  });

  it.each(MUST_NOT_CATCH)('%s: does not catch %j', (_language, body) => {
    expect(spansOf(body)).toEqual([]);
  });

  it('reports insults at colleagues as insults, other languages as profanity', () => {
    expect(judge('you idiot').findings[0]).toMatchObject({ severity: 'warn', detail: 'an insult' });
    expect(judge('Du Arschloch').findings[0]).toMatchObject({ detail: 'profanity' });
  });

  it('lets a company working in Portuguese allow "negro" (black), a slur in English', () => {
    const portuguese = testPolicy([{ kind: 'language', severity: 'warn', allowWords: ['negro', 'negra'] }]);
    expect(evaluate(portuguese, { body: 'O carro negro e a camisa negra.', space: null }).findings).toEqual([]);
    expect(judge('O carro negro').action).not.toBe('allow');
  });

  it('takes the severity of the policy for the category, and its ignore list', () => {
    const coachingOnly = testPolicy([{ kind: 'language', severity: 'flag', categories: { insult: 'warn' }, ignore: ['moron'] }]);
    expect(evaluate(coachingOnly, { body: 'you idiot', space: null }).action).toBe('warn');
    expect(evaluate(coachingOnly, { body: 'you moron', space: null }).action).toBe('allow');
  });
});
