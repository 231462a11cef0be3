// Classification markers ("CONFIDENTIAL", "INTERNAL ONLY", ...). Why a rule of its own: a marker
// says the author copied from a document that must not be shared more widely, whatever the words
// around it. Markers are matched on folded text (so "C O N F I D E N T I A L" and
// "ᏟONFIDENTIAL" are no way round it) as whole words, with flexible spacing inside a marker.
import { originalSpan } from '../normalise.js';
import type { ClassificationRule } from '../rule-schemas.js';
import type { Finding } from '../types.js';
import { finding, type RuleCheck } from './rule-check.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function markerPattern(markers: readonly string[]): RegExp {
  const alternatives = markers
    .map((m) => m.toLowerCase().split(/\s+/).filter(Boolean))
    .sort((a, b) => b.join(' ').length - a.join(' ').length) // longest first: "strictly confidential"
    .map((words) => words.map((w) => w.split('').map(escape).join('[\\s.\\-_]?')).join('[\\s\\-_:]+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

const hasLower = (s: string) => s !== s.toUpperCase();

export function prepareClassification(rule: ClassificationRule): RuleCheck {
  const pattern = markerPattern(rule.markers);
  return ({ fields }) => {
    const out: Finding[] = [];
    for (const view of fields) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(view.norm.folded); m; m = pattern.exec(view.norm.folded)) {
        const span = originalSpan(view.norm, m.index, m.index + m[0].length);
        if (rule.matchCase === 'upper' && hasLower(view.text.slice(span.start, span.end))) continue;
        out.push(finding(rule, rule.severity, view.field, span.start, span.end, 'a classification marker'));
      }
    }
    return out;
  };
}
