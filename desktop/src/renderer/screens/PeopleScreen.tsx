// The directory (the UI engineer's PeopleDirectory); names always computed from the records.
import { useMemo } from 'react';
import { PeopleDirectory } from '../components/PeopleDirectory.js';
import { useDirectory, useNameOf } from '../hooks/use-data.js';
import { navigate } from '../hooks/use-route.js';
import { text } from './strings.js';

export function PeopleScreen() {
  const directory = useDirectory();
  const nameOf = useNameOf();
  const people = useMemo(() => [...directory.values()].filter((p) => p.status !== 'left'), [directory]);
  return (
    <section className="screen screen-people" aria-label={text.people.title}>
      <PeopleDirectory people={people} nameOf={nameOf} onOpenPerson={(person) => navigate({ name: 'person', person })} />
    </section>
  );
}
