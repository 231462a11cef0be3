// Test data shared by the component tests: a few directory people, posts and a scripted evaluate.
import type { CommentView, DirectoryRecord, Draft, Finding, PostView, Verdict } from '@hearth/core';

export const person = (id: string, givenName: string, familyName: string, extra: Partial<DirectoryRecord> = {}): DirectoryRecord => ({
  id,
  email: `${id}@example.com`,
  givenName,
  familyName,
  title: 'Engineer',
  department: 'Platform',
  location: 'Lyon',
  country: 'FR',
  manager: null,
  roles: ['employee'],
  status: 'active',
  ...extra,
});

export const people: DirectoryRecord[] = [
  person('anna.berg', 'Anna', 'Berg', { title: 'Product designer', department: 'Design' }),
  person('ben.ode', 'Ben', 'Ode', { title: 'Support lead', department: 'Support', location: 'Leeds', manager: 'anna.berg' }),
  person('chloe.martin', 'Chloé', 'Martin'),
];

export const nameOf = (id: string): string => {
  const p = people.find((x) => x.id === id);
  return p ? `${p.givenName} ${p.familyName}` : 'Unknown person';
};

export const comment = (id: string, authorId: string, body: string, replies: CommentView[] = []): CommentView => ({
  id,
  authorId,
  post: 'p1',
  replyTo: null,
  body,
  createdAt: Date.UTC(2026, 10, 20, 9),
  editedAt: null,
  state: 'published',
  replies,
  reactions: {},
});

export const post = (i: number, extra: Partial<PostView> = {}): PostView => ({
  id: `p${i}`,
  authorId: 'anna.berg',
  space: 'general',
  kind: 'discussion',
  title: `Post number ${i}`,
  body: `Body of post ${i}`,
  createdAt: Date.UTC(2026, 10, 20, 9) - i * 60_000,
  editedAt: null,
  state: 'published',
  comments: [],
  commentCount: 0,
  reactions: {},
  ...extra,
});

/** A stand-in for core's evaluate: every occurrence of a listed word yields a finding. */
export function scriptedEvaluate(words: Record<string, Finding['severity']>) {
  return (draft: Draft): Verdict => {
    const findings: Finding[] = [];
    for (const [field, text] of [['title', draft.title ?? ''], ['body', draft.body]] as const) {
      for (const [word, severity] of Object.entries(words)) {
        let at = text.indexOf(word);
        while (at >= 0) {
          findings.push({ rule: `rule-${word}`, severity, field, start: at, end: at + word.length, message: `“${word}” matched ${severity}`, guidance: `Try another word than ${word}.` });
          at = text.indexOf(word, at + word.length);
        }
      }
    }
    const order = ['allow', 'warn', 'flag', 'hold', 'reject'] as const;
    const action = findings.reduce<Verdict['action']>((a, f) => (order.indexOf(f.severity) > order.indexOf(a) ? f.severity : a), 'allow');
    return { action, policyVersion: 1, findings };
  };
}
