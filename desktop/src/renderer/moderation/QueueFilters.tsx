// The queue's filters: state, space, source and age, as labelled selects in a fieldset.
import { CASE_SOURCES, type CaseSource } from '@hearth/core';
import { useStrings } from '../i18n/index.js';
import { AGES, ATTENTION, QUEUE_STATES, type Age, type QueueFilter, type QueueState } from './case-queue.js';

export interface QueueFiltersProps {
  filter: QueueFilter;
  onChange: (next: QueueFilter) => void;
  spaces: readonly string[];
  spaceNameOf: (id: string) => string;
  counts: Record<QueueState, number>;
}

const ALL = '';

export function QueueFilters({ filter, onChange, spaces, spaceNameOf, counts }: QueueFiltersProps) {
  const s = useStrings();
  return (
    <fieldset className="review-filters">
      <legend>{s.t('review.filters')}</legend>
      <label>
        <span>{s.t('review.filter.state')}</span>
        <select value={filter.state ?? ALL} onChange={(e) => onChange({ ...filter, state: e.target.value === ALL ? null : (e.target.value as QueueState | typeof ATTENTION) })}>
          <option value={ATTENTION}>{s.t('review.stateCount', { state: s.t('review.state.attention'), count: counts.open + counts.conflict })}</option>
          <option value={ALL}>{s.t('review.filter.all')}</option>
          {QUEUE_STATES.map((state) => (
            <option key={state} value={state}>
              {s.t('review.stateCount', { state: s.t(`review.state.${state}`), count: counts[state] })}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{s.t('review.filter.space')}</span>
        <select value={filter.space ?? ALL} onChange={(e) => onChange({ ...filter, space: e.target.value === ALL ? null : e.target.value })}>
          <option value={ALL}>{s.t('review.filter.all')}</option>
          {spaces.map((id) => (
            <option key={id} value={id}>
              {spaceNameOf(id)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{s.t('review.filter.source')}</span>
        <select value={filter.source ?? ALL} onChange={(e) => onChange({ ...filter, source: e.target.value === ALL ? null : (e.target.value as CaseSource) })}>
          <option value={ALL}>{s.t('review.filter.all')}</option>
          {CASE_SOURCES.map((source) => (
            <option key={source} value={source}>
              {s.t(`review.source.${source}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{s.t('review.filter.age')}</span>
        <select value={filter.age} onChange={(e) => onChange({ ...filter, age: e.target.value as Age })}>
          {AGES.map((age) => (
            <option key={age} value={age}>
              {s.t(`review.age.${age}`)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
