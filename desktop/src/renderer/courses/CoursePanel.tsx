// A course space's panel above its feed: for a learner, their progress (a progress bar and the
// modules, each with a "done" checkbox that writes a module-done entry to their outbox or takes it
// back); for a facilitator, where to see how far the group is. Progress comes from the person's
// own outbox (core's courseProgress), so it moves the moment they tick a box, offline too.
import { courseProgress, retractEntry, writeModuleDone, type SpaceView } from '@hearth/core';
import { useId } from 'react';
import { useServices } from '../hooks/services-context.js';
import { useOutbox } from '../hooks/use-data.js';
import { href } from '../hooks/use-route.js';
import { FIGURES_HREF } from '../figures/figures-route.js';
import { courseText as t } from './strings.js';
import './courses.css';

export function CoursePanel({ view }: { view: SpaceView }) {
  const { me, outbox: tracker } = useServices();
  const outbox = useOutbox();
  const headingId = useId();
  const progress = courseProgress(view, outbox);
  if (progress === null || view.meta === null) return null;
  const space = view.meta.id;
  if (view.meta.facilitators.includes(me)) {
    return (
      <section className="course-panel card" aria-labelledby={headingId}>
        <h2 id={headingId}>{t.facilitatorTitle}</h2>
        <p>
          {t.facilitatorHelp(progress.modules.length)} <a href={FIGURES_HREF}>{t.toFigures}</a>
        </p>
      </section>
    );
  }
  const percent = Math.round(progress.share * 100);
  const toggle = (post: string) => {
    const entry = progress.done.get(post);
    void tracker.commit((doc) => (entry === undefined ? writeModuleDone(doc, { space, post }) : retractEntry(doc, entry)));
  };
  return (
    <section className="course-panel card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.title}</h2>
      {progress.modules.length === 0 ? (
        <p className="empty">{t.noModules}</p>
      ) : (
        <>
          <p className="course-progress-label" id={`${headingId}-label`}>
            {t.summary(progress.done.size, progress.modules.length, percent)}
          </p>
          <progress className="course-progress" max={progress.modules.length} value={progress.done.size} aria-labelledby={`${headingId}-label`} />
          <ol className="course-modules">
            {progress.modules.map((m) => (
              <li key={m.id}>
                <label className="checkbox-row">
                  <input type="checkbox" checked={progress.done.has(m.id)} onChange={() => toggle(m.id)} />
                  <span className="visually-hidden">{t.markDone(m.title)}</span>
                </label>
                <a href={href({ name: 'post', space, post: m.id })}>{m.title || t.untitled}</a>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
