// Recognition and knowledge as the screens see them: the recognition room through core's read-only
// view (with everything about people for whom recognition is off left out), bookmarks from the
// person's own outbox, and the writes, all through core's outbox functions.
import { useMemo } from 'react';
import type * as Y from 'yjs';
import {
  readBestOf,
  readBookmarks,
  readRecognition,
  recognitionAmong,
  recognitionOn,
  retractEntry,
  writeBestOf,
  writeBookmark,
  writeKudos,
  writeKudosConsent,
  writeLeaderboard,
  type BestOfItem,
  type BookmarkEntry,
  type EntryId,
  type RecognitionView,
} from '@hearth/core';
import { useServices } from '../hooks/services-context.js';
import { useDirectory, useOutbox } from '../hooks/use-data.js';
import { useRoomView } from '../hooks/use-room.js';

const recognitionView = (doc: Y.Doc): RecognitionView => readRecognition(doc);
const bestOfView = (doc: Y.Doc): BestOfItem[] => readBestOf(doc);

export interface Recognition {
  /** Recognition exists for the signed-in person: off, the app shows nothing of it. */
  on: boolean;
  /** The room's view, without anything about people for whom recognition is off. */
  view: RecognitionView;
  onFor: (person: string) => boolean;
}

export function useRecognition(): Recognition {
  const { me } = useServices();
  const directory = useDirectory();
  const raw = useRoomView('recognition', recognitionView).view;
  return useMemo(() => {
    const onFor = (person: string) => raw.settingsKnown && recognitionOn(raw.settings, directory.get(person)?.country);
    return { on: onFor(me), view: recognitionAmong(raw, onFor), onFor };
  }, [raw, directory, me]);
}

export function useBookmarks(): BookmarkEntry[] {
  const outbox = useOutbox();
  return useMemo(() => readBookmarks(outbox), [outbox]);
}

export function useBestOf(spaceId: string): BestOfItem[] {
  return useRoomView(`space/${spaceId}`, bestOfView).view;
}

export function useEngagementActions() {
  const { outbox } = useServices();
  return useMemo(() => {
    const id = (e: EntryId) => e;
    return {
      kudos: (p: { to: string; message: string; space: string | null }) => outbox.commit((doc) => writeKudos(doc, p), id),
      consent: (inSpaces: boolean) => outbox.commit((doc) => writeKudosConsent(doc, { inSpaces }), id),
      leaderboard: (space: string, enabled: boolean) => outbox.commit((doc) => writeLeaderboard(doc, { space, enabled }), id),
      bookmark: (space: string, post: string) => outbox.commit((doc) => writeBookmark(doc, { space, post }), id),
      bestOf: (space: string, post: string) => outbox.commit((doc) => writeBestOf(doc, { space, post }), id),
      /** Withdraws entries (a bookmark made on two devices is two entries). */
      retract: (ids: readonly string[]) => outbox.commit((doc) => ids.forEach((e) => retractEntry(doc, e))),
    };
  }, [outbox]);
}
