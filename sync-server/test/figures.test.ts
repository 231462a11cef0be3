// Figures for communications and facilitators, through a real relay: people write through their
// outboxes, the relay publishes, and GET /api/figures answers from the space documents and the
// journal — under the five-person rule, and only to those who may see them (attacker side: a
// member is refused, a facilitator of one space cannot read another's).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  figuresReportSchema,
  putDirectoryRecords,
  readInbox,
  readSpace,
  retractEntry,
  writeAcknowledgement,
  writeComment,
  writeModuleDone,
  writePost,
  type FiguresReport,
} from '@hearth/core';
import { clientPool, person, runAdmin as admin, startTestRelay, waitFor, bucketNow } from './helpers.js';
import type { TestRelay } from './helpers.js';

const demoPolicy = JSON.parse(readFileSync(new URL('../../assets/demo/policy.json', import.meta.url), 'utf8')) as unknown;
const WRITERS = ['ada', 'ben', 'cai', 'dina', 'emil', 'finn'];

describe('figures', () => {
  let relay: TestRelay;
  const clients = clientPool(() => relay);
  const get = async (who: string | null, query = ''): Promise<{ status: number; body: unknown }> => {
    const headers: Record<string, string> = who === null ? {} : { authorization: `Bearer ${await relay.mintToken(who)}` };
    const res = await fetch(`http://127.0.0.1:${relay.port}/api/figures${query}`, { headers });
    return { status: res.status, body: await res.json() };
  };
  const report = async (who: string, query = ''): Promise<FiguresReport> => {
    const r = await get(who, query);
    expect(r.status).toBe(200);
    return figuresReportSchema.parse(r.body);
  };

  const outs = new Map<string, Awaited<ReturnType<typeof clients.open>>>();
  beforeAll(async () => {
    relay = await startTestRelay({}, WRITERS);
    await relay.host.write('directory', (doc) =>
      putDirectoryRecords(doc, [
        ...WRITERS.map((p) => person(p)),
        person('cora', { roles: ['employee', 'comms'] }),
        person('fran', { roles: ['employee', 'facilitator'] }),
        person('fred', { roles: ['employee', 'facilitator'] }),
        person('mel'),
      ]),
    );
    await admin(relay, 'policy-set', { source: demoPolicy });
    await admin(relay, 'space-create', { id: 'alpha', name: 'Alpha', facilitators: ['fran'] });
    await admin(relay, 'space-create', { id: 'beta', name: 'Beta', facilitators: ['fred'] });
    await admin(relay, 'space-create', { id: 'hidden-gamma', name: 'Gamma', visibility: 'secret', facilitators: ['fred'], members: ['mel'] });
    // Five people post in alpha (one asks a question another answers); one person posts in beta.
    for (const w of WRITERS) {
      const out = await clients.open(w, `outbox/${w}`);
      writeAcknowledgement(out.doc, { policyVersion: 3 });
      outs.set(w, out);
    }
    const question = writePost(outs.get('ada')!.doc, { space: 'alpha', kind: 'question', title: 'Where are the release notes?', body: 'I cannot find them.' });
    for (const w of WRITERS.slice(1, 5)) writePost(outs.get(w)!.doc, { space: 'alpha', title: `Hello from ${w}`, body: 'Glad to be here.' });
    writePost(outs.get('finn')!.doc, { space: 'beta', title: 'Alone here', body: 'Anyone?' });
    writeComment(outs.get('ben')!.doc, { space: 'alpha', post: question, body: 'In the wiki, under Releases.' });
    const alpha = await clients.open('cora', bucketNow('alpha'));
    const beta = await clients.open('cora', bucketNow('beta'));
    await waitFor(() => readSpace(alpha.doc).posts.length === 5 && readSpace(alpha.doc).posts.some((p) => p.commentCount === 1) && readSpace(beta.doc).posts.length === 1, 10_000, 'published');
  });
  afterAll(async () => {
    clients.destroyAll();
    await relay.cleanup();
  });

  it('comms sees every space: counts of five people shown, of one person suppressed (null), not rounded', async () => {
    const r = await report('cora');
    expect(r).toMatchObject({ scope: 'organisation', minPeople: 5 });
    expect(r.days).toHaveLength(28);
    const alpha = r.spaces.find((s) => s.space === 'alpha')!;
    expect(alpha).toMatchObject({ posts: 5, people: 5, comments: null, questions: null, reactions: 0 });
    expect(r.spaces.find((s) => s.space === 'beta')).toMatchObject({ posts: null, people: null });
    expect(r.spaces.map((s) => s.space)).toContain('hidden-gamma');
    // Six people wrote today (ada…finn); today is the last day of the report.
    expect(r.days.at(-1)!.activePeople).toBe(6);
    expect(r.weeks.at(-1)!.activePeople).toBe(6);
  });

  it('a facilitator sees their own space only, and activity in it only', async () => {
    const r = await report('fran');
    expect(r.scope).toBe('spaces');
    expect(r.spaces.map((s) => s.space)).toEqual(['alpha']);
    expect(r.days.at(-1)!.activePeople).toBe(5); // finn wrote in beta only
    expect((await report('fran', '?space=alpha&days=7')).days).toHaveLength(7);
  });

  it('attacker side: a facilitator of alpha asking for beta, or for a secret space, is refused alike', async () => {
    for (const space of ['beta', 'hidden-gamma', 'no-such-space']) {
      const r = await get('fran', `?space=${space}`);
      expect(r).toEqual({ status: 403, body: { error: 'not a space whose figures you may see' } });
    }
    // fred facilitates beta: he gets it, suppressed, never the one person's count.
    expect((await report('fred', '?space=beta')).spaces).toMatchObject([{ space: 'beta', posts: null }]);
  });

  it('attacker side: a member, someone without a token and a forged token are refused', async () => {
    expect(await get('mel')).toEqual({ status: 403, body: { error: 'figures are for communications, admins and facilitators' } });
    expect(await get('mel', '?space=alpha')).toMatchObject({ status: 403 });
    expect((await get(null)).status).toBe(401);
    const forged = await fetch(`http://127.0.0.1:${relay.port}/api/figures`, { headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' } });
    expect(forged.status).toBe(401);
  });

  it('bad input: days out of range is a clear 400', async () => {
    expect(await get('cora', '?days=0')).toEqual({ status: 400, body: { error: 'days must be a whole number from 1 to 92' } });
    expect((await get('cora', '?days=abc')).status).toBe(400);
  });

  it('course progress: learners mark modules done through their outboxes; the facilitator sees the aggregate, a small group suppressed', async () => {
    await admin(relay, 'space-create', { id: 'methods', name: 'Methods', kind: 'course', facilitators: ['fran'] });
    const fran = await clients.open('fran', 'outbox/fran');
    writeAcknowledgement(fran.doc, { policyVersion: 3 });
    const m1 = writePost(fran.doc, { space: 'methods', title: 'Module 1: Sampling', body: 'Read chapter 1.' }, { now: Date.now() - 60_000 });
    const m2 = writePost(fran.doc, { space: 'methods', title: 'Module 2: Weighting', body: 'Read chapter 2.' });
    const discussion = writePost(outs.get('ada')!.doc, { space: 'methods', kind: 'question', title: 'Is chapter 1 online?', body: 'Where?' });
    const space = await clients.open('fran', bucketNow('methods'));
    await waitFor(() => readSpace(space.doc).posts.length === 3, 10_000, 'modules published');
    const marks = new Map<string, string>();
    for (const w of WRITERS) marks.set(w, writeModuleDone(outs.get(w)!.doc, { space: 'methods', post: m1 }));
    for (const w of WRITERS.slice(0, 2)) writeModuleDone(outs.get(w)!.doc, { space: 'methods', post: m2 });
    // Attacker side: a learner's own question is no module; marking it is refused and counts nowhere.
    const forged = writeModuleDone(outs.get('ben')!.doc, { space: 'methods', post: discussion });
    const benInbox = await clients.open('ben', 'inbox/ben');
    await waitFor(() => readInbox(benInbox.doc).statuses[forged]?.state === 'rejected', 10_000, 'forged mark refused');
    expect(readInbox(benInbox.doc).statuses[forged]!.findings[0]!.rule).toBe('validation.not-a-module');
    await waitFor(async () => (await report('fran', '?space=methods')).courses[0]?.modules[0]?.done === 6, 10_000, 'progress recorded');
    const course = (await report('fran', '?space=methods')).courses[0]!;
    expect(course).toMatchObject({ space: 'methods', learners: 6, averageProgress: 0.667 });
    expect(course.modules).toEqual([
      { post: m1, title: 'Module 1: Sampling', done: 6, questions: 0 },
      { post: m2, title: 'Module 2: Weighting', done: null, questions: 0 },
    ]);
    // Taking a mark back moves the aggregate back.
    retractEntry(outs.get('finn')!.doc, marks.get('finn')!);
    await waitFor(async () => (await report('fran', '?space=methods')).courses[0]?.modules[0]?.done === 5, 10_000, 'mark taken back');
    // A member of the course is refused its figures.
    expect((await get('ada', '?space=methods')).status).toBe(403);
  });

  it('attacker side: asking in a loop is refused with 429 once the allowance is spent (fred\'s own, nobody else\'s)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await get('fred', '?space=beta')).status);
    expect(statuses.slice(0, 9)).toEqual(Array(9).fill(200));
    expect(statuses).toContain(429);
    expect((await get('cora')).status).toBe(200);
  });
});
