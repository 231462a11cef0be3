// A composer wired for the screens that write outside a thread (new post, messages, resubmit): coached
// by core's evaluate against the policy on this device, mentions from the directory, its draft kept
// (KeptComposer) unless `ephemeral`, and the policy acknowledgement asked for first. Sending resolves
// once the change is stored locally; until then "Saving…" shows.
import { useState } from 'react';
import { Composer, type ComposerProps } from '../components/Composer.js';
import type { ComposerValue } from '../components/types.js';
import { useComposerData } from '../hooks/use-composer-data.js';
import { useStrings } from '../i18n/index.js';
import { KeptComposer } from './KeptComposer.js';
import { PolicyGate } from './PolicyGate.js';

export interface DraftedComposerProps extends Omit<ComposerProps, 'evaluateDraft' | 'people' | 'nameOf' | 'onSubmit'> {
  draftKey: string;
  onSend: (value: ComposerValue) => Promise<void>;
  /** Keep no local draft (editing an existing item starts from its text). */
  ephemeral?: boolean;
}

export function DraftedComposer({ draftKey, onSend, ephemeral = false, ...rest }: DraftedComposerProps) {
  const s = useStrings();
  const wired = useComposerData();
  const [saving, setSaving] = useState(false);

  const submit = async (value: ComposerValue) => {
    setSaving(true);
    try {
      await onSend(value);
    } finally {
      setSaving(false);
    }
  };
  const props: ComposerProps = { ...rest, ...wired, onSubmit: (value) => void submit(value) };
  // The relay publishes nothing of a person who has not acknowledged the policy: ask first.
  return (
    <PolicyGate>
      {ephemeral ? <Composer {...props} /> : <KeptComposer draftKey={draftKey} {...props} />}
      {saving && <p role="status">{s.t('screen.saving')}</p>}
    </PolicyGate>
  );
}
