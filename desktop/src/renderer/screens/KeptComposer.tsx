// The UI engineer's Composer with its draft kept in IndexedDB under `draftKey` (hooks/use-draft.ts),
// so what the person typed survives a crash, a reload or a restart: the kept text is the starting
// value, every edit is written (debounced), and sending clears it. The one place drafts are wired.
import { Composer, type ComposerProps } from '../components/Composer.js';
import { useDraft } from '../hooks/use-draft.js';

export function KeptComposer({ draftKey, ...props }: ComposerProps & { draftKey: string }) {
  const { draft, setDraft, clear, loaded } = useDraft(draftKey);
  // Composer reads `initial` once: wait for the kept draft so it starts from it.
  if (!loaded) return null;
  const kept = draft.title !== '' || draft.body !== '';
  return (
    <Composer
      {...props}
      {...(kept ? { initial: { ...props.initial, title: draft.title, body: draft.body } } : {})}
      onChange={(value) => {
        setDraft({ title: value.title, body: value.body });
        props.onChange?.(value);
      }}
      onSubmit={(value, verdict) => {
        void clear();
        props.onSubmit(value, verdict);
      }}
    />
  );
}
