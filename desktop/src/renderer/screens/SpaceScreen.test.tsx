// @vitest-environment jsdom
// A space offers a composer, and the post kinds in it, only when the relay would publish the post:
// the screen asks core's postingRights, the rule validateEntry applies on the relay. An employee in
// a news space reads why they cannot post there instead of learning it from a refusal.
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { putDirectoryRecords, putSpaceInCatalogue, setMemberships, writePost, type SpaceMeta } from '@hearth/core';
import { person } from '../components/test-fixtures.js';
import { ServicesContext } from '../hooks/services-context.js';
import { SpaceScreen } from './SpaceScreen.js';
import { testServices } from './test-services.js';

afterEach(cleanup);

const space = (id: string, name: string, kind: SpaceMeta['kind'], visibility: SpaceMeta['visibility'], facilitators: string[] = []): SpaceMeta => ({
  id, name, description: '', kind, visibility, facilitators, retentionDays: null, createdAt: 0,
});
const SPACES = [
  space('news', 'Company News', 'news', 'public', ['seema']),
  space('general', 'General', 'discussion', 'public'),
  space('media-wing', 'Media Wing', 'discussion', 'private', ['binu']),
];
const PEOPLE = [
  person('anna', 'Anna', 'Berg'),
  person('seema', 'Seema', 'Nair', { roles: ['employee', 'comms'] }),
  person('binu', 'Binu', 'Thomas', { roles: ['employee', 'facilitator'] }),
];

function open(me: string, spaceId: string, memberships: string[] = []) {
  const s = testServices(me);
  putDirectoryRecords(s.hub.open('directory').doc, PEOPLE);
  for (const meta of SPACES) putSpaceInCatalogue(s.hub.open('spaces').doc, meta);
  setMemberships(s.hub.open(`inbox/${me}`).doc, memberships);
  render(
    <ServicesContext value={s}>
      <SpaceScreen spaceId={spaceId} />
    </ServicesContext>,
  );
  return s;
}

const kindsOffered = () =>
  within(screen.getByRole('combobox', { name: 'Kind of post' })).getAllByRole('option').map((o) => o.textContent);

describe('SpaceScreen: who is offered a composer', () => {
  it('offers an employee no composer in a news space and says why', async () => {
    const s = open('anna', 'news');
    await screen.findByRole('heading', { level: 1, name: 'Company News' });
    expect(screen.getByText('Only the communications team posts in Company News. You can comment on its posts.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New post' })).toBeNull();
    s.destroy();
  });

  it('offers the communications team a composer in news, announcements included', async () => {
    const s = open('seema', 'news');
    fireEvent.click(await screen.findByRole('button', { name: 'New post' }));
    expect(await screen.findByRole('combobox', { name: 'Kind of post' })).toBeTruthy();
    expect(kindsOffered()).toEqual(['Discussion', 'Question', 'Announcement']);
    s.destroy();
  });

  it('offers an employee discussions and questions in a public space, never announcements', async () => {
    const s = open('anna', 'general');
    fireEvent.click(await screen.findByRole('button', { name: 'New post' }));
    await screen.findByRole('combobox', { name: 'Kind of post' });
    expect(kindsOffered()).toEqual(['Discussion', 'Question']);
    s.destroy();
  });

  it('offers a facilitator announcements in their own private space, and a non-member nothing', async () => {
    const member = open('binu', 'media-wing', ['media-wing']);
    fireEvent.click(await screen.findByRole('button', { name: 'New post' }));
    await screen.findByRole('combobox', { name: 'Kind of post' });
    expect(kindsOffered()).toContain('Announcement');
    member.destroy();
    cleanup();

    const outsider = open('anna', 'media-wing');
    await screen.findByRole('heading', { level: 1, name: 'Media Wing' });
    expect(screen.getByText(/Only members of Media Wing can write there/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New post' })).toBeNull();
    outsider.destroy();
  });
});

describe('SpaceScreen: the New mark', () => {
  // jsdom lays nothing out: give the feed a viewport and rows a height, as a browser would.
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 200 });
  });
  it('never marks one\'s own posts as new', async () => {
    const s = open('anna', 'general');
    await s.outbox.commit((doc) => writePost(doc, { space: 'general', title: 'My own update', body: 'Written by me.' }));
    const mine = (await screen.findByText('My own update')).closest('article') as HTMLElement;
    expect(within(mine).queryByText('New')).toBeNull();
    s.destroy();
  });
});
