// Directory imports never lose people: a refused row keeps the person's record as it was, people
// missing from the file are marked as having left (never deleted), and a run with any refusal is
// a failure for the administrator — tried through the running relay's admin endpoint, as the CLI
// does it.
import { readDirectory } from '@hearth/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person, startTestRelay, type TestRelay } from './helpers.js';

let relay: TestRelay;
beforeAll(async () => {
  relay = await startTestRelay({}, ['alice', 'bob']);
});
afterAll(() => relay.cleanup());

async function importFile(records: unknown[]): Promise<{ status: number; body: { ok: boolean; error?: string; result?: unknown; details?: unknown } }> {
  const token = await relay.mintAdminToken();
  const res = await fetch(`http://127.0.0.1:${relay.port}/admin/directory-import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ records }),
  });
  return { status: res.status, body: (await res.json()) as never };
}

const directory = async () => readDirectory(await relay.host.open('directory'));

describe('directory import', () => {
  it('a re-import with a person’s row malformed keeps that person as they were and reports the failure', async () => {
    const erin = person('erin', { title: 'Analyst' });
    expect((await importFile([person('alice'), person('bob'), erin])).body.ok).toBe(true);
    const answer = await importFile([person('alice'), person('bob'), { ...erin, title: 'Lead analyst', givenName: 'xXerinXx', familyName: '' }]);
    expect(answer.body.ok).toBe(false);
    expect(answer.body.error).toMatch(/1 of 3 records were refused/);
    expect(answer.body.details).toMatchObject({ kept: ['erin'], refused: [{ id: 'erin', reason: expect.any(String) }] });
    expect((await directory()).find((p) => p.id === 'erin')).toEqual(erin);
  });

  it('people missing from the file are marked as having left, not deleted', async () => {
    const answer = await importFile([person('alice'), person('erin', { title: 'Analyst' })]);
    expect(answer.body).toMatchObject({ ok: true, result: { departed: ['bob'] } });
    expect((await directory()).find((p) => p.id === 'bob')?.status).toBe('left');
  });

  it('an unreadable row marks nobody as left: it may have been anyone', async () => {
    await importFile([person('alice'), person('bob'), person('erin', { title: 'Analyst' })]);
    const answer = await importFile([person('alice'), { nonsense: true }]);
    expect(answer.body).toMatchObject({ ok: false, details: { departed: [], departuresSkipped: 'refused-row-without-id' } });
    expect((await directory()).filter((p) => p.status === 'active').map((p) => p.id).sort()).toEqual(['alice', 'bob', 'erin']);
  });
});
