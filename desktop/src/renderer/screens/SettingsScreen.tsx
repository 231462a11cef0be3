// Settings: what machine policy, the person and the defaults decide, the token store and updates,
// from the host bridge (the components' SettingsPanel shows them).
import { SettingsPanel } from '../components/SettingsPanel.js';
import { useServices } from '../hooks/services-context.js';
import { useHostSettings } from '../hooks/use-host-settings.js';
import { useStrings } from '../i18n/index.js';
import { useMemo } from 'react';
import { NotificationSettingsPanel } from '../components/NotificationSettingsPanel.js';
import { useCatalogue } from '../hooks/use-data.js';
import { useNotificationSettings } from '../hooks/use-notification-settings.js';
import { useReadableSpaceIds } from '../hooks/use-room-plan.js';
import { NotificationPromptSlot } from './NotificationPromptSlot.js';

export function SettingsScreen() {
  const s = useStrings();
  const { session } = useServices();
  const host = useHostSettings();
  const notify = useNotificationSettings();
  const catalogue = useCatalogue();
  const readable = useReadableSpaceIds();
  const spaces = useMemo(() => {
    const names = new Map(catalogue.map((c) => [c.id, c.name]));
    return readable.map((id) => ({ id, name: names.get(id) ?? id })).sort((a, b) => a.name.localeCompare(b.name));
  }, [catalogue, readable]);
  return (
    <section className="screen screen-settings" aria-label={s.t('settings.title')}>
      <SettingsPanel
        host={host.kind}
        relayUrl={session.relayUrl}
        settings={host.settings}
        tokenStorage={host.tokenStorage}
        update={host.update}
        onInstallUpdate={host.installUpdate}
      />
      <NotificationPromptSlot always />
      <NotificationSettingsPanel settings={notify.settings} spaces={spaces} onSpaceLevel={(space, level) => void notify.setSpaceLevel(space, level)} onQuietHours={(quiet) => void notify.setQuietHours(quiet)} />
    </section>
  );
}
