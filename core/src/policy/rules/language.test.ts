import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate.js';
import { testPolicy } from '../test-policy.js';

const policy = testPolicy([
  {
    kind: 'language',
    severity: 'warn',
    categories: { slur: 'hold', insult: 'flag', profanity: 'warn', sexual: 'warn' },
    ignore: ['sex'],
  },
]);

const judge = (body: string) => evaluate(policy, { body, space: 'general' });
const spansOf = (body: string) => judge(body).findings.map((f) => body.slice(f.start, f.end));

// [text, the span the composer must underline]
const MUST_CATCH: [string, string][] = [
  ['what the fuck', 'fuck'],
  ['WHAT THE FUCK', 'FUCK'],
  ['this is sh1t', 'sh1t'],
  ['this is $hit', '$hit'],
  ['fück this', 'fück'],
  ['fu\u200Bck this', 'fu\u200Bck'],
  ['\uFF46\uFF55\uFF43\uFF4B', '\uFF46\uFF55\uFF43\uFF4B'], // fullwidth
  ['\u0455hit happens', '\u0455hit'], // Cyrillic dze
  ['shiiiiit', 'shiiiiit'],
  ['f u c k this', 'f u c k'],
  ['f.u.c.k this', 'f.u.c.k'],
  ['you bastard', 'bastard'],
  ['you are a tw@t', 'tw@t'],
  ['b i t c h', 'b i t c h'],
];

const MUST_NOT_CATCH = [
  'Scunthorpe',
  'a classic result',
  'the assessment is due',
  'an assassin in the novel',
  'cocktail party',
  'Sussex and Essex',
  'analysis of the panel',
  'my therapist said',
  'grape juice',
  'shiitake mushrooms',
  'Hancock and Peacock',
  'please pass the grass',
  'assume the basement',
  'the constitution',
  'a petition',
  'cumulative totals',
  'Respondents by sex and age', // ignored word in this policy
  'document the circumstances',
  'the therapist assessed the class',
  'cumin and coriander',
  'rapeseed oil',
  'the Penistone line',
  'Middlesex',
];

describe('respectful language', () => {
  it.each(MUST_CATCH)('catches %j', (body, span) => {
    expect(spansOf(body)).toEqual([span]);
  });

  it.each(MUST_NOT_CATCH)('does not catch %j', (body) => {
    expect(spansOf(body)).toEqual([]);
  });

  it('takes the severity of the category', () => {
    expect(judge('you bastard').findings[0]).toMatchObject({ severity: 'flag', detail: 'an insult' });
    expect(judge('damn, shit').findings[0]).toMatchObject({ severity: 'warn', detail: 'profanity' });
    expect(judge('stop being a retard').action).toBe('hold');
  });

  it('lets a policy add innocent words of its own', () => {
    const p = testPolicy([{ kind: 'language', severity: 'warn', allowWords: ['pushit'] }]);
    expect(evaluate(p, { body: 'the pushit campaign', space: null }).action).toBe('allow');
    expect(judge('the pushit campaign').action).toBe('warn');
  });

  it('skips categories set to allow', () => {
    const lenient = testPolicy([{ kind: 'language', severity: 'warn', categories: { profanity: 'allow' } }]);
    expect(evaluate(lenient, { body: 'oh shit', space: null }).action).toBe('allow');
    expect(evaluate(lenient, { body: 'you bastard', space: null }).action).toBe('warn');
  });

  it('points into the original text after invisible characters and astral symbols', () => {
    const body = '😀\u200B😀 ok fuck';
    expect(spansOf(body)).toEqual(['fuck']);
  });

  it('finds words anywhere in a long text, with offsets into the whole text', () => {
    const sentences = 'We reviewed the weighting of the panel. '.repeat(40);
    const runOn = 'and then the weighting of the panel '.repeat(30); // one sentence of 1,080 characters
    for (const body of [`${sentences}Damn shit.`, `${runOn}shit ${runOn}`, `shit ${sentences}`]) {
      const v = judge(body);
      expect(v.findings.map((f) => body.slice(f.start, f.end))).toEqual(['shit']);
    }
  });
});
