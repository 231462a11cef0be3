// What every rule kind gets to look at, and how it reports. Why one shape: evaluate() normalises
// and tokenises each field once and hands the same view to every rule, so the cost of a keystroke
// in the composer stays linear in the text however many rules the policy has.
import type { Normalised } from '../normalise.js';
import type { Candidate, Token } from '../tokens.js';
import type { Action, Draft, Finding } from '../types.js';

export interface FieldView {
  field: 'title' | 'body';
  text: string;
  norm: Normalised;
  tokens: Token[];
  words: Candidate[];
}

export interface RuleInput {
  draft: Draft;
  fields: FieldView[];
}

/** A prepared rule: everything expensive is done once per policy, the check is per draft. */
export type RuleCheck = (input: RuleInput) => Finding[];

export interface RuleText {
  id: string;
  message: string;
  guidance: string;
}

export function finding(
  rule: RuleText,
  severity: Action,
  field: Finding['field'],
  start: number,
  end: number,
  detail?: string,
): Finding {
  const f: Finding = { rule: rule.id, severity, field, start, end, message: rule.message, guidance: rule.guidance };
  if (detail !== undefined) f.detail = detail;
  return f;
}

/** A bounded memo: cleared when full, which is cheap and keeps memory flat on a long-lived relay. */
export class Memo<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly limit: number) {}
  get(key: string, compute: (key: string) => V): V {
    const known = this.map.get(key);
    if (known !== undefined) return known;
    const value = compute(key);
    this.set(key, value);
    return value;
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
  set(key: string, value: V): void {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
  }
}
