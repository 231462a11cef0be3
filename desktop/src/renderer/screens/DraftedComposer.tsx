// The UI engineer's Composer, wired: coached by core's evaluate against the policy on this device,
// mentions from the directory, and a draft kept in IndexedDB per context so a crash or restart
// loses nothing; until the policy is acknowledged, the acknowledgement is asked for instead.
// Sending resolves once the change is stored locally; until then "Saving…" shows.
//
// Why the draft is read from the form's fields on `input`: Composer keeps its text in its own state
// and has no change callback yet (asked for in the report); input events bubble to this wrapper.
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import type { Draft, PostKind } from '@hearth/core';
import { Composer } from '../components/Composer.js';
import type { ComposerValue } from '../components/types.js';
import { judge } from '../data/policy.js';
import { useDirectory, useNameOf, usePolicy } from '../hooks/use-data.js';
import { useDraft } from '../hooks/use-draft.js';
import { PolicyGate } from './PolicyGate.js';
import { text } from './strings.js';

export interface DraftedComposerProps {
  draftKey: string;
  mode: 'post' | 'comment' | 'message';
  space: string | null;
  onSend: (value: ComposerValue) => Promise<void>;
  onCancel?: () => void;
  initial?: { kind?: PostKind; title?: string; body?: string };
  label?: string;
  submitLabel?: string;
  autoFocus?: boolean;
  /** Keep no local draft (editing an existing item starts from its text). */
  ephemeral?: boolean;
}

export function DraftedComposer({ draftKey, mode, space, onSend, onCancel, initial, label, submitLabel, autoFocus, ephemeral = false }: DraftedComposerProps) {
  const policy = usePolicy();
  const directory = useDirectory();
  const nameOf = useNameOf();
  const people = useMemo(() => [...directory.values()].filter((p) => p.status === 'active'), [directory]);
  const { draft, setDraft, clear, loaded } = useDraft(draftKey);
  const [saving, setSaving] = useState(false);
  const evaluateDraft = useCallback((d: Draft) => judge(policy, d), [policy]);

  const onInput = (event: FormEvent<HTMLDivElement>) => {
    if (ephemeral) return;
    const root = event.currentTarget;
    const title = root.querySelector<HTMLInputElement>('.field-title input')?.value ?? '';
    const body = root.querySelector<HTMLTextAreaElement>('.field-body textarea')?.value ?? '';
    setDraft({ title, body });
  };

  const submit = async (value: ComposerValue) => {
    setSaving(true);
    try {
      await onSend(value);
      if (!ephemeral) await clear();
    } finally {
      setSaving(false);
    }
  };

  if (!loaded && !ephemeral) return null;
  const start = ephemeral || (!draft.title && !draft.body) ? initial : { ...initial, title: draft.title, body: draft.body };
  // The relay publishes nothing of a person who has not acknowledged the policy: ask first.
  return (
    <PolicyGate>
    <div className="drafted-composer" onInput={onInput}>
      <Composer
        mode={mode}
        space={space}
        evaluateDraft={evaluateDraft}
        people={people}
        nameOf={nameOf}
        onSubmit={(value) => void submit(value)}
        {...(onCancel ? { onCancel } : {})}
        {...(start ? { initial: start } : {})}
        {...(label ? { label } : {})}
        {...(submitLabel ? { submitLabel } : {})}
        {...(autoFocus !== undefined ? { autoFocus } : {})}
      />
      {saving && <p role="status">{text.saving}</p>}
    </div>
    </PolicyGate>
  );
}
