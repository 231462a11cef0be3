// The company directory: real names, titles, departments, locations and managers, filterable by
// text, department and location. Names come from the directory and cannot be edited in Hearth.
import { useId, useMemo, useState } from 'react';
import type { DirectoryRecord, PersonId } from '@hearth/core';
import type { NameOf } from './types.js';
import { useStrings } from '../i18n/index.js';

export interface PeopleDirectoryProps {
  people: readonly DirectoryRecord[];
  nameOf: NameOf;
  onOpenPerson: (personId: PersonId) => void;
  /** At most this many rows are rendered; narrowing the filter shows the rest. */
  pageSize?: number;
}

const ALL = '';

export function PeopleDirectory({ people, nameOf, onOpenPerson, pageSize = 200 }: PeopleDirectoryProps) {
  const s = useStrings();
  const id = useId();
  const [text, setText] = useState('');
  const [department, setDepartment] = useState(ALL);
  const [location, setLocation] = useState(ALL);

  const active = useMemo(() => people.filter((p) => p.status === 'active'), [people]);
  const departments = useMemo(() => [...new Set(active.map((p) => p.department))].sort((a, b) => a.localeCompare(b, s.locale)), [active, s.locale]);
  const locations = useMemo(() => [...new Set(active.map((p) => p.location))].sort((a, b) => a.localeCompare(b, s.locale)), [active, s.locale]);
  const matches = useMemo(() => {
    const q = text.trim().toLowerCase();
    return active
      .filter((p) => department === ALL || p.department === department)
      .filter((p) => location === ALL || p.location === location)
      .filter((p) => q === '' || `${nameOf(p.id)} ${p.title} ${p.email}`.toLowerCase().includes(q))
      .sort((a, b) => nameOf(a.id).localeCompare(nameOf(b.id), s.locale));
  }, [active, text, department, location, nameOf, s.locale]);
  const shown = matches.slice(0, pageSize);

  return (
    <section className="people-directory" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{s.t('people.title')}</h1>
      <p className="field-help">{s.t('people.namesFromDirectory')}</p>
      <div className="filters" role="search" aria-label={s.t('people.filters')}>
        <div className="field">
          <label htmlFor={`${id}-text`}>{s.t('people.filterText')}</label>
          <input id={`${id}-text`} type="search" value={text} onChange={(e) => setText(e.currentTarget.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-dept`}>{s.t('people.department')}</label>
          <select id={`${id}-dept`} value={department} onChange={(e) => setDepartment(e.currentTarget.value)}>
            <option value={ALL}>{s.t('people.any')}</option>
            {departments.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-loc`}>{s.t('people.location')}</label>
          <select id={`${id}-loc`} value={location} onChange={(e) => setLocation(e.currentTarget.value)}>
            <option value={ALL}>{s.t('people.any')}</option>
            {locations.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status" className="field-help">
        {matches.length > shown.length
          ? s.t('people.showingSome', { shown: shown.length, count: matches.length })
          : s.t('people.count', { count: matches.length })}
      </p>
      {shown.length > 0 && (
        <div className="table-scroll">
          <table className="people-table">
            <caption className="visually-hidden">{s.t('people.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{s.t('people.name')}</th>
                <th scope="col">{s.t('people.jobTitle')}</th>
                <th scope="col">{s.t('people.department')}</th>
                <th scope="col">{s.t('people.location')}</th>
                <th scope="col">{s.t('people.manager')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <button type="button" className="link-button" onClick={() => onOpenPerson(p.id)}>
                      {nameOf(p.id)}
                    </button>
                  </th>
                  <td>{p.title}</td>
                  <td>{p.department}</td>
                  <td>{p.location}</td>
                  <td>
                    {p.manager !== null && (
                      <button type="button" className="link-button" onClick={() => onOpenPerson(p.manager ?? '')}>
                        {nameOf(p.manager)}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
