// One field of a draft as every rule sees it. Why shared: evaluate() and compilePolicy's leak check
// must read text exactly the same way, or a term could slip through one of them.
import { normalise } from './normalise.js';
import type { FieldView } from './rules/rule-check.js';
import { tokenize, wordCandidates } from './tokens.js';

export function fieldView(field: 'title' | 'body', text: string): FieldView {
  const norm = normalise(text);
  const tokens = tokenize(norm.skeleton);
  return { field, text, norm, tokens, words: wordCandidates(norm.skeleton, tokens) };
}
