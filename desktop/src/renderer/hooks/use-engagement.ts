// Questions, must-read announcements and leaders as the screens need them, derived with core's
// engagement views from documents on this device (so offline too): the unanswered questions of
// the spaces one reads, the must-read announcements one has not acknowledged, who is a leader.
import { createElement, useEffect, useMemo, useState, type ReactNode } from 'react';
import { mustReadPending, unansweredQuestions, type PostView, type UnansweredQuestion } from '@hearth/core';
import { LeaderMark } from '../components/LeaderMark.js';
import { useServices } from './services-context.js';
import { useDirectory, useOutbox } from './use-data.js';
import { useFollowedSpaceIds, useReadableSpaceIds } from './use-room-plan.js';
import { useSpaceViews } from './use-spaces.js';

const MINUTE = 60_000;

/** "Now", moving once a minute: ages in lists stay current without re-rendering on every tick. */
export function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MINUTE);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Unanswered questions in the given spaces (default: every space this person can read), oldest first. */
export function useUnanswered(spaceIds?: readonly string[]): UnansweredQuestion[] {
  const readable = useReadableSpaceIds();
  const views = useSpaceViews(spaceIds ?? readable);
  const now = useMinuteClock();
  return useMemo(() => unansweredQuestions(views.values(), now), [views, now]);
}

/** Must-read announcements of the followed spaces (company news included) waiting for this person. */
export function useMustReadPending(): PostView[] {
  const { me } = useServices();
  const views = useSpaceViews(useFollowedSpaceIds());
  const outbox = useOutbox();
  return useMemo(() => mustReadPending(views.values(), outbox, me), [views, outbox, me]);
}

/** The mark shown after a person's name: a leader's, from the directory; nothing for others. */
export function usePersonMark(): (personId: string) => ReactNode {
  const directory = useDirectory();
  return useMemo(() => (id: string) => (directory.get(id)?.roles.includes('leader') === true ? createElement(LeaderMark) : null), [directory]);
}
