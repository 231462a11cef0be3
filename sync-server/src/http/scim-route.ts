// /scim/v2/…: SCIM 2.0 provisioning from the company's identity provider (scim/scim-service.ts).
// Behind a bearer token the admin creates with `hearth-relay scim token` (only its hash is stored).
// Answers are `application/scim+json`; every error is a SCIM Error message with its status.
import type { IncomingMessage, ServerResponse } from 'node:http';
import SCIMMY from 'scimmy';
import type { Logger } from '../log.js';
import { normalizePatch } from '../scim/scim-quirks.js';
import { declareScim, type ScimContext } from '../scim/scim-service.js';
import { BadRequest, bearerToken, readJsonBody } from './respond.js';
import type { RouteHandler } from './respond.js';

const MAX_SCIM_BODY = 1024 * 1024;
const BASE = '/scim/v2';

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined) {
    res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/scim+json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, detail: string, scimType?: string): void {
  send(res, status, { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(status), detail, ...(scimType === undefined ? {} : { scimType }) });
}

const RESOURCES = { Users: SCIMMY.Resources.User, Groups: SCIMMY.Resources.Group } as const;

export function scimRoute(ctx: ScimContext, logger: Logger): RouteHandler {
  declareScim();
  return async (req, res, url) => {
    if (url.pathname !== BASE && !url.pathname.startsWith(`${BASE}/`)) return false;
    if (!(await ctx.state.tokenMatches(bearerToken(req)))) {
      sendError(res, 401, 'A valid SCIM bearer token is required.');
      return true;
    }
    try {
      await answer(req, res, url, ctx);
    } catch (err) {
      if (err instanceof SCIMMY.Types.Error) {
        const e = err as unknown as { status: number; scimType?: string; message: string };
        sendError(res, e.status, e.message, e.scimType ?? undefined);
      } else if (err instanceof BadRequest) sendError(res, err.status, err.message, 'invalidSyntax');
      else {
        logger.error({ err, url: req.url }, 'scim request failed');
        sendError(res, 500, 'internal error');
      }
    }
    return true;
  };
}

async function answer(req: IncomingMessage, res: ServerResponse, url: URL, ctx: ScimContext): Promise<void> {
  const [kind, id, ...rest] = url.pathname.slice(BASE.length + 1).split('/').map(decodeURIComponent);
  if (rest.length > 0 || kind === undefined) return sendError(res, 404, 'not found');
  const method = req.method ?? 'GET';
  const q = url.searchParams;
  const listParams = {
    ...(q.has('filter') ? { filter: q.get('filter')! } : {}),
    ...(q.has('attributes') ? { attributes: q.get('attributes')! } : {}),
    ...(q.has('excludedAttributes') ? { excludedAttributes: q.get('excludedAttributes')! } : {}),
    ...(q.has('startIndex') ? { startIndex: Number(q.get('startIndex')) } : {}),
    ...(q.has('count') ? { count: Number(q.get('count')) } : {}),
  };
  if (kind === 'ServiceProviderConfig' || kind === 'ResourceTypes' || kind === 'Schemas') {
    if (method !== 'GET') return sendError(res, 405, 'read-only');
    const Resource = kind === 'ServiceProviderConfig' ? SCIMMY.Resources.ServiceProviderConfig : kind === 'ResourceTypes' ? SCIMMY.Resources.ResourceType : SCIMMY.Resources.Schema;
    return send(res, 200, await new Resource(id, listParams).read());
  }
  if (kind !== 'Users' && kind !== 'Groups') return sendError(res, 404, `no resource type ${kind}`);
  const Resource = RESOURCES[kind];
  const location = (r: { id?: string }) => `${BASE}/${kind}/${encodeURIComponent(r.id ?? '')}`;
  if (method === 'GET') return send(res, 200, await new Resource(id, listParams).read(ctx));
  // Changes run one at a time, the read that a PATCH starts with included (scim-service.ts).
  const body = method === 'DELETE' ? undefined : await readJsonBody(req, MAX_SCIM_BODY);
  await ctx.queue.run(async () => {
    switch (method) {
      case 'POST': {
        if (id !== undefined) return sendError(res, 405, 'POST creates; use PUT or PATCH on a resource');
        const created = (await new Resource().write(body, ctx)) as { id?: string };
        return send(res, 201, created, { Location: location(created) });
      }
      case 'PUT':
        if (id === undefined) return sendError(res, 404, 'PUT needs a resource id');
        return send(res, 200, await new Resource(id).write(body, ctx));
      case 'PATCH': {
        if (id === undefined) return sendError(res, 404, 'PATCH needs a resource id');
        const patched = await new Resource(id).patch(normalizePatch(body) as never, ctx);
        return patched === undefined ? send(res, 204, undefined) : send(res, 200, patched);
      }
      case 'DELETE':
        if (id === undefined) return sendError(res, 404, 'DELETE needs a resource id');
        await new Resource(id).dispose(ctx);
        return send(res, 204, undefined);
      default:
        return sendError(res, 405, `method ${method} not allowed`);
    }
  });
}
