// What the host says about settings, the token store and updates, for the settings screen. In
// Electron these come from machine policy and the main process; the web bridge answers defaults.
// Update status is live: the main process pushes every change (download progress, ready, error).
import { useEffect, useState } from 'react';
import type { SettingsView, TokenStorageStatus, UpdateStatus } from '../../shared/bridge.js';
import { getBridge } from '../platform/bridge.js';

export interface HostSettings {
  kind: 'electron' | 'web';
  /** null until the host answers. */
  settings: SettingsView | null;
  tokenStorage: TokenStorageStatus | null;
  update: UpdateStatus | null;
  installUpdate: () => void;
}

export function useHostSettings(): HostSettings {
  const bridge = getBridge();
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [tokenStorage, setTokenStorage] = useState<TokenStorageStatus | null>(null);
  const [update, setUpdate] = useState<UpdateStatus | null>(null);

  useEffect(() => {
    let live = true;
    // Subscribe before asking, so a change pushed while the first answer is on its way is kept.
    let pushed = false;
    const unsubscribe = bridge.onUpdateStatus((status) => {
      pushed = true;
      if (live) setUpdate(status);
    });
    void bridge.settings().then((v) => live && setSettings(v), () => undefined);
    void bridge.tokenStorage().then((v) => live && setTokenStorage(v), () => undefined);
    void bridge.updateStatus().then((v) => live && !pushed && setUpdate(v), () => undefined);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [bridge]);

  return { kind: bridge.kind, settings, tokenStorage, update, installUpdate: () => void bridge.installUpdate() };
}
