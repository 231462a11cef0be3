// startRelay: configuration, wiring, listen — the relay in one call, for the CLI and for tests.
import '../admin/index.js';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { BlobRecords } from '../attachments/blob-records.js';
import { blobRoute } from '../attachments/blob-route.js';
import { FsBlobStore, type BlobStore } from '../attachments/blob-store.js';
import { uploadRoute } from '../attachments/upload-route.js';
import type { AddressInfo } from 'node:net';
import { loadSigningKey } from '../auth/signing-key.js';
import { OidcVerifier, type OidcOptions } from '../auth/oidc-verifier.js';
import { revocationsFor } from '../auth/token-revocations.js';
import { tokenVerifier } from '../auth/token-verifier.js';
import { DEFAULT_MAX_TOKEN_TTL, mintToken } from '../auth/tokens.js';
import type { Duplex } from 'node:stream';
import { ConnectionCensus } from '../connection/connection-census.js';
import { resolveLimits } from '../connection/limits.js';
import type { LimitOverrides } from '../connection/limits.js';
import { adminRoute } from '../http/admin-route.js';
import { configRoute } from '../http/config-route.js';
import { demoRoutes } from '../http/demo-routes.js';
import { healthRoutes } from '../http/health-routes.js';
import { metricsRoute, startMetricsServer } from '../http/metrics-route.js';
import type { MetricsAccess } from '../http/metrics-route.js';
import type { RouteHandler } from '../http/respond.js';
import { router } from '../http/router.js';
import { scimRoute } from '../http/scim-route.js';
import { sessionRoute } from '../http/session-route.js';
import { figuresRoute } from '../figures/figures-route.js';
import { searchRoute } from '../search/search-route.js';
import { SearchIndexer } from '../search/search-indexer.js';
import { FiguresService } from '../figures/figures-service.js';
import { staticFiles } from '../http/static-files.js';
import { createLogger } from '../log.js';
import { metrics } from '../metrics.js';
import type { Logger } from '../log.js';
import { startRelayLogic } from '../logic.js';
import { CaseEndpoint } from '../moderation/case-endpoint.js';
import type { ModerationService } from '../moderation/moderation-service.js';
import { CloseCode } from '../protocol/close-codes.js';
import type { DocHost } from '../rooms/doc-host.js';
import type { PersonLimits } from '../rooms/person-limits.js';
import { RelayDocHost } from '../rooms/relay-doc-host.js';
import { SerialQueue } from '../rooms/serial-queue.js';
import { scimState } from '../scim/scim-admin.js';
import { openStorage, storageConfig } from '../storage/open-storage.js';
import type { Storage } from '../storage/storage.js';
import { Leases } from '../storage/leases.js';
import { startRedisFanout } from '../fanout/redis-fanout.js';
import { lockDataDir } from './data-dir-lock.js';
import { WsGateway } from './ws-gateway.js';

export interface RelayOptions {
  /** Keys (signing, audit), the lock file and, without `postgres`, the SQLite database. */
  dataDir: string;
  /**
   * A PostgreSQL URL: the relay's tables live there instead of in the data directory, and several
   * relay processes may share them (work one process at a time must do is then leased).
   */
  postgres?: string;
  /** A Redis URL: updates and awareness reach the rooms other relay processes hold (scale-out). */
  redis?: string;
  /** Redis channel prefix (several companies or tests on one Redis). Default 'hearth:'. */
  redisPrefix?: string;
  /** A settled moderation case file unchanged this long is unloaded (default 10 minutes). */
  caseIdleMs?: number;
  /** How often case files other processes changed are looked for in the database (moderation-service.ts). */
  caseSyncMs?: number;
  /** How long a lease outlives its holder (a killed process's work is taken over after it). Default 10 s. */
  leaseTtlMs?: number;
  /** 0 picks a free port. Default 1234. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  demo?: boolean;
  /** Directory of the built web client to serve. */
  web?: string;
  limits?: LimitOverrides;
  /** What one person's messages may cost (docs/operations.md, "Per-person limits"). */
  personLimits?: Partial<PersonLimits>;
  /** Merge a room's update log past this many updates. Default 500. */
  compactAfter?: number;
  /** Unload rooms idle this long. Default 60 s. */
  idleUnloadMs?: number;
  logger?: Logger;
  /** Longest lifetime of a relay token, in seconds (refused above it when minted and when presented). Default 30 days. */
  maxTokenTtl?: number;
  /** Where GET /metrics is served: behind a bearer token on the main port, on its own address, or not at all (default). */
  metrics?: MetricsAccess;
  /** How long a moderation decision waits before it is carried out (default 1500 ms). */
  moderationSettleMs?: number;
  /**
   * The company identity provider: its tokens are accepted beside the relay's own. `webClientId`
   * is the client the web client signs in with (told to it by GET /api/config).
   */
  oidc?: OidcOptions & { webClientId?: string };
  /** Attachments: the largest file the relay accepts, whatever the policy allows. Default 100 MiB. */
  maxAttachmentBytes?: number;
  /** Attachments: the most bytes of new files one person may upload in a rolling day. Default 2 GiB. */
  maxUploadBytesPerDay?: number;
  /** Where attachment blobs live. Default: files under `<dataDir>/blobs`. */
  blobStore?: BlobStore;
  /** An unreferenced blob is kept this long before the sweep deletes it. Default 7 days. */
  blobGraceMs?: number;
}

