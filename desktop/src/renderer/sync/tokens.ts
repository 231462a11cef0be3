// Tokens: the relay mints them (demo mode) or the company's sign-in does; the app only needs to
// know when one expires so it can refresh it before the relay closes the connection with 4401.
import { parseDirectoryRecord } from '@hearth/core';
import type { DirectoryRecord } from '@hearth/core';
import { httpBase } from './relay-url.js';

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

/**
 * The people a demo relay lets you sign in as: directory records, checked with core's schema so
 * nothing malformed reaches the screen. Absent on a production relay (404 → error).
 */
export async function fetchDemoPeople(relayUrl: string, signal?: AbortSignal): Promise<DirectoryRecord[]> {
  const res = await fetch(`${httpBase(relayUrl)}/api/demo/people`, signal ? { signal } : {});
  if (!res.ok) throw new DemoUnavailableError(`demo people: HTTP ${res.status}`);
  const body = (await res.json()) as unknown;
  const list: unknown[] = Array.isArray(body) ? body : isObject(body) && Array.isArray(body.people) ? body.people : [];
  return list.flatMap((raw) => {
    const parsed = parseDirectoryRecord(raw);
    return parsed.ok ? [parsed.record] : [];
  });
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
