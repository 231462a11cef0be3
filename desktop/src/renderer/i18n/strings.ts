// The tiny runtime behind every string the app shows: look a key up in a typed catalogue, pick the
// plural form with Intl.PluralRules, fill `{placeholders}`, and format dates, times and numbers
// with Intl. Why not a library: the catalogue is small and the rules are exactly these.
import { en, type MessageKey, type PluralForms } from './en.js';

export type Params = Readonly<Record<string, string | number>>;

/** A catalogue for another language must translate every key English has. */
export type Catalogue = { readonly [K in MessageKey]: string | PluralForms };

export interface Strings {
  readonly locale: string;
  /** Look up a message; a plural message picks its form from `params.count`. */
  t(key: MessageKey, params?: Params): string;
  formatNumber(value: number): string;
  /** Date and time, for tooltips and `<time>` titles: "22 Nov 2026, 19:34". */
  formatDateTime(at: number): string;
  /** Date only: "22 Nov 2026". */
  formatDate(at: number): string;
  /** Time of day only: "19:34". */
  formatTime(at: number): string;
  /** "just now", "5 minutes ago", "yesterday"; older than a week falls back to the date. */
  formatRelative(at: number, now: number): string;
  /** "Anna, Ben and Chloé". */
  formatList(items: readonly string[]): string;
}

const PLACEHOLDER = /\{(\w+)\}/g;

const RELATIVE_STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

export function createStrings(locale = 'en', catalogue: Catalogue = en): Strings {
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const dateOnly = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const timeOnly = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });

  const fill = (template: string, params: Params | undefined): string =>
    params === undefined
      ? template
      : template.replace(PLACEHOLDER, (whole, name: string) => {
          const value = params[name];
          if (value === undefined) return whole;
          return typeof value === 'number' ? numbers.format(value) : value;
        });

  return {
    locale,
    t(key, params) {
      const message = catalogue[key];
      if (typeof message === 'string') return fill(message, params);
      const count = typeof params?.count === 'number' ? params.count : 0;
      // An explicit `zero` form reads better in English ("No comments") even though English has no
      // zero plural category; languages that do have one get it from PluralRules anyway.
      const form = (count === 0 ? message.zero : undefined) ?? message[plurals.select(count)] ?? message.other;
      return fill(form, params);
    },
    formatNumber: (value) => numbers.format(value),
    formatDateTime: (at) => dateTime.format(at),
    formatDate: (at) => dateOnly.format(at),
    formatTime: (at) => timeOnly.format(at),
    formatRelative(at, now) {
      let amount = (at - now) / 1000;
      if (Math.abs(amount) < 45) return relative.format(0, 'second');
      for (const [unit, size] of RELATIVE_STEPS) {
        if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit);
        amount /= size;
      }
      return dateOnly.format(at);
    },
    formatList: (items) => list.format(items),
  };
}
