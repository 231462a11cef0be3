// A person's page: their directory record, a way to message them, their recent posts.
import { useMemo } from 'react';
import { PostCard } from '../components/PostCard.js';
import { useDirectory, useNameOf } from '../hooks/use-data.js';
import { useReadableSpaceIds } from '../hooks/use-room-plan.js';
import { href, navigate } from '../hooks/use-route.js';
import { mergeFeeds, useSpaceViews } from '../hooks/use-spaces.js';
import { useServices } from '../hooks/services-context.js';
import { text } from './strings.js';

export function PersonScreen({ personId }: { personId: string }) {
  const { me } = useServices();
  const directory = useDirectory();
  const nameOf = useNameOf();
  const views = useSpaceViews(useReadableSpaceIds());
  const posts = useMemo(() => mergeFeeds(views).filter((p) => p.authorId === personId).slice(0, 20), [views, personId]);
  const person = directory.get(personId);
  return (
    <section className="screen screen-person" aria-labelledby="person-title">
      <h1 id="person-title">{nameOf(personId)}</h1>
      {person && (
        <dl className="person-record">
          <dt>{text.people.title}</dt>
          <dd>
            {person.title} · {person.department} · {person.location}
          </dd>
          {person.manager && (
            <>
              <dt>{text.people.manager}</dt>
              <dd>
                <a href={href({ name: 'person', person: person.manager })}>{nameOf(person.manager)}</a>
              </dd>
            </>
          )}
        </dl>
      )}
      {personId !== me && (
        <a className="button" href={href({ name: 'new-conversation', to: [personId] })}>
          {text.people.message}
        </a>
      )}
      <h2>{text.people.posts}</h2>
      <ul className="person-posts">
        {posts.map((p) => (
          <li key={p.id}>
            <PostCard post={p} nameOf={nameOf} spaceName={views.get(p.space)?.meta?.name ?? p.space} headingLevel={3} onOpen={() => navigate({ name: 'post', space: p.space, post: p.id })} />
          </li>
        ))}
      </ul>
    </section>
  );
}
