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
  const kudos = on ? kudosInSpace(view, meta.id).slice(0, 20) : [];
  const boardOn = on && view.leaderboards.has(meta.id);
  const board = boardOn ? spaceLeaderboard(view, meta.id) : [];
  const title = (post: string) => posts.find((p) => p.id === post)?.title || post;
  // Folded by default, like the unanswered questions: the feed below keeps its room.
  return (
    <div className="space-engagement">
      {bestOf.length > 0 && (
        <details className="unanswered best-of">
          <summary id={ids.best}>
            {t.space.bestOf} ({bestOf.length})
          </summary>
          <ul aria-labelledby={ids.best}>
            {bestOf.map((b) => (
              <li key={b.post}>
                <a href={href({ name: 'post', space: meta.id, post: b.post })}>{title(b.post)}</a>
              </li>
            ))}
          </ul>
        </details>
      )}
      {kudos.length > 0 && (
        <details className="unanswered">
          <summary id={ids.kudos}>
            {t.space.kudos} ({kudos.length})
          </summary>
          <KudosList kudos={kudos} nameOf={nameOf} showRecipient />
        </details>
      )}
      {boardOn && (
        <details className="unanswered">
          <summary id={ids.board}>{t.space.leaderboard}</summary>
          {board.length === 0 ? (
            <p className="empty">{t.space.leaderboardEmpty}</p>
          ) : (
            <ol className="leaderboard" aria-labelledby={ids.board}>
              {board.map((row) => (
                <li key={row.person}>
                  <a href={href({ name: 'person', person: row.person })}>{nameOf(row.person)}</a> — {t.space.kudosCount(row.kudos)}
                </li>
              ))}
            </ol>
          )}
        </details>
      )}
      {on && facilitates && (
        <button type="button" className="button-quiet" onClick={() => void actions.leaderboard(meta.id, !boardOn)}>
          {boardOn ? t.space.switchOff : t.space.switchOn}
        </button>
      )}
    </div>
  );
}
