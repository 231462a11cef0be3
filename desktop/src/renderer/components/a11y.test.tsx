// @vitest-environment jsdom
// Runs axe-core's rules (names, roles, ARIA attributes, labels, landmarks, list structure) over
// each screen-sized component. Colour contrast needs real layout, so it is checked on the tokens in
// contrast.test.ts and in the Chromium end-to-end run, not here.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import type { ReactElement } from 'react';
import { AppShell } from './AppShell.js';
import { ConnectionStatus } from './ConnectionStatus.js';
import { StorageErrorBanner } from './StorageErrorBanner.js';
import { SignIn } from './SignIn.js';
import { Thread } from './Thread.js';
import { Composer } from './Composer.js';
import { PolicyView } from './PolicyView.js';
import { SpaceCatalogue } from './SpaceCatalogue.js';
import { SpaceHeader } from './SpaceHeader.js';
import { MembershipControls } from './MembershipControls.js';
import { ConversationList } from './ConversationList.js';
import { ConversationView } from './ConversationView.js';
import { NewConversation } from './NewConversation.js';
import { PeopleDirectory } from './PeopleDirectory.js';
import { PersonPage } from './PersonPage.js';
import { InboxView } from './InboxView.js';
import { SearchView } from './SearchView.js';
import { SettingsPanel } from './SettingsPanel.js';
import { defaultSettingsView } from '../../shared/settings.js';
import { comment, nameOf, people, post, scriptedEvaluate } from './test-fixtures.js';
import type { SpaceMeta } from '@hearth/core';

afterEach(cleanup);

const noop = () => {};
const evaluate = scriptedEvaluate({ secret: 'hold', silly: 'warn' });
const space: SpaceMeta = {
  id: 'general',
  name: 'General',
  description: 'Company-wide talk',
  kind: 'discussion',
  visibility: 'public',
  facilitators: ['anna.berg'],
  retentionDays: 365,
  createdAt: 0,
};

