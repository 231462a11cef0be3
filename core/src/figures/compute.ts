// Computes the figures report from what the relay may look at: published space documents (as
// SpaceActivity), audit-journal records and course-progress records. Pure: the relay reads, this
// counts, so the counting and the five-person rule are tested without a relay.
import { FIGURE_MIN_PEOPLE, guarded, type CourseFigures, type FiguresReport, type SpaceFigures } from './report.js';
import type { SpaceActivity } from './space-activity.js';
import { isModule } from '../model/course-views.js';

/** One audit-journal record, as much of it as figures need. */
export interface JournalFact {
  kind: string;
  /** A person id, or 'relay' / 'admin' for the relay's own acts. */
  actor: string;
  space: string | null;
  at: number;
}

/** A module a person has marked done (and not taken back). */
export interface CompletionFact {
  space: string;
  module: string;
  person: string;
}

export interface FiguresInput {
  from: number;
  to: number;
  scope: FiguresReport['scope'];
  /** The spaces the report covers, each with its meta. */
  spaces: SpaceActivity[];
  /**
   * Journal records with from <= at < to. For the `spaces` scope, only records of those spaces
   * (a facilitator learns nothing about activity elsewhere).
   */
  journal: JournalFact[];
  completions: CompletionFact[];
  /** Must-read acknowledgements (the relay's read receipts) of posts in these spaces: who acknowledged which post. */
  readReceipts?: { post: string; person: string }[];
}

/** Journal kinds that mean a person did something themselves (not a moderator's or the relay's act). */
const ACTIVITY_KINDS = new Set(['publication', 'hold', 'report', 'acknowledgement', 'membership']);
const NOT_PEOPLE = new Set(['relay', 'admin']);
const DAY = 86_400_000;

export const dayOf = (at: number): string => new Date(at).toISOString().slice(0, 10);
/** The Monday (UTC) of the ISO week of `at`. */
export const weekOf = (at: number): string => {
  const d = new Date(Math.floor(at / DAY) * DAY);
  return dayOf(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY);
};

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
/** Why a question mark: a course discussion has no question kind of its own; a comment that asks is how learners raise one. */
const asks = (text: string) => /[?？¿]/.test(text);

