// POST/HEAD/PATCH/DELETE /api/uploads/…: resumable uploads (the tus 1.0 protocol, `@tus/server`)
// of attachment files, behind the relay's token. Why tus: a 100 MB video over a flaky connection
// resumes where it stopped instead of starting again, and the stock `tus-js-client` speaks it.
// The bytes go to a staging directory; only a complete, verified file becomes a blob (upload-check.ts),
// and a refused or abandoned upload leaves nothing behind.
//
// Metadata (Upload-Metadata, tus's base64 pairs): `sha256` (the hash the entry references), `name`,
// `type` (the declared MIME type), `target` (`space/<id>` or `dm/<id>`: where the item goes).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BLOB_HASH_PATTERN, parseRoomName, readPolicy, safeFileName } from '@hearth/core';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import type { TokenVerifier } from '../auth/token-verifier.js';
import type { Logger } from '../log.js';
import type { DocHost } from '../rooms/doc-host.js';
import { bearerToken, sendJson } from '../http/respond.js';
import type { RouteHandler } from '../http/respond.js';
import { mayAttach } from './blob-access.js';
import type { BlobRecords } from './blob-records.js';
import type { BlobStore } from './blob-store.js';
import { checkDeclared, policyRefusal, quotaRefusal, sha256OfFile, sniffType, type Refusal } from './upload-check.js';
import { DESKTOP_APP_ORIGIN } from '../http/demo-routes.js';

export const UPLOAD_PATH = '/api/uploads';
/**
 * The authenticated person of each request, recorded by this route after it verified the token.
 * tus's hooks see a web Request that wraps the Node request (srvx's `runtime.node.req`), so they
 * find the person by the Node request; nothing a client sends can set it.
 */
const verifiedPerson = new WeakMap<IncomingMessage, string>();

type TusRequest = Parameters<NonNullable<ConstructorParameters<typeof Server>[0]['onUploadCreate']>>[0];
type TusUpload = Parameters<NonNullable<ConstructorParameters<typeof Server>[0]['onUploadCreate']>>[1];

export interface UploadRouteOptions {
  host: DocHost;
  verifier: TokenVerifier;
  store: BlobStore;
  records: BlobRecords;
  /** Staging directory for uploads in progress (in the data directory: same file system as the blobs). */
  stagingDir: string;
  /** The relay's own limit on one file, whatever the policy allows. */
  maxBytes: number;
  /** The most bytes of new files one person may add in a rolling day (upload-check.ts quotaRefusal). */
  maxBytesPerDay: number;
  /** Unfinished uploads are deleted this long after they began. */
  expireAfterMs: number;
  logger: Logger;
  now: () => number;
  /** Called once a blob is stored: entries of `person` that waited for it can be published. */
  onStored: (person: string, hash: string) => void;
  /** Called once an upload is refused for good (type, size): entries of `person` that waited for it are rejected. */
  onRefused: (person: string, hash: string) => void;
}

/** tus error: the status and a plain sentence (tus-js-client shows the body in its error). */
const refuse = (r: Refusal) => ({ status_code: r.status, body: `${r.message}\n` });

const DAY_MS = 24 * 3_600_000;

/**
 * @tus/file-store's FileStore without its constructor's directory check. Why: that check is an
 * fs.mkdir it does not wait for, which throws from its callback — an uncaught exception that ends the
 * relay — when it fails, as it did when a relay's data directory was removed right after it started
 * (found in CI). The relay creates the directory itself, synchronously, before the store exists.
 */
class StagingStore extends FileStore {}
(StagingStore.prototype as unknown as { checkOrCreateDirectory: () => void }).checkOrCreateDirectory = () => undefined;

