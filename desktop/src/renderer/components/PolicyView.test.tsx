// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { compilePolicy, evaluate, preparePolicy, type DistributedPolicy, type Draft } from '@hearth/core';
import { PolicyView } from './PolicyView.js';
import { AcknowledgeGate } from './AcknowledgeGate.js';
import { Composer } from './Composer.js';
import { nameOf, people } from './test-fixtures.js';

afterEach(cleanup);

function policy(): DistributedPolicy {
  const result = compilePolicy({
    format: 'hearth-policy-source/1',
    version: 4,
    name: 'Acme behaviour policy',
    termKey: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
    rules: [
      { id: 'codenames', kind: 'confidential-terms', severity: 'hold', message: 'This names a confidential project.', guidance: 'Say “the project” instead.', terms: ['bluebird'] },
      { id: 'cards', kind: 'personal-data', severity: 'hold', message: 'This looks like personal data.', guidance: 'Remove it.', detect: ['payment-card'] },
      { id: 'everyone', kind: 'mass-mentions', severity: 'warn', message: 'This notifies many people.', guidance: 'Mention only who needs it.', maxMentions: 5 },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.policy;
}

describe('PolicyView', () => {
  it('shows each rule readably without revealing confidential terms', () => {
    render(<PolicyView policy={policy()} acknowledgedVersion={null} onAcknowledge={() => {}} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Acme behaviour policy' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Confidential projects and terms' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Personal data' })).toBeTruthy();
    expect(screen.getByText(/payment card numbers/)).toBeTruthy();
    expect(document.body.textContent).not.toContain('bluebird');
  });

  it('records acceptance only after the reader ticks that they read it', () => {
    const onAcknowledge = vi.fn();
    render(<PolicyView policy={policy()} acknowledgedVersion={3} onAcknowledge={onAcknowledge} />);
    expect(screen.getByText(/You accepted version 3/)).toBeTruthy();
    const accept = screen.getByRole('button', { name: 'I have read and accept the policy' });
    expect(accept).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'I have read version 4 of the behaviour policy' }));
    fireEvent.click(accept);
    expect(onAcknowledge).toHaveBeenCalledWith(4);
  });
});

describe('AcknowledgeGate', () => {
  it('keeps the composer behind the policy until it is accepted', () => {
    const onReadPolicy = vi.fn();
    const { rerender } = render(
      <AcknowledgeGate policyVersion={4} acknowledgedVersion={null} onReadPolicy={onReadPolicy}>
        <p>composer</p>
      </AcknowledgeGate>,
    );
    expect(screen.queryByText('composer')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Read the policy' }));
    expect(onReadPolicy).toHaveBeenCalled();
    rerender(
      <AcknowledgeGate policyVersion={4} acknowledgedVersion={4} onReadPolicy={onReadPolicy}>
        <p>composer</p>
      </AcknowledgeGate>,
    );
    expect(screen.getByText('composer')).toBeTruthy();
  });
});

describe('Composer with the real core evaluate', () => {
  it('underlines a confidential term where the author typed it, even disguised', () => {
    const prepared = preparePolicy(policy());
    const evaluateDraft = (draft: Draft) => evaluate(prepared, draft);
    render(<Composer mode="comment" space="general" evaluateDraft={evaluateDraft} people={people} nameOf={nameOf} onSubmit={() => {}} />);
    const body = screen.getByRole('textbox', { name: 'Comment' });
    fireEvent.change(body, { target: { value: 'News on Blue-Bird soon' } });
    const mark = document.querySelector('.highlight-backdrop mark');
    expect(mark?.textContent?.toLowerCase()).toContain('blue');
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
    expect(screen.getByText(/This names a confidential project/, { selector: '.composer-reason' })).toBeTruthy();
  });
});
