// In a space: its "best of" collection, the kudos shown there (recipients who agreed), and — when a
// facilitator switched it on — its leaderboard. Recognition parts are absent where it is off.
import { useId } from 'react';
import { kudosInSpace, spaceLeaderboard, type SpaceMeta, type PostView } from '@hearth/core';
import { useServices } from '../hooks/services-context.js';
import { useNameOf } from '../hooks/use-data.js';
import { href } from '../hooks/use-route.js';
import { KudosList } from './RecognitionParts.js';
import { engagementText as t } from './strings.js';
import { useBestOf, useEngagementActions, useRecognition } from './use-engagement.js';

export function SpaceEngagement({ meta, posts }: { meta: SpaceMeta; posts: readonly PostView[] }) {
  const { me } = useServices();
  const nameOf = useNameOf();
  const { on, view } = useRecognition();
  const bestOf = useBestOf(meta.id);
  const actions = useEngagementActions();
  const ids = { best: useId(), kudos: useId(), board: useId() };
  const facilitates = meta.facilitators.includes(me);
  const kudos = on ? kudosInSpace(view, meta.id).slice(0, 5) : [];
  const boardOn = on && view.leaderboards.has(meta.id);
  const board = boardOn ? spaceLeaderboard(view, meta.id) : [];
  const title = (post: string) => posts.find((p) => p.id === post)?.title || post;
  return (
    <div className="space-engagement">
      {bestOf.length > 0 && (
        <section aria-labelledby={ids.best} className="best-of">
          <h2 id={ids.best}>{t.space.bestOf}</h2>
          <ul>
            {bestOf.map((b) => (
              <li key={b.post}>
                <a href={href({ name: 'post', space: meta.id, post: b.post })}>{title(b.post)}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {kudos.length > 0 && (
        <section aria-labelledby={ids.kudos}>
          <h2 id={ids.kudos}>{t.space.kudos}</h2>
          <KudosList kudos={kudos} nameOf={nameOf} showRecipient />
        </section>
      )}
      {boardOn && (
        <section aria-labelledby={ids.board}>
          <h2 id={ids.board}>{t.space.leaderboard}</h2>
          {board.length === 0 ? (
            <p className="empty">{t.space.leaderboardEmpty}</p>
          ) : (
            <ol className="leaderboard">
              {board.map((row) => (
                <li key={row.person}>
                  <a href={href({ name: 'person', person: row.person })}>{nameOf(row.person)}</a> — {t.space.kudosCount(row.kudos)}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      {on && facilitates && (
        <button type="button" className="button-quiet" onClick={() => void actions.leaderboard(meta.id, !boardOn)}>
          {boardOn ? t.space.switchOff : t.space.switchOn}
        </button>
      )}
    </div>
  );
}
