// Above every screen after a long time away: the progress of the sync of what was missed (the app
// stays usable meanwhile: nothing waits for it), and the "while you were away" digest, built from
// what this device already holds the moment the app opens and growing as the rest arrives.
import { useMemo } from 'react';
import type { ConversationView, SpaceView } from '@hearth/core';
import { AwayDigest } from '../components/AwayDigest.js';
import { useComingBack, useSyncProgress } from '../hooks/use-coming-back.js';
import { useConnection } from '../hooks/use-connection.js';
import { useNameOf } from '../hooks/use-data.js';
import { navigate } from '../hooks/use-route.js';
import { useServices } from '../hooks/services-context.js';
import { useStrings } from '../i18n/index.js';
import { buildDigest, isEmptyDigest } from '../notify/digest.js';

export function ComingBack({ spaces, conversations }: { spaces: ReadonlyMap<string, SpaceView>; conversations: readonly ConversationView[] }) {
  const s = useStrings();
  const { me } = useServices();
  const nameOf = useNameOf();
  const back = useComingBack();
  const progress = useSyncProgress();
  const connection = useConnection();
  const digest = useMemo(
    () => (back.awaySince === null ? null : buildDigest({ me, since: back.awaySince, spaces: spaces.values(), conversations })),
    [back.awaySince, me, spaces, conversations],
  );
  const catchingUp = back.longGap && connection !== 'offline' && progress.total > 0 && progress.done < progress.total;
  return (
    <>
      {catchingUp && (
        <div className="catch-up" role="status">
          <label>
            {s.t('away.catchingUp', { done: progress.done, total: progress.total })}{' '}
            <progress value={progress.done} max={progress.total} />
          </label>
        </div>
      )}
      {digest !== null && !isEmptyDigest(digest) && (
        <AwayDigest
          digest={digest}
          nameOf={nameOf}
          onOpenSpace={(space) => navigate({ name: 'space', space })}
          onOpenPost={(space, post) => navigate({ name: 'post', space, post })}
          onOpenConversation={(conversation) => navigate({ name: 'conversation', conversation })}
          onDismiss={back.dismiss}
        />
      )}
    </>
  );
}
