// SCIM 2.0 provisioning through a real relay, with the bodies Entra ID and Okta actually send:
// people are created, replaced, patched and deactivated (never deleted), refused records keep the
// old record and name their reason, groups change roles and memberships, and a wrong token is
// refused. A deactivated person connected on two devices is disconnected and cannot come back.
import { readDirectory, readSpace, roomName } from '@hearth/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawClient, runAdmin, startTestRelay, type TestRelay } from './helpers.js';

let relay: TestRelay;
let token: string;
beforeAll(async () => {
  relay = await startTestRelay({}, ['alice', 'bob']);
  token = ((await runAdmin(relay, 'scim-token', {})) as { token: string }).token;
  await runAdmin(relay, 'space-create', { id: 'media-wing', name: 'Media wing', visibility: 'private', facilitators: ['alice'] });
});
afterAll(() => relay.cleanup());

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

async function scim(method: string, path: string, body?: unknown, bearer = token): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${relay.port}/scim/v2${path}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/scim+json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

const person = async (id: string) => readDirectory(await relay.host.open('directory')).find((p) => p.id === id);

// An Entra ID create, as its provisioning service sends it.
const entraUser = {
  schemas: [USER, ENTERPRISE],
  externalId: 'f3a1c2d4-0000-4000-8000-000000000001',
  userName: 'Ana.Lima@poll.example',
  active: true,
  displayName: 'Ana Lima',
  title: 'Analyst',
  emails: [{ primary: true, type: 'work', value: 'ana.lima@poll.example' }],
  name: { formatted: 'Ana Lima', familyName: 'Lima', givenName: 'Ana' },
  addresses: [{ type: 'work', locality: 'Lisbon', country: 'PT', primary: false }],
  [ENTERPRISE]: { department: 'Research' },
};

