// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { SpaceMeta, SpaceView } from '@hearth/core';
import { comment, nameOf, people, post } from '../components/test-fixtures.js';
import { CaseContextView } from './CaseContext.js';
import { isReviewHash } from './review-route.js';
import { mayReview } from './use-case-client.js';
import { caseFile, items } from './test-cases.js';

afterEach(cleanup);

const space = (posts: SpaceView['posts']): SpaceView => ({ meta: null, members: [], posts });

describe('the thread around a case', () => {
  it('shows a reported comment in its post, among the other comments, marked as the one under review', () => {
    const [item] = items(caseFile('c', { source: 'report' }));
    item!.doc.item = { ...item!.doc.item, type: 'comment', entryId: 'c2' };
    const view = space([post(1, { comments: [comment('c1', 'ben.ode', 'First!', [comment('c2', 'chloe.martin', 'Rude words')])] })]);
    render(<CaseContextView item={item!} view={view} denied={false} nameOf={nameOf} />);
    expect(screen.getByText(/On the post “Post number 1” by Anna Berg/)).toBeTruthy();
    const current = document.querySelector('[aria-current="true"]');
    expect(current?.textContent).toContain('Rude words');
    expect(screen.getByText(/First!/)).toBeTruthy();
  });

  it('shows the space\'s recent posts around a held post, and says when the space is not readable', () => {
    const [item] = items(caseFile('h'));
    render(<CaseContextView item={item!} view={space([post(1), post(2)])} denied={false} nameOf={nameOf} />);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringContaining('Post number 1'), expect.stringContaining('Post number 2')]);
    cleanup();
    render(<CaseContextView item={item!} view={space([])} denied nameOf={nameOf} />);
    expect(screen.getByText(/not on this device/)).toBeTruthy();
  });
});

describe('who may review', () => {
  const directory = new Map(people.map((p) => [p.id, p]));
  directory.set('mo', { ...people[0]!, id: 'mo', roles: ['employee', 'moderator'] });
  it('moderators, facilitators by role, and the facilitators a space names', () => {
    expect(mayReview('mo', directory, [])).toBe(true);
    expect(mayReview('anna.berg', directory, [])).toBe(false);
    const spaces: SpaceMeta[] = [{ id: 'general', name: 'General', description: '', kind: 'discussion', visibility: 'public', facilitators: ['anna.berg'], retentionDays: null, createdAt: 0 }];
    expect(mayReview('anna.berg', directory, spaces)).toBe(true);
    expect(mayReview('nobody', directory, spaces)).toBe(false);
  });

  it('the pane lives at #/review', () => {
    expect(isReviewHash('#/review')).toBe(true);
    expect(isReviewHash('#review')).toBe(true);
    expect(isReviewHash('#/reviews')).toBe(false);
    expect(isReviewHash('#/')).toBe(false);
  });
});
