// Settings: what machine policy, the person and the defaults decide, the token store and updates,
// from the host bridge (the components' SettingsPanel shows them).
import { SettingsPanel } from '../components/SettingsPanel.js';
import { useServices } from '../hooks/services-context.js';
import { useHostSettings } from '../hooks/use-host-settings.js';
import { useStrings } from '../i18n/index.js';

export function SettingsScreen() {
  const s = useStrings();
  const { session } = useServices();
  const host = useHostSettings();
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
    </section>
  );
}
