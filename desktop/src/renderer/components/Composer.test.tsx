// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Composer } from './Composer.js';
import { nameOf, people, scriptedEvaluate } from './test-fixtures.js';

afterEach(cleanup);

const evaluate = scriptedEvaluate({ secretproject: 'hold', stupid: 'warn', 'bit.ly': 'flag' });

function setup(mode: 'post' | 'comment' = 'comment') {
  const onSubmit = vi.fn();
  render(<Composer mode={mode} space="general" evaluateDraft={evaluate} people={people} nameOf={nameOf} onSubmit={onSubmit} />);
  const body = screen.getByLabelText(mode === 'post' ? 'Post' : 'Comment') as HTMLTextAreaElement;
  const send = screen.getByRole('button', { name: mode === 'post' ? 'Publish' : 'Send' });
  return { onSubmit, body, send };
}

describe('Composer coaching', () => {
  it('underlines a finding in the text and links its explanation to the field', () => {
    const { body } = setup();
    fireEvent.change(body, { target: { value: 'About the secretproject launch' } });
    const mark = document.querySelector('.highlight-backdrop mark');
    expect(mark?.textContent).toBe('secretproject');
    expect(mark?.className).toContain('finding-hold');
    const described = (body.getAttribute('aria-describedby') ?? '').split(' ');
    const explanation = document.getElementById(described[0] ?? '');
    expect(explanation?.textContent).toContain('matched hold');
    expect(explanation?.textContent).toContain('Try another word than secretproject.');
    expect(body.getAttribute('aria-invalid')).toBe('true');
  });

  it('disables sending on a hold finding and says why in plain words', () => {
    const { body, send, onSubmit } = setup();
    fireEvent.change(body, { target: { value: 'secretproject ships soon' } });
    expect(send).toHaveProperty('disabled', true);
    expect(screen.getByText(/This can’t be sent yet/).textContent).toContain('matched hold');
    fireEvent.submit(send.closest('form')!);
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.change(body, { target: { value: 'the new project ships soon' } });
    expect(send).toHaveProperty('disabled', false);
  });

  it('asks to confirm before sending a warn finding', () => {
    const { body, send, onSubmit } = setup();
    fireEvent.change(body, { target: { value: 'that was a stupid bug' } });
    fireEvent.click(send);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Before you send, please check:')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send anyway' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ body: 'that was a stupid bug' });
  });

  it('sends a flag finding and tells the author it will be reviewed', () => {
    const { body, send, onSubmit } = setup();
    fireEvent.change(body, { target: { value: 'see bit.ly/x' } });
    expect(screen.getByText(/reviewed by a moderator/)).toBeTruthy();
    fireEvent.click(send);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(screen.getByText(/A moderator will review it/)).toBeTruthy();
  });

  it('counts title characters against the limit and blocks an over-long title', () => {
    const { body, send } = setup('post');
    fireEvent.change(body, { target: { value: 'Hello' } });
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'x'.repeat(301) } });
    expect(screen.getByText('1 character over the limit of 300')).toBeTruthy();
    expect(send).toHaveProperty('disabled', true);
  });

  it('offers people after @ and inserts a mention with the keyboard: the name shown, the <@id> token sent', () => {
    const { body } = setup();
    body.focus();
    fireEvent.change(body, { target: { value: 'Thanks @be', selectionStart: 10, selectionEnd: 10 } });
    // "be" starts Anna Berg's family name and Ben's given name: both are offered, Anna first.
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Anna BergProduct designer', 'Ben OdeSupport lead']);
    fireEvent.keyDown(body, { key: 'ArrowDown' });
    const option = screen.getByRole('option', { name: /Ben Ode/ });
    expect(option.getAttribute('aria-selected')).toBe('true');
    expect(body.getAttribute('aria-activedescendant')).toBe(option.id);
    fireEvent.keyDown(body, { key: 'Enter' });
    expect(body.value).toBe('Thanks @Ben Ode ');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('edits a text with mentions showing names, keeps the tokens in what it sends, and underlines findings where they are shown', () => {
    const onSubmit = vi.fn();
    render(<Composer mode="comment" space="general" evaluateDraft={evaluate} people={people} nameOf={nameOf} onSubmit={onSubmit} initial={{ body: 'Ask <@ben.ode> about secretproject' }} />);
    const body = screen.getByLabelText('Comment') as HTMLTextAreaElement;
    expect(body.value).toBe('Ask @Ben Ode about secretproject');
    expect(document.querySelector('.highlight-backdrop mark')?.textContent).toBe('secretproject');
    fireEvent.change(body, { target: { value: 'Ask @Ben Ode about the launch' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ body: 'Ask <@ben.ode> about the launch' });
  });
});

describe('Composer onChange', () => {
  it('reports the whole value on every edit, including an inserted mention, and not the reset after sending', () => {
    const onChange = vi.fn();
    const onSubmit = vi.fn();
    render(<Composer mode="post" space="general" evaluateDraft={evaluate} people={people} nameOf={nameOf} onSubmit={onSubmit} onChange={onChange} initial={{ kind: 'question' }} />);
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Lunch' } });
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'question', title: 'Lunch', body: '' });
    const body = screen.getByLabelText('Post');
    body.focus();
    fireEvent.change(body, { target: { value: 'Ask @ben', selectionStart: 8, selectionEnd: 8 } });
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'question', title: 'Lunch', body: 'Ask @ben' });
    fireEvent.keyDown(body, { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'question', title: 'Lunch', body: 'Ask <@ben.ode> ' });
    const calls = onChange.mock.calls.length;
    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect((body as HTMLTextAreaElement).value).toBe('');
    expect(onChange).toHaveBeenCalledTimes(calls);
  });
});