export function uploadRoute(o: UploadRouteOptions): { route: RouteHandler; cleanUpExpired: () => Promise<number> } {
  mkdirSync(o.stagingDir, { recursive: true });
  const datastore = new StagingStore({ directory: o.stagingDir, expirationPeriodInMilliseconds: o.expireAfterMs });
  const personOf = (req: TusRequest) => {
    const node = (req as { runtime?: { node?: { req?: IncomingMessage } } }).runtime?.node?.req;
    return (node === undefined ? undefined : verifiedPerson.get(node)) ?? '';
  };
  const stagingPath = (id: string) => join(o.stagingDir, id);
  const discard = async (id: string) => {
    await rm(stagingPath(id), { force: true });
    await rm(`${stagingPath(id)}.json`, { force: true });
  };

  /** The quota's refusal of `bytes` more from `person`, or null; a file the relay holds already is free (no disk). */
  const overQuota = async (person: string, hash: string, bytes: number): Promise<Refusal | null> => {
    if ((await o.records.facts([hash])).has(hash)) return null;
    return quotaRefusal(await o.records.bytesStoredBy(person, o.now() - DAY_MS), bytes, o.maxBytesPerDay);
  };

  /**
   * Remembers a refusal no retry can change (the file's type or size), so that the author's entry that
   * references the file ends rejected with this reason instead of pending forever. A wrong hash (a
   * damaged transfer: sending again helps) and the day quota (later helps) are not remembered.
   */
  const refusedForGood = async (person: string, hash: string, r: Refusal) => {
    await o.records.refused(hash, person, r.message, o.now());
    o.onRefused(person, hash);
  };

  const tus = new Server({
    path: UPLOAD_PATH,
    datastore,
    // No maxSize here: onUploadCreate refuses an over-long upload with the relay's own sentence
    // (tus would say only "Maximum size exceeded"), and tus itself never accepts bytes past Upload-Length.
    relativeLocation: true,
    allowedOrigins: [DESKTOP_APP_ORIGIN],
    allowedHeaders: ['authorization'],
    // An upload's id names its person, so nobody else can resume, read or end it.
    namingFunction: (req) => `${personOf(req)}~${randomBytes(16).toString('hex')}`,
    onIncomingRequest: (req, id) => {
      const person = personOf(req);
      if (person === '' || id.slice(0, id.lastIndexOf('~')) !== person) return Promise.reject({ status_code: 404, body: 'no such upload\n' });
      return Promise.resolve();
    },
    onUploadCreate: async (req, upload: TusUpload) => {
      const person = personOf(req);
      const meta = upload.metadata ?? {};
      const hash = meta.sha256 ?? '';
      const target = meta.target ?? '';
      const declared = { name: safeFileName(meta.name ?? ''), mimeType: (meta.type ?? '') || 'application/octet-stream', bytes: upload.size ?? -1 };
      if (!BLOB_HASH_PATTERN.test(hash)) throw { status_code: 400, body: 'sha256 metadata is required (64 lower-case hex digits)\n' };
      if (upload.size === undefined) throw { status_code: 400, body: 'the length of the file is required (Upload-Length)\n' };
      if (!(await mayAttach(o.host, person, target))) throw { status_code: 403, body: 'you cannot attach files there\n' };
      const space = parseRoomName(target)?.kind === 'space' ? target.slice('space/'.length) : null;
      const refusal = checkDeclared(declared, o.maxBytes, readPolicy(await o.host.open('policy')), space);
      if (refusal !== null) {
        await refusedForGood(person, hash, refusal);
        throw refuse(refusal);
      }
      // Refused on the declared length, before a byte is sent (tus never accepts more than Upload-Length).
      const quota = await overQuota(person, hash, upload.size);
      if (quota !== null) throw refuse(quota);
      // Only these fields are kept: what the relay checks again when the file is complete.
      return { metadata: { sha256: hash, name: declared.name, type: declared.mimeType, target, person } };
    },
    onUploadFinish: async (req, upload: TusUpload) => {
      const person = personOf(req);
      const meta = upload.metadata ?? {};
      const path = stagingPath(upload.id);
      try {
        const hash = meta.sha256 ?? '';
        if ((await sha256OfFile(path)) !== hash) throw { status: 422, message: 'The file received does not match its SHA-256; send it again.' } satisfies Refusal;
        const sniffed = await sniffType(path, meta.type ?? '');
        if (!sniffed.ok) {
          await refusedForGood(person, hash, sniffed);
          throw sniffed;
        }
        const target = meta.target ?? '';
        const space = parseRoomName(target)?.kind === 'space' ? target.slice('space/'.length) : null;
        const facts = { hash, bytes: upload.size ?? upload.offset, mimeType: sniffed.mimeType };
        const refusal = policyRefusal(readPolicy(await o.host.open('policy')), { name: meta.name ?? 'file', mimeType: facts.mimeType, bytes: facts.bytes }, space);
        if (refusal !== null) {
          await refusedForGood(person, hash, refusal);
          throw refusal;
        }
        // Again on completion: several uploads begun together each passed at creation.
        const quota = await overQuota(person, hash, facts.bytes);
        if (quota !== null) throw quota;
        const outcome = await o.store.putFile(`blobs/${hash}`, path);
        await o.records.stored(facts, person, o.now());
        await rm(`${path}.json`, { force: true });
        o.logger.info({ person, hash, bytes: facts.bytes, mimeType: facts.mimeType, outcome }, 'attachment stored');
        o.onStored(person, hash);
        return { status_code: 204 };
      } catch (err) {
        await discard(upload.id);
        if (typeof err === 'object' && err !== null && 'status' in err && 'message' in err) {
          o.logger.info({ person, hash: meta.sha256, reason: (err as Refusal).message }, 'attachment refused');
          throw refuse(err as Refusal);
        }
        throw err;
      }
    },
  });

  const route: RouteHandler = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (url.pathname !== UPLOAD_PATH && !url.pathname.startsWith(`${UPLOAD_PATH}/`)) return false;
    if (req.method === 'OPTIONS') {
      await tus.handle(req, res);
      return true;
    }
    // GET would download an upload in progress: the relay serves only complete blobs (blob-route.ts).
    if (req.method === 'GET') {
      sendJson(res, 405, { error: 'use /api/blobs/<sha256> to read a file' });
      return true;
    }
    const checked = await o.verifier.verify(bearerToken(req));
    if (!checked.ok) {
      res.setHeader('Tus-Resumable', '1.0.0');
      sendJson(res, checked.code === 4403 ? 403 : checked.code === 1013 ? 503 : 401, { error: checked.reason });
      return true;
    }
    verifiedPerson.set(req, checked.token.personId);
    await tus.handle(req, res);
    return true;
  };
  return { route, cleanUpExpired: () => tus.cleanUpExpiredUploads() };
}
