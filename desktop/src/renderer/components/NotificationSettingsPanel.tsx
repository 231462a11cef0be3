// The person's notification settings: a level per space (everything / mentions and replies /
// nothing), quiet hours, and how many conversations are muted (muting is done in the conversation).
// Props in, callbacks out; the settings live in the person's outbox (core's notification-settings).
import { useId } from 'react';
import { SPACE_NOTIFY_LEVELS, spaceNotifyLevel, type NotificationSettings, type QuietHours, type SpaceNotifyLevel } from '@hearth/core';
import { useStrings } from '../i18n/index.js';

export interface NotificationSettingsPanelProps {
  settings: NotificationSettings;
  spaces: readonly { id: string; name: string }[];
  onSpaceLevel: (space: string, level: SpaceNotifyLevel) => void;
  onQuietHours: (quiet: QuietHours | null) => void;
}

const DEFAULT_QUIET: QuietHours = { start: '22:00', end: '07:00' };

export function NotificationSettingsPanel({ settings, spaces, onSpaceLevel, onQuietHours }: NotificationSettingsPanelProps) {
  const s = useStrings();
  const id = useId();
  const quiet = settings.quietHours;
  return (
    <section className="card notification-settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{s.t('notify.title')}</h2>
      <p className="field-help">{s.t('notify.lead')}</p>
      <h3>{s.t('notify.spaces')}</h3>
      <ul className="notify-spaces">
        {spaces.map((space) => (
          <li key={space.id} className="field">
            <span aria-hidden="true">{space.name}</span>{' '}
            <select
              aria-label={s.t('notify.levelOf', { space: space.name })}
              value={spaceNotifyLevel(settings, space.id)}
              onChange={(e) => onSpaceLevel(space.id, e.currentTarget.value as SpaceNotifyLevel)}
            >
              {SPACE_NOTIFY_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {s.t(`notify.level.${level}`)}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      <h3>{s.t('notify.quiet')}</h3>
      <div className="field">
        <label>
          <input type="checkbox" checked={quiet !== null} onChange={(e) => onQuietHours(e.currentTarget.checked ? DEFAULT_QUIET : null)} /> {s.t('notify.quietOn')}
        </label>
      </div>
      {quiet !== null && (
        <div className="field quiet-hours">
          <label htmlFor={`${id}-from`}>{s.t('notify.quietFrom')}</label>{' '}
          <input id={`${id}-from`} type="time" value={quiet.start} onChange={(e) => e.currentTarget.value && onQuietHours({ ...quiet, start: e.currentTarget.value })} />{' '}
          <label htmlFor={`${id}-to`}>{s.t('notify.quietTo')}</label>{' '}
          <input id={`${id}-to`} type="time" value={quiet.end} onChange={(e) => e.currentTarget.value && onQuietHours({ ...quiet, end: e.currentTarget.value })} />
        </div>
      )}
      <p>{s.t('notify.muted', { count: settings.muted.length })}</p>
    </section>
  );
}
