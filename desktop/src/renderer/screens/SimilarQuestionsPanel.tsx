// The composer's "already asked" panel: while a question's title is typed, the on-device search
// index (a Web Worker, offline too) is asked for questions that look alike; each is shown with its
// accepted answer from the local space documents.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PostView } from '@hearth/core';
import { SimilarQuestions, type SimilarQuestion } from '../components/SimilarQuestions.js';
import { useServices } from '../hooks/services-context.js';
import { useReadableSpaceIds } from '../hooks/use-room-plan.js';
import { navigate } from '../hooks/use-route.js';
import { useSpaceViews } from '../hooks/use-spaces.js';

const TYPING_PAUSE_MS = 250;

export function SimilarQuestionsPanel({ title }: { title: string }) {
  const { search } = useServices();
  const views = useSpaceViews(useReadableSpaceIds());
  const questions = useMemo(() => {
    const byId = new Map<string, PostView>();
    for (const v of views.values()) for (const p of v.posts) if (p.kind === 'question') byId.set(p.id, p);
    return byId;
  }, [views]);
  const [ids, setIds] = useState<string[]>([]);
  const latest = useRef(0);
  useEffect(() => {
    if (!search || title.trim().length < 3) {
      setIds([]);
      return;
    }
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      void search.query(title, 5, 'question').then((answer) => {
        if (ticket === latest.current) setIds(answer.hits.map((h) => h.id.replace(/^post:/, '')));
      });
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [search, title]);
  const items: SimilarQuestion[] = ids.flatMap((id) => {
    const q = questions.get(id);
    if (q === undefined) return [];
    const answer = q.acceptedAnswer === undefined ? null : (findComment(q, q.acceptedAnswer)?.body ?? null);
    return [{ id, title: q.title || q.body.slice(0, 80), answer, onOpen: () => navigate({ name: 'post', space: q.space, post: q.id }) }];
  });
  return <SimilarQuestions items={items} />;
}

function findComment(post: PostView, id: string): { body: string } | undefined {
  const walk = (list: PostView['comments']): { body: string } | undefined => {
    for (const c of list) {
      if (c.id === id) return c;
      const inner = walk(c.replies);
      if (inner) return inner;
    }
    return undefined;
  };
  return walk(post.comments);
}
