// Tokens: the relay mints them (demo mode) or the company's sign-in does; the app only needs to
// know when one expires so it can refresh it before the relay closes the connection with 4401.
import { httpBase } from './relay-url.js';

export interface DemoPerson {
  id: string;
  name: string;
  title: string;
}

/** Reads `exp` from a JWT payload without verifying it (the relay verifies; we only schedule). */
export function tokenExpiry(token: string): number | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const payload = JSON.parse(json) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : null;
  } catch {
    return null;
  }
}

export class DemoUnavailableError extends Error {
  override name = 'DemoUnavailableError';
}

/** The people a demo relay lets you sign in as. Absent on a production relay (404 → error). */
export async function fetchDemoPeople(relayUrl: string, signal?: AbortSignal): Promise<DemoPerson[]> {
  const res = await fetch(`${httpBase(relayUrl)}/api/demo/people`, signal ? { signal } : {});
  if (!res.ok) throw new DemoUnavailableError(`demo people: HTTP ${res.status}`);
  const body = (await res.json()) as unknown;
  const list = Array.isArray(body) ? body : isObject(body) && Array.isArray(body.people) ? body.people : [];
  return list.filter(isObject).map(toDemoPerson).filter((p): p is DemoPerson => p !== null);
}

function toDemoPerson(raw: Record<string, unknown>): DemoPerson | null {
  const id = typeof raw.id === 'string' ? raw.id : typeof raw.personId === 'string' ? raw.personId : null;
  if (!id) return null;
  const given = typeof raw.preferredGivenName === 'string' && raw.preferredGivenName ? raw.preferredGivenName : raw.givenName;
  const name =
    typeof raw.displayName === 'string' ? raw.displayName
    : typeof raw.name === 'string' ? raw.name
    : typeof given === 'string' && typeof raw.familyName === 'string' ? `${given} ${raw.familyName}`
    : id;
  return { id, name, title: typeof raw.title === 'string' ? raw.title : '' };
}

export async function mintDemoToken(relayUrl: string, person: string): Promise<string> {
  const res = await fetch(`${httpBase(relayUrl)}/api/demo/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ person }),
  });
  if (!res.ok) throw new DemoUnavailableError(`demo token: HTTP ${res.status}`);
  const body = (await res.json()) as { token?: unknown };
  if (typeof body.token !== 'string') throw new DemoUnavailableError('demo token: no token in the answer');
  return body.token;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}
