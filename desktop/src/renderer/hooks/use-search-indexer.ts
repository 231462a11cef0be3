// Feeds the search worker with everything on this device, as it changes. Each room is one source;
// a source is sent again only when its view changed (views are memoised per room version).
import { useEffect, useRef } from 'react';
import { conversationView, overlayDm } from '../data/model.js';
import { catalogueDocs, conversationDocs, peopleDocs, spaceDocs } from '../search/search-docs.js';
import type { SearchDoc } from '../search/search-protocol.js';
import { useServices } from './services-context.js';
import { useCatalogue, useDirectory, useInbox, useNameOf, useOutbox } from './use-data.js';
import { useConversationIds, useReadableSpaceIds } from './use-room-plan.js';
import { useSpaceViews } from './use-spaces.js';

export function useSearchIndexer(): void {
  const { search, hub, me } = useServices();
  const spaceIds = useReadableSpaceIds();
  const views = useSpaceViews(spaceIds);
  const directory = useDirectory();
  const catalogue = useCatalogue();
  const nameOf = useNameOf();
  const outbox = useOutbox();
  const inbox = useInbox();
  const conversations = useConversationIds();
  const sent = useRef(new Map<string, unknown>());

  useEffect(() => {
    const client = search;
    if (!client) return;
    // Why idle time: building and sending tens of thousands of documents must not delay the first
    // frames or typing; the index catches up when the main thread is free.
    const run = () => {
      const send = (source: string, token: unknown, build: () => SearchDoc[]) => {
        if (sent.current.get(source) === token) return;
        sent.current.set(source, token);
        client.setSource(source, build());
      };
      for (const [id, view] of views) send(`space/${id}`, view, () => spaceDocs(view, id, nameOf));
      send('directory', directory, () => peopleDocs(directory.values(), nameOf));
      send('spaces', catalogue, () => catalogueDocs(catalogue));
      for (const c of conversations) {
        const room = hub.open(`dm/${c}`);
        const view = overlayDm(conversationView(room.doc), outbox, inbox, me, c);
        send(`dm/${c}`, `${room.version.get()}:${view.messages.length}:${view.messages.at(-1)?.body ?? ''}`, () => conversationDocs(view, nameOf));
      }
    };
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(run, { timeout: 3000 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(run, 300);
    return () => clearTimeout(timer);
  }, [search, views, directory, catalogue, nameOf, conversations, hub, outbox, inbox, me]);
}