export const DEFAULT_MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;
export const DEFAULT_MAX_UPLOAD_BYTES_PER_DAY = 2 * 1024 * 1024 * 1024;

export interface RunningRelay {
  /** ws://host:port */
  url: string;
  port: number;
  /** The port of the separate metrics server (`metrics: { kind: 'address' }`), else null. */
  metricsPort: number | null;
  host: DocHost;
  storage: Storage;
  /** Moderation cases (`/automerge`): for tests and tools. */
  moderation: ModerationService;
  /** Deletes blobs no published item references (see attachments/blob-sweep.ts): for tests and tools. */
  sweepBlobs(): Promise<string[]>;
  mintToken(personId: string, ttl?: string | number): Promise<string>;
  mintAdminToken(ttl?: string | number): Promise<string>;
  /** Graceful stop: stop accepting, close every connection with 1012, drain, close storage. */
  stop(): Promise<void>;
}

export async function startRelay(options: RelayOptions): Promise<RunningRelay> {
  const logger = options.logger ?? createLogger();
  const bindHost = options.host ?? '127.0.0.1';
  const metricsHandler = metricsRoute(options.metrics ?? { kind: 'off' }); // refuses a weak token before anything starts
  const web = options.web === undefined ? null : staticFiles(options.web); // refuses a missing web client likewise
  const lock = lockDataDir(options.dataDir, 'hearth-relay serve');
  let storage: Storage;
  try {
    storage = await openStorage(storageConfig(options.dataDir, options.postgres), {
      compactAfter: options.compactAfter ?? 500,
      onCompactionError: (room, err) => logger.error({ err, room }, 'compaction failed; the log is kept as it was'),
      onConnectionError: (err) => logger.warn({ err }, 'a database connection failed; it is replaced'),
    });
  } catch (err) {
    lock.release();
    throw err;
  }
  const cleanups: Array<() => unknown> = [() => storage.close(), () => lock.release()];
  try {
    const key = loadSigningKey(options.dataDir);
    const fanout = options.redis === undefined ? undefined : await startRedisFanout({ url: options.redis, logger, ...(options.redisPrefix === undefined ? {} : { prefix: options.redisPrefix }) });
    if (fanout !== undefined) cleanups.push(() => fanout.close());
    const host = new RelayDocHost(storage.rooms, logger, {
      idleUnloadMs: options.idleUnloadMs ?? 60_000,
      ...(options.personLimits === undefined ? {} : { personLimits: options.personLimits }),
      ...(fanout === undefined ? {} : { fanout }),
    });
    const maxTokenTtl = options.maxTokenTtl ?? DEFAULT_MAX_TOKEN_TTL;
    const revocations = revocationsFor(storage.db);
    await revocations.load();
    cleanups.push(() => revocations.stop());
    const verifier = tokenVerifier({
      key,
      oidc: options.oidc === undefined ? null : new OidcVerifier(options.oidc),
      directory: () => host.open('directory'),
      maxTtl: maxTokenTtl,
      revocations,
    });
    const limits = resolveLimits(options.limits);
    const census = new ConnectionCensus(limits);
    const gateway = new WsGateway({ host, verifier, limits, census, logger });
    // A revocation (admin endpoint) ends the person's open sessions too, on both WebSocket paths.
    const offRevoke = revocations.onRevoke((person) => {
      for (const socket of census.socketsOf(person)) socket.close(CloseCode.unauthenticated, 'token revoked');
    });
    cleanups.push(offRevoke);
    const blobs = { store: options.blobStore ?? new FsBlobStore(join(options.dataDir, 'blobs')), records: new BlobRecords(storage.db) };
    const logic = await startRelayLogic(host, storage.db, {
      blobs: { ...blobs, ...(options.blobGraceMs === undefined ? {} : { graceMs: options.blobGraceMs }) },
      demo: options.demo === true,
      dataDir: options.dataDir,
      logger,
      compact: (room) => storage.rooms.compact(room),
      ...(options.moderationSettleMs === undefined ? {} : { moderationSettleMs: options.moderationSettleMs }),
      ...(options.caseIdleMs === undefined ? {} : { caseIdleMs: options.caseIdleMs }),
      ...(options.caseSyncMs === undefined ? {} : { caseSyncMs: options.caseSyncMs }),
      ...(fanout === undefined ? {} : { fanout }),
      // Only a shared database can have several relay processes (SQLite has the data-directory lock).
      ...(options.postgres === undefined ? {} : { leases: new Leases(storage.db, options.leaseTtlMs ?? 10_000) }),
    });
    let stopping = false;
    const uploads = uploadRoute({
      host,
      verifier,
      ...blobs,
      stagingDir: join(options.dataDir, 'uploads'),
      maxBytes: options.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES,
      maxBytesPerDay: options.maxUploadBytesPerDay ?? DEFAULT_MAX_UPLOAD_BYTES_PER_DAY,
      expireAfterMs: 24 * 3_600_000,
      logger,
      now: Date.now,
      onStored: (person) => void logic.publisher.schedule(person),
      onRefused: (person) => void logic.publisher.schedule(person),
    });
    // Abandoned uploads (an app that never came back) are deleted a day after they began.
    const uploadCleanup = setInterval(() => void uploads.cleanUpExpired().catch((err: unknown) => logger.warn({ err }, 'cleaning expired uploads failed')), 3_600_000);
    uploadCleanup.unref();
    cleanups.push(() => clearInterval(uploadCleanup));

    const routes: RouteHandler[] = [
      healthRoutes(storage, () => stopping, () => logic.catchingUp()),
      metricsHandler,
      adminRoute(key, { host, db: storage.db }, logger),
      configRoute({
        demo: options.demo === true,
        oidc: options.oidc?.webClientId === undefined ? null : { issuer: options.oidc.issuer, clientId: options.oidc.webClientId, scopes: 'openid email profile offline_access' },
      }),
      sessionRoute(verifier),
      figuresRoute(verifier, new FiguresService(host, storage.db)),
      uploads.route,
      blobRoute({ host, verifier, ...blobs }),
      searchRoute(verifier, host, storage.search),
      scimRoute({ admin: { host, db: storage.db }, state: scimState(storage.db), queue: new SerialQueue() }, logger),
    ];
    if (options.demo === true) routes.push(demoRoutes(host, key));
    if (web !== null) routes.push(web);
    const server = createServer(router(routes, logger));
    const cases = new CaseEndpoint({ verifier, service: logic.moderation, limits, census, logger });
    // The full-text index follows every relay write to a space or bucket; data from before it, once.
    const indexer = new SearchIndexer({ host, index: storage.search, db: storage.db, log: logger });
    cleanups.unshift(() => indexer.stop());
    host.onRelayWrite((room) => indexer.changed(room.name));
    void indexer.backfill().catch((err: unknown) => logger.error({ err }, 'search index backfill failed'));
    host.onRelayWrite((room) => {
      if (room.name === 'directory') void cases.recheck().catch((err: unknown) => logger.error({ err }, 'moderation access recheck failed'));
    });
    server.on('upgrade', (req, socket, head) => {
      // Counted before any token is read, so a flood of sockets costs the relay no verification.
      const address = req.socket.remoteAddress ?? 'unknown';
      if (!census.admitAddress(address)) {
        metrics.refusedConnections.inc({ reason: 'address' });
        return refuseUpgrade(socket, 429, 'Too Many Requests', 'too many connections from this address');
      }
      socket.once('close', () => census.releaseAddress(address));
      if (CaseEndpoint.matches(req)) cases.handleUpgrade(req, socket, head);
      else gateway.handleUpgrade(req, socket, head);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 1234, bindHost, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    cleanups.push(() => server.close());
    const metricsServer = options.metrics?.kind === 'address' ? await startMetricsServer(options.metrics.host, options.metrics.port) : null;
    cleanups.push(() => metricsServer?.server.close());
    const url = `ws://${bindHost.includes(':') ? `[${bindHost}]` : bindHost}:${port}`;
    lock.writeInfo({ host: bindHost, port, url });
    logger.info({ url, dataDir: options.dataDir, storage: storage.engine, demo: options.demo === true }, 'relay started');

    let stopped: Promise<void> | null = null;
    const stop = (): Promise<void> => {
      stopped ??= (async () => {
        stopping = true;
        clearInterval(uploadCleanup);
        offRevoke();
        server.close();
        metricsServer?.server.close();
        gateway.closeAll(CloseCode.restart, 'relay restarting');
        cases.closeAll(CloseCode.restart, 'relay restarting');
        await gateway.waitClosed(5000);
        await logic.stop().catch((err: unknown) => logger.error({ err }, 'relay logic failed to stop'));
        await indexer.stop();
        await host.drain();
        host.stop();
        await fanout?.close();
        server.closeAllConnections();
        metricsServer?.server.closeAllConnections();
        await storage.close();
        lock.release();
        logger.info('relay stopped');
      })();
      return stopped;
    };
    return {
      url,
      port,
      metricsPort: metricsServer?.port ?? null,
      host,
      storage,
      moderation: logic.moderation,
      sweepBlobs: () => logic.sweepBlobs(),
      mintToken: (personId, ttl) => mintToken(key, personId, { ttl: ttl ?? '8h', maxTtl: maxTokenTtl }),
      mintAdminToken: (ttl) => mintToken(key, 'admin', { ttl: ttl ?? '5m', admin: true, maxTtl: maxTokenTtl }),
      stop,
    };
  } catch (err) {
    for (const c of cleanups) await c();
    throw err;
  }
}

/** Answers an upgrade request with a plain HTTP error (before any WebSocket exists) and closes. */
function refuseUpgrade(socket: Duplex, status: number, statusText: string, body: string): void {
  socket.end(`HTTP/1.1 ${status} ${statusText}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
