// A person's page (the UI engineer's PersonPage): their record, their reports, their recent posts
// in the spaces the viewer reads, and "Message".
import { useMemo } from 'react';
import { PersonPage } from '../components/PersonPage.js';
import { useCatalogue, useDirectory, useNameOf } from '../hooks/use-data.js';
import { useReadableSpaceIds } from '../hooks/use-room-plan.js';
import { navigate } from '../hooks/use-route.js';
import { mergeFeeds, useSpaceViews } from '../hooks/use-spaces.js';
import { useServices } from '../hooks/services-context.js';
import { text } from './strings.js';
import { PersonRecognition } from '../engagement/PersonRecognition.js';

export function PersonScreen({ personId }: { personId: string }) {
  const { me } = useServices();
  const directory = useDirectory();
  const catalogue = useCatalogue();
  const nameOf = useNameOf();
  const views = useSpaceViews(useReadableSpaceIds());
  const posts = useMemo(() => mergeFeeds(views).filter((p) => p.authorId === personId).slice(0, 50), [views, personId]);
  const reports = useMemo(() => [...directory.values()].filter((p) => p.manager === personId), [directory, personId]);
  const spaceOf = new Map(posts.map((p) => [p.id, p.space]));
  const names = new Map(catalogue.map((s) => [s.id, s.name]));
  const person = directory.get(personId);
  return (
    <section className="screen screen-person" aria-label={nameOf(personId)}>
      {person ? (
        <PersonPage
          person={person}
          nameOf={nameOf}
          reports={reports}
          posts={posts}
          isMe={personId === me}
          spaceNameOf={(id) => names.get(id) ?? id}
          onOpenPost={(post) => navigate({ name: 'post', space: spaceOf.get(post) ?? '', post })}
          onOpenPerson={(person) => navigate({ name: 'person', person })}
          onMessage={(person) => navigate({ name: 'new-conversation', to: [person] })}
        />
      ) : (
        <>
          <h1>{personId}</h1>
          <p>{text.people.none}</p>
        </>
      )}
      {person && <PersonRecognition personId={personId} />}
    </section>
  );
}
