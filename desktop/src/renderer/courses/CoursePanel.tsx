// A course space's panel above its feed: for a learner, their progress (a progress bar and the
// modules, each with a "done" checkbox that writes a module-done entry to their outbox or takes it
// back); for a facilitator, where to see how far the group is. Progress comes from the person's
// own outbox (core's courseProgress), so it moves the moment they tick a box, offline too.
// A tick shows at once, before the write is on disk: the outbox commit waits for the device's
// database, and a box that does not move when clicked reads as broken (and invites a second click,
// which would write a second entry). Until the outbox shows the tick, further clicks on that box are ignored.
import { courseProgress, retractEntry, writeModuleDone, type SpaceView } from '@hearth/core';
import { useEffect, useId, useState } from 'react';
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
  const [pending, setPending] = useState<ReadonlyMap<string, boolean>>(new Map());
  const progress = courseProgress(view, outbox);
  const settle = (post: string) =>
    setPending((p) => {
      if (!p.has(post)) return p;
      const next = new Map(p);
      next.delete(post);
      return next;
    });
  // A tick is settled once the outbox view shows it (not when the commit resolves: the view
  // follows a frame later, and the box would flicker back in between).
  useEffect(() => {
    for (const [post, wanted] of pending) if ((progress?.done.has(post) ?? wanted) === wanted) settle(post);
  });
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
  const isDone = (post: string) => pending.get(post) ?? progress.done.has(post);
  const doneCount = progress.modules.filter((m) => isDone(m.id)).length;
  const percent = progress.modules.length === 0 ? 0 : Math.round((doneCount / progress.modules.length) * 100);
  const toggle = (post: string) => {
    if (pending.has(post)) return;
    const entry = progress.done.get(post);
    setPending((p) => new Map(p).set(post, entry === undefined));
    tracker.commit((doc) => (entry === undefined ? writeModuleDone(doc, { space, post }) : retractEntry(doc, entry))).catch(() => settle(post));
  };
  return (
    <section className="course-panel card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.title}</h2>
      {progress.modules.length === 0 ? (
        <p className="empty">{t.noModules}</p>
      ) : (
        <>
          <p className="course-progress-label" id={`${headingId}-label`}>
            {t.summary(doneCount, progress.modules.length, percent)}
          </p>
          <progress className="course-progress" max={progress.modules.length} value={doneCount} aria-labelledby={`${headingId}-label`} />
          <ol className="course-modules">
            {progress.modules.map((m) => (
              <li key={m.id}>
                <label className="checkbox-row">
                  <input type="checkbox" checked={isDone(m.id)} onChange={() => toggle(m.id)} />
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
