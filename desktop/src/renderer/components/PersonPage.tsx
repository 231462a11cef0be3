// A colleague's profile, from the directory: name, title, department, location, manager and
// direct reports, with an e-mail link and "Send a message", then the posts of theirs the viewer
// can see. The name cannot be edited here: it comes from the company directory.
import { useId } from 'react';
import type { DirectoryRecord, PersonId, PostView } from '@hearth/core';
import type { NameOf } from './types.js';
import { PostCard, initials } from './PostCard.js';
import { useStrings } from '../i18n/index.js';

export interface PersonPageProps {
  person: DirectoryRecord;
  nameOf: NameOf;
  /** People whose manager this person is. */
  reports?: readonly DirectoryRecord[];
  /** Their posts visible to the viewer, newest first. */
  posts: readonly PostView[];
  /** This is the signed-in person's own page. */
  isMe?: boolean;
  onOpenPost: (postId: string) => void;
  onOpenPerson: (personId: PersonId) => void;
  onMessage?: (personId: PersonId) => void;
  spaceNameOf?: (spaceId: string) => string;
  now?: number;
}

export function PersonPage({ person, nameOf, reports = [], posts, isMe = false, onOpenPost, onOpenPerson, onMessage, spaceNameOf, now }: PersonPageProps) {
  const s = useStrings();
  const id = useId();
  const name = nameOf(person.id);
  return (
    <div className="person-page">
      <header className="person-header">
        <span className="avatar avatar-large" aria-hidden="true">
          {initials(name)}
        </span>
        <div>
          <h1>{name}</h1>
          <p className="person-title">{person.title}</p>
          {person.status !== 'active' && <p className="mark mark-pending">{s.t(`people.status.${person.status}`)}</p>}
        </div>
        {!isMe && onMessage && person.status === 'active' && (
          <button type="button" className="button-primary" onClick={() => onMessage(person.id)}>
            {s.t('people.message')}
          </button>
        )}
      </header>
      <p className="field-help">{isMe ? s.t('people.ownNameHelp') : s.t('people.namesFromDirectory')}</p>
      <dl className="person-facts">
        <dt>{s.t('people.department')}</dt>
        <dd>{person.department}</dd>
        <dt>{s.t('people.location')}</dt>
        <dd>{person.location}</dd>
        <dt>{s.t('people.email')}</dt>
        <dd>
          <a href={`mailto:${person.email}`}>{person.email}</a>
        </dd>
        {person.manager !== null && (
          <>
            <dt>{s.t('people.manager')}</dt>
            <dd>
              <button type="button" className="link-button" onClick={() => onOpenPerson(person.manager ?? '')}>
                {nameOf(person.manager)}
              </button>
            </dd>
          </>
        )}
        {reports.length > 0 && (
          <>
            <dt>{s.t('people.reports', { count: reports.length })}</dt>
            <dd>
              <ul className="inline-list">
                {reports.map((r) => (
                  <li key={r.id}>
                    <button type="button" className="link-button" onClick={() => onOpenPerson(r.id)}>
                      {nameOf(r.id)}
                    </button>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      <section aria-labelledby={id}>
        <h2 id={id}>{s.t('people.posts', { name })}</h2>
        {posts.length === 0 ? (
          <p className="empty">{s.t('people.noPosts')}</p>
        ) : (
          <ul className="post-list">
            {posts.map((post) => (
              <li key={post.id}>
                <PostCard post={post} nameOf={nameOf} spaceName={spaceNameOf?.(post.space)} now={now} onOpen={onOpenPost} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
