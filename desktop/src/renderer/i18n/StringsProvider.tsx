// Makes one Strings object (catalogue + locale formatters) available to every component. Without a
// provider, components use English, so tests and stories need no setup.
import { createContext, useContext, type ReactNode } from 'react';
import { createStrings, type Strings } from './strings.js';

const english = createStrings('en');
const StringsContext = createContext<Strings>(english);

export function StringsProvider({ strings, children }: { strings: Strings; children: ReactNode }) {
  return <StringsContext value={strings}>{children}</StringsContext>;
}

/** The current catalogue and formatters: `const s = useStrings(); s.t('feed.empty')`. */
export function useStrings(): Strings {
  return useContext(StringsContext);
}
