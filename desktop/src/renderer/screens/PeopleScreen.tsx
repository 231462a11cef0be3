// The directory: everyone, filterable; names always computed from the directory record.
import { useMemo, useState } from 'react';
import { useDirectory, useNameOf } from '../hooks/use-data.js';
import { href } from '../hooks/use-route.js';
import { text } from './strings.js';

export function PeopleScreen() {
  const directory = useDirectory();
  const nameOf = useNameOf();
  const [filter, setFilter] = useState('');
  const people = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return [...directory.values()]
      .filter((p) => p.status !== 'left')
      .filter((p) => !q || `${nameOf(p.id)} ${p.title} ${p.department} ${p.location}`.toLowerCase().includes(q))
      .sort((a, b) => nameOf(a.id).localeCompare(nameOf(b.id)));
  }, [directory, nameOf, filter]);
  return (
    <section className="screen screen-people" aria-labelledby="people-title">
      <h1 id="people-title">{text.people.title}</h1>
      <label htmlFor="people-filter">{text.people.filter}</label>
      <input id="people-filter" type="search" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} />
      {people.length === 0 && <p>{text.people.none}</p>}
      <ul className="people-list">
        {people.map((p) => (
          <li key={p.id}>
            <a href={href({ name: 'person', person: p.id })}>{nameOf(p.id)}</a>
            <span className="person-meta">
              {p.title} · {p.department} · {p.location}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
