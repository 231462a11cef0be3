// The people offered after typing "@" in a composer: a listbox the text field controls through
// aria-activedescendant (focus stays in the text; arrows move, Enter or Tab inserts, Escape closes).
import type { DirectoryRecord } from '@hearth/core';
import type { NameOf } from './types.js';
import { useStrings } from '../i18n/index.js';

export interface MentionListProps {
  id: string;
  people: readonly DirectoryRecord[];
  nameOf: NameOf;
  activeIndex: number;
  onPick: (person: DirectoryRecord) => void;
}

export const mentionOptionId = (listId: string, index: number) => `${listId}-option-${index}`;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();

/** People whose name, id or e-mail starts a word with the query; at most `limit`. */
export function matchPeople(people: readonly DirectoryRecord[], nameOf: NameOf, query: string, limit = 6): DirectoryRecord[] {
  const q = fold(query);
  const out: DirectoryRecord[] = [];
  for (const person of people) {
    if (person.status !== 'active') continue;
    const words = fold(`${nameOf(person.id)} ${person.givenName} ${person.familyName} ${person.id}`).split(/[\s._-]+/u);
    if (q === '' || words.some((word) => word.startsWith(q))) out.push(person);
    if (out.length >= limit) break;
  }
  return out;
}

export function MentionList({ id, people, nameOf, activeIndex, onPick }: MentionListProps) {
  const s = useStrings();
  if (people.length === 0) {
    return (
      <p className="mention-empty" id={id}>
        {s.t('composer.mentionNone')}
      </p>
    );
  }
  return (
    <ul className="mention-list" id={id} role="listbox" aria-label={s.t('composer.mentionList')}>
      {people.map((person, index) => (
        <li
          key={person.id}
          id={mentionOptionId(id, index)}
          role="option"
          aria-selected={index === activeIndex}
          className={index === activeIndex ? 'is-active' : undefined}
          // mousedown, not click: keep the caret and focus in the text field.
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(person);
          }}
        >
          <span className="mention-name">{nameOf(person.id)}</span>
          <span className="mention-title">{person.title}</span>
        </li>
      ))}
    </ul>
  );
}
