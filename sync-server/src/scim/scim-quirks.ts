// What Entra ID and Okta actually send, made into the PATCH that RFC 7644 describes before SCIMMY
// applies it. Known quirks (both providers document or are widely reported to send these):
// - Entra sends booleans as strings ("active": "False") and capitalised ops ("Replace").
// - Entra removes group members with `path: "members"` and the members in `value`; by the RFC a
//   remove on "members" without a filter removes every member, so each value becomes its own
//   `members[value eq "…"]` remove.
// - Entra sets the enterprise manager with a bare id string; the schema wants `{ value }`.
// - Okta deactivates with a path-less replace `{ value: { active: false } }` (already RFC-valid).
import { ENTERPRISE } from './scim-user-mapping.js';

interface Operation {
  op?: unknown;
  path?: unknown;
  value?: unknown;
}

const bool = (v: unknown): unknown => (typeof v === 'string' && /^(true|false)$/i.test(v) ? v.toLowerCase() === 'true' : v);

function fixValue(path: string | undefined, value: unknown): unknown {
  const p = path?.toLowerCase();
  if (p === 'active') return bool(value);
  if (p === `${ENTERPRISE}:manager`.toLowerCase() && typeof value === 'string') return { value };
  if (path === undefined && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const key of Object.keys(out)) if (key.toLowerCase() === 'active') out[key] = bool(out[key]);
    return out;
  }
  return value;
}

export function normalizePatch(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || !Array.isArray((body as { Operations?: unknown }).Operations)) return body;
  const operations: Operation[] = [];
  for (const raw of (body as { Operations: unknown[] }).Operations) {
    if (raw === null || typeof raw !== 'object') {
      operations.push(raw as Operation);
      continue;
    }
    const o = raw as Operation;
    const op = typeof o.op === 'string' ? o.op.toLowerCase() : o.op;
    const path = typeof o.path === 'string' && o.path !== '' ? o.path : undefined;
    if (op === 'remove' && path?.toLowerCase() === 'members' && Array.isArray(o.value)) {
      for (const m of o.value as Array<{ value?: unknown }>) {
        if (typeof m?.value === 'string') operations.push({ op: 'remove', path: `members[value eq "${m.value.replace(/["\\]/g, '')}"]` });
      }
      continue;
    }
    operations.push({ ...o, op, ...(path === undefined ? {} : { path }), ...('value' in o ? { value: fixValue(path, o.value) } : {}) });
    if (path === undefined) delete operations[operations.length - 1]!.path;
  }
  return { ...(body as object), Operations: operations };
}
