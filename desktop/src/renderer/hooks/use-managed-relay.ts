// The relay address machine policy sets for sign-in, if any. Why a hook that waits: the sign-in
// form takes its starting address once, so it must not render before the host has answered (the
// web bridge answers at once with no policy).
import { useEffect, useState } from 'react';
import type { ManagedConfig } from '../../shared/bridge.js';
import { getBridge } from '../platform/bridge.js';

export interface ManagedRelay {
  kind: 'electron' | 'web';
  /** null while the host has not answered. */
  config: ManagedConfig | null;
}

export function useManagedRelay(): ManagedRelay {
  const bridge = getBridge();
  const [config, setConfig] = useState<ManagedConfig | null>(null);
  useEffect(() => {
    let live = true;
    bridge.managedConfig().then(
      (c) => live && setConfig(c),
      // No policy readable: sign in as without one rather than not at all.
      () => live && setConfig({}),
    );
    return () => {
      live = false;
    };
  }, [bridge]);
  return { kind: bridge.kind, config };
}
