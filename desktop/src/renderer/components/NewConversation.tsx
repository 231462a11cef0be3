// Start a direct conversation with one or several colleagues: filter the directory, tick people
// (up to the recipient limit), see who is chosen, and start. Names come from the directory.
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { DirectoryRecord, PersonId } from '@hearth/core';
import type { NameOf } from './types.js';
import { LIMITS } from './constants.js';
import { useStrings } from '../i18n/index.js';

export interface NewConversationProps {
  people: readonly DirectoryRecord[];
  me: PersonId;
  nameOf: NameOf;
  /** Pre-selected people (e.g. from "Message" on a profile). */
  initial?: readonly PersonId[];
  onStart: (personIds: PersonId[]) => void;
  onCancel: () => void;
}

export function NewConversation({ people, me, nameOf, initial = [], onStart, onCancel }: NewConversationProps) {
  const s = useStrings();
  const id = useId();
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState<PersonId[]>(() => initial.filter((p) => p !== me));
  const full = chosen.length >= LIMITS.messageRecipients;

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return people
      .filter((p) => p.id !== me && p.status === 'active')
      .filter((p) => q === '' || `${nameOf(p.id)} ${p.title} ${p.department} ${p.location}`.toLowerCase().includes(q))
      .sort((a, b) => nameOf(a.id).localeCompare(nameOf(b.id), s.locale))
      .slice(0, 200);
  }, [people, me, filter, nameOf, s.locale]);

  const toggle = (person: PersonId, on: boolean) =>
    setChosen((was) => (on ? [...was, person] : was.filter((p) => p !== person)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length > 0) onStart(chosen);
  };

  return (
    <form className="new-conversation" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{s.t('messages.newTitle')}</h1>
      <div className="field">
        <label htmlFor={`${id}-filter`}>{s.t('messages.findPeople')}</label>
        <input id={`${id}-filter`} type="search" value={filter} autoFocus onChange={(e) => setFilter(e.currentTarget.value)} />
      </div>
      <p role="status" className="field-help" id={`${id}-chosen`}>
        {chosen.length === 0
          ? s.t('messages.noneChosen')
          : s.t('messages.chosen', { count: chosen.length, names: s.formatList(chosen.map(nameOf)) })}
        {full && ` ${s.t('messages.limit', { count: LIMITS.messageRecipients })}`}
      </p>
      <fieldset className="person-checklist">
        <legend>{s.t('messages.people')}</legend>
        <ul>
          {shown.map((person) => {
            const on = chosen.includes(person.id);
            return (
              <li key={person.id}>
                <input
                  id={`${id}-${person.id}`}
                  type="checkbox"
                  checked={on}
                  disabled={!on && full}
                  onChange={(e) => toggle(person.id, e.currentTarget.checked)}
                />
                <label htmlFor={`${id}-${person.id}`}>
                  <span className="person-pick-name">{nameOf(person.id)}</span>{' '}
                  <span className="person-pick-title">
                    {person.title}, {person.department}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div className="form-actions">
        <button type="button" className="button-quiet" onClick={onCancel}>
          {s.t('composer.cancel')}
        </button>
        <button type="submit" className="button-primary" disabled={chosen.length === 0} aria-describedby={`${id}-chosen`}>
          {s.t('messages.start')}
        </button>
      </div>
    </form>
  );
}