describe('SCIM 2.0 provisioning', () => {
  it('refuses a wrong or missing bearer token', async () => {
    expect((await scim('GET', '/Users', undefined, 'not-the-token')).status).toBe(401);
    const res = await fetch(`http://127.0.0.1:${relay.port}/scim/v2/Users`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { schemas: string[] }).schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
  });

  it('describes itself: ServiceProviderConfig, ResourceTypes, Schemas', async () => {
    const config = await scim('GET', '/ServiceProviderConfig');
    expect(config.status).toBe(200);
    expect(config.json).toMatchObject({ patch: { supported: true }, filter: { supported: true } });
    const types = await scim('GET', '/ResourceTypes');
    expect(JSON.stringify(types.json)).toContain('/Users');
    expect(JSON.stringify((await scim('GET', '/Schemas')).json)).toContain(ENTERPRISE);
  });

  it('creates a person from an Entra ID body and finds them by userName and externalId', async () => {
    const created = await scim('POST', '/Users', entraUser);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: 'ana.lima', userName: 'ana.lima@poll.example', active: true });
    expect(await person('ana.lima')).toMatchObject({ givenName: 'Ana', familyName: 'Lima', department: 'Research', location: 'Lisbon', country: 'PT', status: 'active' });
    const byName = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "ana.lima@poll.example"')}`);
    expect(byName.json).toMatchObject({ totalResults: 1, Resources: [{ id: 'ana.lima' }] });
    const byExternal = await scim('GET', `/Users?filter=${encodeURIComponent(`externalId eq "${entraUser.externalId}"`)}`);
    expect(byExternal.json).toMatchObject({ totalResults: 1, Resources: [{ id: 'ana.lima' }] });
    const none = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "nobody@poll.example"')}`);
    expect(none.json).toMatchObject({ totalResults: 0 });
    expect((await scim('POST', '/Users', entraUser)).status).toBe(409);
  });

  it('replaces a person with PUT', async () => {
    const replaced = await scim('PUT', '/Users/ana.lima', { ...entraUser, title: 'Senior analyst' });
    expect(replaced.status).toBe(200);
    expect((await person('ana.lima'))?.title).toBe('Senior analyst');
  });

  it('refuses a pseudonymous or role-account record with its reason and keeps the old record', async () => {
    const before = await person('ana.lima');
    const pseudonym = await scim('PUT', '/Users/ana.lima', { ...entraUser, name: { givenName: 'xXanaXx', familyName: '' } });
    expect(pseudonym.status).toBe(400);
    expect(pseudonym.json).toMatchObject({ scimType: 'invalidValue' });
    expect(String(pseudonym.json.detail)).toMatch(/Refused \(/);
    const patched = await scim('PATCH', '/Users/ana.lima', { schemas: [PATCH], Operations: [{ op: 'Replace', path: 'name.givenName', value: 'd4rkl0rd' }] });
    expect(patched.status).toBe(400);
    expect(await person('ana.lima')).toEqual(before);
    const role = await scim('POST', '/Users', { schemas: [USER], userName: 'support@poll.example', name: { givenName: 'IT', familyName: 'Support' }, emails: [{ value: 'support@poll.example', primary: true }] });
    expect(role.status).toBe(400);
    expect(String(role.json.detail)).toMatch(/role-account/);
    expect(await person('support')).toBeUndefined();
  });

  it('applies Entra-style PATCH bodies (capitalised ops, string booleans, bare manager id)', async () => {
    const res = await scim('PATCH', '/Users/ana.lima', {
      schemas: [PATCH],
      Operations: [
        { op: 'Replace', path: 'name.familyName', value: 'Lima Costa' },
        { op: 'Add', path: `${ENTERPRISE}:manager`, value: 'alice' },
        { op: 'Replace', path: 'active', value: 'True' },
      ],
    });
    expect(res.status).toBe(200);
    expect(await person('ana.lima')).toMatchObject({ familyName: 'Lima Costa', manager: 'alice', status: 'active' });
  });

  it('groups grant roles and space memberships, and Entra-style member removal takes them back', async () => {
    const mods = await scim('POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'hearth-role-moderator', members: [{ value: 'ana.lima' }, { value: 'bob' }] });
    expect(mods.status).toBe(201);
    expect((await person('ana.lima'))?.roles).toEqual(expect.arrayContaining(['moderator']));
    const wing = await scim('POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'hearth-space-media-wing', members: [{ value: 'ana.lima' }] });
    expect(wing.status).toBe(201);
    expect(readSpace(await relay.host.open(roomName({ kind: 'space', space: 'media-wing' }))).members).toContain('ana.lima');
    const removed = await scim('PATCH', `/Groups/${String(mods.json.id)}`, { schemas: [PATCH], Operations: [{ op: 'Remove', path: 'members', value: [{ value: 'ana.lima' }] }] });
    expect(removed.status).toBeLessThan(300);
    expect((await person('ana.lima'))?.roles).not.toContain('moderator');
    expect((await person('bob'))?.roles).toContain('moderator');
    // Okta adds members with a lower-case add on "members".
    await scim('PATCH', `/Groups/${String(mods.json.id)}`, { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value: 'alice', display: 'Alice' }] }] });
    expect((await person('alice'))?.roles).toContain('moderator');
    expect((await person('bob'))?.roles).toContain('moderator');
    expect((await person('ana.lima'))?.roles).not.toContain('moderator');
    expect((await scim('POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'x', members: [{ value: 'ghost' }] })).status).toBe(400);
  });

  it('deactivation (Okta-style PATCH) signs the person out on every device, refuses new connections, keeps them in the directory', async () => {
    const t = await relay.mintToken('ana.lima');
    const laptop = rawClient(relay.url, 'directory', t);
    const phone = rawClient(relay.url, roomName({ kind: 'inbox', person: 'ana.lima' }), t);
    await Promise.all([laptop.opened, phone.opened]);
    await new Promise((r) => setTimeout(r, 100));
    const res = await scim('PATCH', '/Users/ana.lima', { schemas: [PATCH], Operations: [{ op: 'replace', value: { active: false } }] });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ active: false });
    const closes = await Promise.all([laptop.closed, phone.closed]);
    expect(closes.map((c) => c.code)).toEqual([4403, 4403]);
    const again = rawClient(relay.url, 'directory', t);
    expect((await again.closed).code).toBe(4403);
    expect(await person('ana.lima')).toMatchObject({ status: 'left', givenName: 'Ana' });
    // DELETE never deletes either.
    expect((await scim('DELETE', '/Users/bob')).status).toBe(204);
    expect((await person('bob'))?.status).toBe('left');
  });
});
