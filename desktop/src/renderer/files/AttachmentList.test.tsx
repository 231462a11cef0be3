// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { AttachmentRef } from '@hearth/core';
import { Composer } from '../components/Composer.js';
import { nameOf, people, scriptedEvaluate } from '../components/test-fixtures.js';
import { observable } from '../data/observable.js';
import { AttachmentContext, type AttachmentHost } from './attachments-context.js';
import { AttachmentList } from './AttachmentList.js';
import type { UploadProgress } from './file-uploads.js';

afterEach(cleanup);

const picture: AttachmentRef = { hash: 'a'.repeat(64), name: 'harbour.png', mimeType: 'image/png', bytes: 2048 };
const report: AttachmentRef = { hash: 'b'.repeat(64), name: 'report.pdf', mimeType: 'application/pdf', bytes: 3 * 1_048_576 };

function host(progress = new Map<string, UploadProgress>()): AttachmentHost & { open: ReturnType<typeof vi.fn> } {
  return {
    urlOf: vi.fn((ref: AttachmentRef, variant?: string) => Promise.resolve(`blob:${ref.hash.slice(0, 4)}-${variant ?? 'full'}`)),
    streamUrlOf: vi.fn(() => Promise.resolve('http://relay/video')),
    open: vi.fn(() => Promise.resolve()),
    progress: observable<ReadonlyMap<string, UploadProgress>>(progress),
  };
}

describe('attachments in an item', () => {
  it('shows a picture by its thumbnail and a file as a button that opens it', async () => {
    const h = host();
    render(
      <AttachmentContext value={h}>
        <AttachmentList items={[picture, report]} />
      </AttachmentContext>,
    );
    const img = await screen.findByRole('img', { name: 'harbour.png' });
    await waitFor(() => expect(img.getAttribute('src')).toBe('blob:aaaa-thumbnail'));
    fireEvent.click(screen.getByRole('button', { name: 'Open report.pdf' }));
    expect(h.open).toHaveBeenCalledWith(report);
    expect(screen.getByText('3.0 MB')).toBeTruthy();
  });

  it("shows the author's upload: progress, waiting offline, or the relay's reason for refusing", () => {
    const progress = new Map<string, UploadProgress>([
      [picture.hash, { state: 'uploading', sent: 512, total: 2048, error: null }],
      [report.hash, { state: 'refused', sent: 0, total: 3, error: 'This file is a program; programs cannot be shared.' }],
    ]);
    render(
      <AttachmentContext value={host(progress)}>
        <AttachmentList items={[picture, report]} />
      </AttachmentContext>,
    );
    const bar = screen.getByRole('progressbar', { name: 'Uploading harbour.png' });
    expect(bar.getAttribute('value')).toBe('512');
    expect(screen.getByRole('alert').textContent).toContain('programs cannot be shared');
  });
});

describe('attaching in the composer', () => {
  it('sends the chosen files with the text, judged by the policy as they are chosen', () => {
    const onSubmit = vi.fn();
    const evaluateDraft = vi.fn(scriptedEvaluate({}));
    render(<Composer mode="comment" space="general" evaluateDraft={evaluateDraft} people={people} nameOf={nameOf} onSubmit={onSubmit} attachments />);
    const file = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    fireEvent.change(screen.getByLabelText('Attach files'), { target: { files: [file] } });
    expect(screen.getByRole('list', { name: 'Files to attach' }).textContent).toContain('notes.txt');
    expect(evaluateDraft).toHaveBeenLastCalledWith(expect.objectContaining({ attachments: [{ name: 'notes.txt', mimeType: 'text/plain', bytes: 5 }] }));
    fireEvent.change(screen.getByLabelText('Comment'), { target: { value: 'See the notes' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ body: 'See the notes', files: [file] }), expect.anything());
  });
});
