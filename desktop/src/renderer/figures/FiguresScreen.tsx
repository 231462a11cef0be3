// The Figures screen: engagement figures for communications and facilitators, each a chart with
// its table and CSV. Loaded lazily (React.lazy in SignedInApp), so the charting library is fetched
// only by those who open it; the offline shell precaches its chunk like every other.
import type { CourseFigures, DayFigures, SpaceFigures, WeekFigures } from '@hearth/core';
import { useState } from 'react';
import type { Column } from './csv.js';
import { FigureChart } from './FigureChart.js';
import { figureText as t } from './strings.js';
import { useFigures } from './use-figures.js';
import './figures.css';

const COLORS = { a: '#0b5cad', b: '#1a7f37', c: '#6639ba', d: '#b35c00' };
const PERIODS = [7, 28, 90];
const c = t.columns;
const percent = (v: number | null) => (v === null ? null : Math.round(v * 100));
const spaceColumn: Column<SpaceFigures> = { key: 'space', label: c.space, value: (s) => s.name };

export default function FiguresScreen() {
  const [days, setDays] = useState(28);
  const [space, setSpace] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [spaceNames, setSpaceNames] = useState<{ id: string; name: string }[]>([]);
  const state = useFigures(days, space, attempt);
  if (state.status === 'ok' && space === null && spaceNames.length !== state.report.spaces.length) {
    setSpaceNames(state.report.spaces.map((s) => ({ id: s.space, name: s.name })));
  }
  const stamp = new Date().toISOString().slice(0, 10);
  const file = (what: string) => `hearth-${what}-${space ?? 'all'}-${days}d-${stamp}`;
  return (
    <section className="screen screen-figures" aria-labelledby="figures-title">
      <h1 id="figures-title">{t.title}</h1>
      <p className="figure-description">{t.rule}</p>
      <div className="filters figure-filters">
        <label className="field">
          <span className="field-label">{t.period}</span>
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {PERIODS.map((n) => (
              <option key={n} value={n}>
                {t.days(n)}
              </option>
            ))}
          </select>
        </label>
        {spaceNames.length > 1 && (
          <label className="field">
            <span className="field-label">{t.space}</span>
            <select value={space ?? ''} onChange={(e) => setSpace(e.target.value === '' ? null : e.target.value)}>
              <option value="">{t.allSpaces}</option>
              {spaceNames.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {state.status === 'loading' && <p role="status">{t.loading}</p>}
      {state.status === 'refused' && <p className="banner banner-error">{t.refused}</p>}
      {state.status === 'unreachable' && (
        <div className="banner banner-error" role="alert">
          <p>{t.unreachable}</p>
          <button type="button" className="button-quiet" onClick={() => setAttempt((n) => n + 1)}>
            {t.retry}
          </button>
        </div>
      )}
      {state.status === 'ok' && (
        <>
          <p className="figure-description">{state.report.scope === 'organisation' ? t.organisation : t.spaces}</p>
          <FigureChart<DayFigures>
            title={t.activeDaily}
            description={t.activeDailyHelp}
            rows={state.report.days}
            labelKey="day"
            columns={[
              { key: 'day', label: c.day, value: (d) => d.day },
              { key: 'activePeople', label: c.activePeople, value: (d) => d.activePeople },
            ]}
            series={[{ key: 'activePeople', color: COLORS.a }]}
            fileName={file('active-people-daily')}
          />
          <FigureChart<WeekFigures>
            title={t.activeWeekly}
            rows={state.report.weeks}
            labelKey="week"
            columns={[
              { key: 'week', label: c.week, value: (w) => w.week },
              { key: 'activePeople', label: c.activePeople, value: (w) => w.activePeople },
            ]}
            series={[{ key: 'activePeople', color: COLORS.a }]}
            fileName={file('active-people-weekly')}
          />
          <FigureChart<SpaceFigures>
            title={t.activity}
            rows={state.report.spaces}
            labelKey="space"
            columns={[
              spaceColumn,
              { key: 'posts', label: c.posts, value: (s) => s.posts },
              { key: 'comments', label: c.comments, value: (s) => s.comments },
              { key: 'reactions', label: c.reactions, value: (s) => s.reactions },
              { key: 'people', label: c.people, value: (s) => s.people },
            ]}
            series={[
              { key: 'posts', color: COLORS.a },
              { key: 'comments', color: COLORS.b },
              { key: 'reactions', color: COLORS.c },
            ]}
            fileName={file('activity-per-space')}
          />
          <FigureChart<SpaceFigures>
            title={t.questions}
            description={t.questionsHelp}
            rows={state.report.spaces.filter((s) => s.questions !== 0)}
            labelKey="space"
            columns={[
              spaceColumn,
              { key: 'questions', label: c.questions, value: (s) => s.questions },
              { key: 'unanswered', label: c.unanswered, value: (s) => percent(s.unansweredShare) },
              { key: 'firstAnswer', label: c.firstAnswer, value: (s) => s.medianHoursToFirstAnswer },
            ]}
            series={[
              { key: 'unanswered', color: COLORS.d },
              { key: 'firstAnswer', color: COLORS.a },
            ]}
            fileName={file('questions-per-space')}
          />
          <FigureChart<SpaceFigures>
            title={t.announcements}
            description={t.announcementsHelp}
            rows={state.report.spaces.filter((s) => s.announcements !== 0)}
            labelKey="space"
            columns={[
              spaceColumn,
              { key: 'announcements', label: c.announcements, value: (s) => s.announcements },
              { key: 'reach', label: c.reach, value: (s) => s.announcementReach },
            ]}
            series={[{ key: 'reach', color: COLORS.b }]}
            fileName={file('announcement-reach')}
          />
          <FigureChart<SpaceFigures>
            title={t.moderation}
            rows={state.report.spaces}
            labelKey="space"
            columns={[spaceColumn, { key: 'holds', label: c.holds, value: (s) => s.holds }, { key: 'reports', label: c.reports, value: (s) => s.reports }]}
            series={[
              { key: 'holds', color: COLORS.d },
              { key: 'reports', color: COLORS.c },
            ]}
            fileName={file('holds-and-reports')}
          />
          {state.report.courses.map((course) => (
            <CourseChart key={course.space} course={course} fileName={file(`course-${course.space}`)} />
          ))}
        </>
      )}
    </section>
  );
}

function CourseChart({ course, fileName }: { course: CourseFigures; fileName: string }) {
  const shown = (v: number | null, format: (n: number) => string) => (v === null ? 'fewer than 5' : format(v));
  return (
    <FigureChart<CourseFigures['modules'][number]>
      title={t.course(course.name)}
      description={t.courseHelp(shown(course.learners, String), shown(course.averageProgress, (v) => `${Math.round(v * 100)}%`))}
      rows={course.modules}
      labelKey="module"
      columns={[
        { key: 'module', label: c.module, value: (m) => m.title },
        { key: 'done', label: c.done, value: (m) => m.done },
        { key: 'questions', label: c.moduleQuestions, value: (m) => m.questions },
      ]}
      series={[
        { key: 'done', color: COLORS.b },
        { key: 'questions', color: COLORS.d },
      ]}
      fileName={fileName}
    />
  );
}