export function computeFigures(input: FiguresInput): FiguresReport {
  const { from, to } = input;
  const inRange = (at: number | null) => at !== null && at >= from && at < to;
  // Keyed by day number, formatted once per day at the end (toISOString per item was a hot spot).
  const activeByDay = new Map<number, Set<string>>();
  const active = (person: string, at: number | null) => {
    if (!inRange(at) || NOT_PEOPLE.has(person)) return;
    const day = Math.floor(at! / DAY);
    activeByDay.set(day, (activeByDay.get(day) ?? new Set()).add(person));
  };
  for (const f of input.journal) if (ACTIVITY_KINDS.has(f.kind)) active(f.actor, f.at);

  const spaces: SpaceFigures[] = [];
  const courses: CourseFigures[] = [];
  for (const s of input.spaces) {
    if (s.meta === null) continue;
    const posts = s.posts.filter((p) => inRange(p.createdAt));
    const comments = s.comments.filter((c) => inRange(c.createdAt));
    const reactions = s.reactions.filter((r) => inRange(r.at));
    for (const i of [...posts, ...comments]) active(i.authorId, i.createdAt);
    for (const r of reactions) active(r.authorId, r.at);
    const people = (items: { authorId: string }[]) => new Set(items.map((i) => i.authorId)).size;
    const count = (items: { authorId: string }[]) => guarded(items.length, people(items));

    const commentsOn = new Map<string, SpaceActivity['comments']>();
    for (const c of s.comments) if (c.createdAt < to) commentsOn.set(c.post, [...(commentsOn.get(c.post) ?? []), c]);
    const questions = posts.filter((p) => p.kind === 'question');
    const waits: number[] = [];
    // Unanswered as the app lists them: no accepted answer (core's unansweredQuestions).
    const unanswered = questions.filter((q) => q.acceptedAnswer === null).length;
    for (const q of questions) {
      const answers = (commentsOn.get(q.id) ?? []).filter((c) => c.authorId !== q.authorId);
      if (answers.length > 0) waits.push(Math.max(0, Math.min(...answers.map((a) => a.createdAt)) - q.createdAt));
    }
    const askers = people(questions);
    const announcements = posts.filter((p) => p.kind === 'announcement');
    const announced = new Set(announcements.map((a) => a.id));
    const reached = new Set<string>();
    for (const c of s.comments) if (announced.has(c.post) && c.createdAt < to) reached.add(c.authorId);
    for (const r of s.reactions) if (announced.has(r.target)) reached.add(r.authorId);
    for (const a of announcements) reached.delete(a.authorId);
    const mustRead = new Set(announcements.filter((a) => a.mustRead).map((a) => a.id));
    const receipts = (input.readReceipts ?? []).filter((r) => mustRead.has(r.post));
    const journalOf = (kind: string) => {
      const facts = input.journal.filter((f) => f.kind === kind && f.space === s.meta!.id);
      return guarded(facts.length, new Set(facts.map((f) => f.actor)).size);
    };
    spaces.push({
      space: s.meta.id,
      name: s.meta.name,
      kind: s.meta.kind,
      people: guarded(new Set([...posts, ...comments, ...reactions].map((i) => i.authorId)).size, new Set([...posts, ...comments, ...reactions].map((i) => i.authorId)).size),
      posts: count(posts),
      comments: count(comments),
      reactions: count(reactions),
      questions: guarded(questions.length, askers),
      unansweredShare: questions.length === 0 ? null : guarded(round(unanswered / questions.length, 3), askers),
      medianHoursToFirstAnswer: waits.length === 0 ? null : guarded(round(median(waits) / 3_600_000, 1), askers),
      announcements: guarded(announcements.length, reached.size),
      announcementReach: guarded(reached.size, reached.size),
      mustReadAcknowledgements: guarded(receipts.length, new Set(receipts.map((r) => r.person)).size),
      holds: journalOf('hold'),
      reports: journalOf('report'),
    });
    if (s.meta.kind === 'course') courses.push(courseFigures(s, input.completions, to));
  }

  const days: FiguresReport['days'] = [];
  const weekly = new Map<string, Set<string>>();
  for (let t = Math.floor(from / DAY) * DAY; t < to; t += DAY) {
    const day = dayOf(t);
    const set = activeByDay.get(t / DAY) ?? new Set<string>();
    days.push({ day, activePeople: guarded(set.size, set.size) });
    const week = weekOf(t);
    const w = weekly.get(week) ?? new Set<string>();
    for (const p of set) w.add(p);
    weekly.set(week, w);
  }
  const weeks = [...weekly].map(([week, set]) => ({ week, activePeople: guarded(set.size, set.size) }));
  return { from, to, minPeople: FIGURE_MIN_PEOPLE, scope: input.scope, days, weeks, spaces, courses };
}

function courseFigures(s: SpaceActivity, completions: CompletionFact[], to: number): CourseFigures {
  // A course's modules are the posts of its facilitators; learners' own posts (questions, notes) are discussion.
  const modules = s.posts.filter((p) => p.createdAt < to && isModule(s.meta!, p)).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const moduleIds = new Set(modules.map((m) => m.id));
  const doneBy = new Map<string, Set<string>>();
  const learners = new Set(s.members);
  for (const c of completions) {
    if (c.space !== s.meta!.id || !moduleIds.has(c.module)) continue;
    doneBy.set(c.module, (doneBy.get(c.module) ?? new Set()).add(c.person));
    learners.add(c.person);
  }
  for (const m of modules) learners.delete(m.authorId); // the facilitator who wrote a module is not its learner
  const perLearner = new Map<string, number>();
  for (const set of doneBy.values()) for (const p of set) if (learners.has(p)) perLearner.set(p, (perLearner.get(p) ?? 0) + 1);
  const average = modules.length === 0 || learners.size === 0 ? 0 : [...learners].reduce((sum, p) => sum + (perLearner.get(p) ?? 0) / modules.length, 0) / learners.size;
  return {
    space: s.meta!.id,
    name: s.meta!.name,
    learners: guarded(learners.size, learners.size),
    averageProgress: guarded(round(average, 3), learners.size),
    modules: modules.map((m) => {
      const done = [...(doneBy.get(m.id) ?? [])].filter((p) => learners.has(p));
      const asked = s.comments.filter((c) => c.post === m.id && c.createdAt < to && asks(c.body));
      return { post: m.id, title: m.title, done: guarded(done.length, done.length), questions: guarded(asked.length, new Set(asked.map((c) => c.authorId)).size) };
    }),
  };
}

