// Must-read announcements pinned above the feed until the reader acknowledges each one.
import type { PostView } from '@hearth/core';
import type { NameOf } from './types.js';
import { useStrings } from '../i18n/index.js';

export interface MustReadPinsProps {
  posts: readonly PostView[];
  nameOf: NameOf;
  onOpen: (post: PostView) => void;
  onAcknowledge: (post: PostView) => void;
}

export function MustReadPins({ posts, nameOf, onOpen, onAcknowledge }: MustReadPinsProps) {
  const s = useStrings();
  if (posts.length === 0) return null;
  return (
    <section className="must-read-pins" aria-labelledby="must-read-title">
      <h2 id="must-read-title">{s.t('engage.mustRead.pinned')}</h2>
      <ul>
        {posts.map((p) => (
          <li key={p.id} className="must-read-pin">
            <button type="button" className="link-button must-read-title" onClick={() => onOpen(p)}>
              {p.title || p.body.slice(0, 80)}
            </button>
            <span className="post-card-sub"> · {nameOf(p.authorId)}</span>
            <button type="button" className="button-primary" onClick={() => onAcknowledge(p)} aria-label={`${s.t('engage.mustRead.acknowledge')}: ${p.title}`}>
              {s.t('engage.mustRead.acknowledge')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
