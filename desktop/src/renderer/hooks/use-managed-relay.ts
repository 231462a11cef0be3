// The relay address machine policy sets for sign-in, if any, and whether IT configured company
// sign-in (an OIDC issuer and client id). Why a hook that waits: the sign-in
// form takes its starting address once, so it must not render before the host has answered (the
// web bridge answers at once with no policy).
import { useEffect, useState } from 'react';
import type { ManagedConfig } from '../../shared/bridge.js';
import { getBridge } from '../platform/bridge.js';

export interface ManagedRelay {
  kind: 'electron' | 'web';
  /** null while the host has not answered. */
  config: ManagedConfig | null;
  /** Machine policy names an identity provider: offer "Sign in with your company account". */
  companySignIn: boolean;
}

export function useManagedRelay(): ManagedRelay {
  const bridge = getBridge();
  const [config, setConfig] = useState<ManagedConfig | null>(null);
  const [companySignIn, setCompanySignIn] = useState(false);
  useEffect(() => {
    let live = true;
    bridge.settings().then(
      (s) => live && setCompanySignIn(bridge.kind === 'electron' && !!s.signInIssuer.value && !!s.signInClientId.value),
      () => undefined,
    );
    bridge.managedConfig().then(
      (c) => live && setConfig(c),
      // No policy readable: sign in as without one rather than not at all.
      () => live && setConfig({}),
    );
    return () => {
      live = false;
    };
  }, [bridge]);
  return { kind: bridge.kind, config, companySignIn };
}
