// "While you were away": what happened in the person's spaces, the answers to their questions and
// their messages since they last had the app open (notify/digest.ts builds it from local data).
import { useId } from 'react';
import type { Digest } from '../notify/digest.js';
import type { NameOf } from './types.js';
import { useStrings } from '../i18n/index.js';

export interface AwayDigestProps {
  digest: Digest;
  nameOf: NameOf;
  onOpenSpace: (space: string) => void;
  onOpenPost: (space: string, post: string) => void;
  onOpenConversation: (conversation: string) => void;
  onDismiss: () => void;
}

export function AwayDigest({ digest, nameOf, onOpenSpace, onOpenPost, onOpenConversation, onDismiss }: AwayDigestProps) {
  const s = useStrings();
  const id = useId();
  return (
    <section className="card away-digest" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{s.t('away.title')}</h2>
      <p className="field-help">{s.t('away.since', { when: s.formatDateTime(digest.since) })}</p>
      {digest.messages.length > 0 && (
        <>
          <h3>{s.t('away.messages')}</h3>
          <ul>
            {digest.messages.map((m) => (
              <li key={m.conversation}>
                <button type="button" className="link-button" onClick={() => onOpenConversation(m.conversation)}>
                  {s.t('away.messageLine', { names: s.formatList(m.from.map(nameOf)), count: m.count })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {digest.answers.length > 0 && (
        <>
          <h3>{s.t('away.answers')}</h3>
          <ul>
            {digest.answers.map((a) => (
              <li key={a.post}>
                <button type="button" className="link-button" onClick={() => onOpenPost(a.space, a.post)}>
                  {s.t('away.answerLine', { title: a.title, count: a.count })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {digest.spaces.length > 0 && (
        <ul>
          {digest.spaces.map((sp) => (
            <li key={sp.space}>
              <button type="button" className="link-button" onClick={() => onOpenSpace(sp.space)}>
                {s.t('away.spaceLine', { space: sp.name, count: sp.posts })}
              </button>
              {sp.comments > 0 && <span>, {s.t('away.commentLine', { count: sp.comments })}</span>}
              {sp.latest !== null && (
                <>
                  {' — '}
                  <button type="button" className="link-button" onClick={() => onOpenPost(sp.space, sp.latest?.post ?? '')}>
                    {sp.latest.title}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button-quiet" onClick={onDismiss}>
        {s.t('away.dismiss')}
      </button>
    </section>
  );
}