async function violations(ui: ReactElement) {
  const { container } = render(ui);
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const thread = (
  <Thread
    post={post(1, { reactions: { '🎉': ['ben.ode'] }, commentCount: 2, comments: [comment('c1', 'ben.ode', 'Hi <@anna.berg>', [comment('c2', 'anna.berg', 'Hello')])] })}
    me="anna.berg" nameOf={nameOf} people={people} evaluateDraft={evaluate} space="general"
    onComment={noop} onEditComment={noop} onEditPost={noop} onRetract={noop} onReact={noop} onReport={noop} ownsEntry={() => true}
  />
);

describe('accessibility (axe-core rules, no layout)', () => {
  it.each<[string, ReactElement]>([
    ['AppShell', <AppShell key="a" current="home" onNavigate={noop} inboxUnread={3} me={{ name: 'Anna Berg', title: 'Designer' }} onSignOut={noop}
      connection={<ConnectionStatus state="offline" unsavedCount={2} onRetry={noop} />} banner={<StorageErrorBanner problem="quota" unwrittenCount={1} onRetry={noop} />}>
      <h1>Home</h1>
    </AppShell>],
    ['SignIn', <SignIn key="s" people={people} nameOf={nameOf} relayUrl="https://hearth.example" onChoosePerson={noop} onToken={noop} onCompanySignIn={noop} />],
    ['Thread', thread],
    ['Composer with findings', <Composer key="c" mode="post" space="general" evaluateDraft={evaluate} people={people} nameOf={nameOf} onSubmit={noop} initial={{ title: 'A secret', body: 'silly idea' }} />],
    ['PolicyView', <PolicyView key="p" acknowledgedVersion={null} onAcknowledge={noop} policy={{ version: 3, title: 'Behaviour policy', introduction: 'Be kind.', updatedAt: 0, rules: [{ id: 'r1', name: 'Respect', description: 'No insults.', severity: 'hold', guidance: 'Say what you mean kindly.' }] }} />],
    ['SpaceCatalogue', <SpaceCatalogue key="sc" spaces={[space, { ...space, id: 'x', name: 'Project X', visibility: 'private' }]} membershipOf={(sp) => (sp.id === 'general' ? { kind: 'member' } : { kind: 'pending', request: 'r1' })} onOpen={noop} onJoin={noop} onLeave={noop} onWithdraw={noop} />],
    ['SpaceHeader', <SpaceHeader key="sh" space={space} nameOf={nameOf} onNewPost={noop} membership={<MembershipControls space={space} state={{ kind: 'member' }} onJoin={noop} onLeave={noop} onWithdraw={noop} />} onOpenPerson={noop} />],
    ['ConversationList', <ConversationList key="cl" me="anna.berg" nameOf={nameOf} onSelect={noop} onNew={noop} selectedId="d1" conversations={[{ id: 'd1', participants: ['anna.berg', 'ben.ode'], createdAt: 0, messages: [{ id: 'm1', authorId: 'ben.ode', body: 'Hi **there**', createdAt: 1, editedAt: null, state: 'published' }] }]} />],
    ['ConversationView', <ConversationView key="cv" me="anna.berg" nameOf={nameOf} people={people} evaluateDraft={evaluate} onSend={noop} onReport={noop} conversation={{ id: 'd1', participants: ['anna.berg', 'ben.ode'], createdAt: 0, messages: [{ id: 'm1', authorId: 'ben.ode', body: 'Hi', createdAt: 1, editedAt: null, state: 'published' }, { id: 'm2', authorId: 'anna.berg', body: 'Hello', createdAt: 2, editedAt: null, state: 'published', pending: 'pending' }] }} />],
    ['NewConversation', <NewConversation key="nc" people={people} me="anna.berg" nameOf={nameOf} onStart={noop} onCancel={noop} initial={['ben.ode']} />],
    ['PeopleDirectory', <PeopleDirectory key="pd" people={people} nameOf={nameOf} onOpenPerson={noop} />],
    ['PersonPage', <PersonPage key="pp" person={people[1]!} nameOf={nameOf} posts={[post(1)]} onOpenPost={noop} onOpenPerson={noop} onMessage={noop} />],
    ['InboxView', <InboxView key="iv" nameOf={nameOf} spaceNameOf={() => 'General'} facilitatorOf={new Set(['general'])} onEditAndResubmit={noop} onOpen={noop} onApproveJoin={noop} onDeclineJoin={noop}
      inbox={{ memberships: [], statuses: {}, joinRequests: {}, notices: [
        { id: 'n1', kind: 'held', createdAt: 0, message: 'Held for review', entryId: 'e1', space: 'general', about: null, findings: [{ rule: 'r1', severity: 'hold', message: 'A confidential term', guidance: 'Leave it out.' }] },
        { id: 'n2', kind: 'join-request', createdAt: 0, message: '', entryId: null, space: 'general', about: 'ben.ode', findings: [] },
        { id: 'n3', kind: 'mention', createdAt: 0, message: '', entryId: 'c1', space: 'general', about: 'ben.ode', findings: [] },
      ] }} />],
    ['SignIn with a locked relay', <SignIn key="sl" people={[]} nameOf={nameOf} relayUrl="wss://hearth.corp.example" relayLocked onChoosePerson={noop} onToken={noop} />],
    ['SettingsPanel', <SettingsPanel key="st" host="electron" relayUrl="wss://hearth.corp.example" onInstallUpdate={noop}
      settings={{ ...defaultSettingsView(), relayUrl: { value: 'wss://hearth.corp.example', source: 'policy', locked: true } }}
      tokenStorage={{ kind: 'memory-only', reason: 'No system keychain is running.' }} update={{ state: 'ready', version: '1.2.0' }} />],
    ['SettingsPanel (web)', <SettingsPanel key="sw" host="web" relayUrl="wss://hearth.example" settings={null} tokenStorage={null} update={null} onInstallUpdate={noop} />],
  ])('%s has no violations', async (_name, ui) => {
    expect(await violations(ui)).toEqual([]);
  });

  it('SearchView with results open has no violations', async () => {
    const { container } = render(
      <SearchView query="bud" onQueryChange={noop} onOpen={noop} results={[{ key: 'a', kind: 'post', title: 'Budget' }, { key: 'b', kind: 'person', title: 'Ben Ode' }]} />,
    );
    fireEvent.keyDown(screen.getByRole('combobox'), { key: 'ArrowDown' });
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
