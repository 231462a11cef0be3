// Turns the read-only views into search documents. Pure, so it is tested without a worker. Mentions
// are indexed as the person's name (so searching a colleague's name finds where they were mentioned);
// Markdown is kept for indexing and read as plain text only for the few snippets shown (search-index.ts).
import type { CommentView, ConversationView, DirectoryRecord, SpaceMeta, SpaceView } from '@hearth/core';
import type { SearchDoc } from './search-protocol.js';
import { mentionsAsNames } from '../components/plain-text.js';

const enc = encodeURIComponent;

export function spaceDocs(view: SpaceView, spaceId: string, nameOf: (id: string) => string): SearchDoc[] {
  const spaceName = view.meta?.name ?? spaceId;
  const docs: SearchDoc[] = [];
  const walk = (comments: readonly CommentView[], postId: string, postTitle: string) => {
    for (const c of comments) {
      docs.push({ id: `comment:${c.id}`, kind: 'comment', title: postTitle, text: mentionsAsNames(c.body, nameOf), context: `${nameOf(c.authorId)} · ${spaceName}`, route: `#/post/${enc(spaceId)}/${enc(postId)}` });
      walk(c.replies, postId, postTitle);
    }
  };
  for (const p of view.posts) {
    docs.push({
      id: `post:${p.id}`,
      kind: 'post',
      title: p.title,
      text: mentionsAsNames(p.body, nameOf),
      context: `${nameOf(p.authorId)} · ${spaceName}`,
      route: `#/post/${enc(spaceId)}/${enc(p.id)}`,
      ...(p.kind === 'question' ? { tags: ['question'] } : {}),
    });
    walk(p.comments, p.id, p.title);
  }
  return docs;
}

export function peopleDocs(people: Iterable<DirectoryRecord>, nameOf: (id: string) => string): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const p of people) {
    docs.push({ id: `person:${p.id}`, kind: 'person', title: nameOf(p.id), text: `${p.title} ${p.department} ${p.location} ${p.email}`, context: `${p.title} · ${p.department}`, route: `#/person/${enc(p.id)}` });
  }
  return docs;
}

export function catalogueDocs(spaces: readonly SpaceMeta[]): SearchDoc[] {
  return spaces.map((s) => ({ id: `space:${s.id}`, kind: 'space', title: s.name, text: s.description, context: s.visibility, route: `#/space/${enc(s.id)}` }));
}

export function conversationDocs(view: ConversationView, nameOf: (id: string) => string): SearchDoc[] {
  const with_ = view.participants.map(nameOf).join(', ');
  return view.messages.map((m) => ({ id: `message:${m.id}`, kind: 'message', title: nameOf(m.authorId), text: mentionsAsNames(m.body, nameOf), context: with_, route: `#/dm/${enc(view.id)}` }));
}
