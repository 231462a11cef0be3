// The engagement figures the relay computes for communications and facilitators, as plain data, and
// the schema the app parses them with. Why in core: the relay computes them and the app renders
// them; one definition keeps both ends (and docs/protocol.md, "Figures") agreeing.
//
// The five-person rule: no figure is shown for a group of fewer than five people, so no one can be
// singled out. A figure counts what a group of people did; when between one and four people are
// behind it, it is *suppressed* (null), never rounded or blurred. Zero people (nothing happened) is
// shown as 0: it singles no one out.
import { z } from 'zod';
import { SPACE_KINDS } from '../model/types.js';

export const FIGURE_MIN_PEOPLE = 5;

/** A figure, or null when it is suppressed (fewer than FIGURE_MIN_PEOPLE people behind it). */
export type Figure = number | null;

/** `value` unless 1 to FIGURE_MIN_PEOPLE - 1 people are behind it. */
export function guarded(value: number, people: number): Figure {
  return people > 0 && people < FIGURE_MIN_PEOPLE ? null : value;
}

export interface DayFigures {
  /** The UTC day, YYYY-MM-DD. */
  day: string;
  activePeople: Figure;
}

export interface WeekFigures {
  /** The Monday (UTC) that starts the ISO week, YYYY-MM-DD. */
  week: string;
  activePeople: Figure;
}

export interface SpaceFigures {
  space: string;
  name: string;
  kind: (typeof SPACE_KINDS)[number];
  /** Distinct people who posted, commented or reacted in the space in the period. */
  people: Figure;
  posts: Figure;
  comments: Figure;
  reactions: Figure;
  /** Questions (posts of kind `question`) asked in the period. */
  questions: Figure;
  /** Share (0–1) of those questions without an accepted answer (as the app's unanswered list). */
  unansweredShare: Figure;
  /** Median hours from a question to its first comment by someone else (questions with one only). */
  medianHoursToFirstAnswer: Figure;
  /** Announcements published in the period (group: their audience, `announcementReach`'s people). */
  announcements: Figure;
  /** Distinct people who commented on or reacted to those announcements. */
  announcementReach: Figure;
  /** Acknowledgements of those announcements that were must-read (the relay's read receipts; group: the people who acknowledged). */
  mustReadAcknowledgements: Figure;
  /** Entries held by the policy in the space, and reports filed on its items (from the journal). */
  holds: Figure;
  reports: Figure;
}

export interface ModuleFigures {
  /** The module's post id. */
  post: string;
  title: string;
  /** People who marked the module done (and have not taken it back). */
  done: Figure;
  /** Comments in the module's discussion that ask something (contain a question mark). */
  questions: Figure;
}

export interface CourseFigures {
  space: string;
  name: string;
  /** Members of the course and anyone who marked a module done. */
  learners: Figure;
  /** Mean share (0–1) of the modules each learner has done. */
  averageProgress: Figure;
  modules: ModuleFigures[];
}

export interface FiguresReport {
  from: number;
  to: number;
  minPeople: number;
  /** `organisation`: comms and admins (every space, company-wide activity); `spaces`: a facilitator's own spaces. */
  scope: 'organisation' | 'spaces';
  days: DayFigures[];
  weeks: WeekFigures[];
  spaces: SpaceFigures[];
  courses: CourseFigures[];
}

const figure = z.number().nonnegative().nullable();
export const figuresReportSchema: z.ZodType<FiguresReport> = z.object({
  from: z.number(),
  to: z.number(),
  minPeople: z.number(),
  scope: z.enum(['organisation', 'spaces']),
  days: z.array(z.object({ day: z.string(), activePeople: figure })),
  weeks: z.array(z.object({ week: z.string(), activePeople: figure })),
  spaces: z.array(
    z.object({
      space: z.string(),
      name: z.string(),
      kind: z.enum(SPACE_KINDS),
      people: figure,
      posts: figure,
      comments: figure,
      reactions: figure,
      questions: figure,
      unansweredShare: figure,
      medianHoursToFirstAnswer: figure,
      announcements: figure,
      announcementReach: figure,
      mustReadAcknowledgements: figure,
      holds: figure,
      reports: figure,
    }),
  ),
  courses: z.array(
    z.object({
      space: z.string(),
      name: z.string(),
      learners: figure,
      averageProgress: figure,
      modules: z.array(z.object({ post: z.string(), title: z.string(), done: figure, questions: figure })),
    }),
  ),
});
