// The `hearth-relay` command: serve, mint tokens, and run admin operations against the running
// relay (or in-process when none runs). Output for people on stdout; logs as JSON lines (pino).
import { rateOption, wholeNumber } from './cli/option-parsers.js';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { runAdminOperation } from './cli/admin-client.js';
import { existingDataDir } from './cli/data-dir.js';
import { addLimitOptions, limitOverrides } from './cli/limit-options.js';
import { addPersonLimitOptions, personLimitOverrides } from './cli/person-limit-options.js';
import { KEY_FILE, loadSigningKey } from './auth/signing-key.js';
import { mintToken, parseTtl } from './auth/tokens.js';
import type { parseRate } from './connection/token-bucket.js';
import { parseMetricsAddress } from './http/metrics-route.js';
import { createLogger } from './log.js';
import { DataDirLocked } from './server/data-dir-lock.js';
import { startRelay } from './server/relay.js';
import { postgresOption, redisOption } from './cli/storage-option.js';
import { DATABASE_FILE, openStorage, storageConfig } from './storage/open-storage.js';

const program = new Command('hearth-relay').description('Hearth relay: the authenticated sync server of a Hearth company').showHelpAfterError();

const integer = (name: string) => wholeNumber(name);
const rate = rateOption;
const metricsAddress = (value: string) => {
  try {
    return parseMetricsAddress(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
};
const ttlSeconds = (value: string) => {
  try {
    return parseTtl(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
};
const maxTtlOption = (flag: string) =>
  new Option(`${flag} <duration>`, 'longest token lifetime the relay accepts (default 30d)').env('HEARTH_MAX_TOKEN_TTL').argParser(ttlSeconds);
const dataOption = () => new Option('--data <dir>', 'data directory').default('./data');

addPersonLimitOptions(addLimitOptions(program.command('serve')))
  .description('run the relay')
  .option('--port <port>', 'port (0 picks a free one)', integer('port'), 1234)
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .addOption(dataOption())
  .addOption(postgresOption())
  .addOption(redisOption())
  .option('--demo', 'demo mode: demo company and sign-in routes', false)
  .option('--web <dir>', 'serve the web client from this directory')
  .option('--max-message-bytes <n>', 'largest accepted message', integer('max-message-bytes'), 1024 * 1024)
  .option('--max-attachment-bytes <n>', 'largest attachment file accepted, whatever the policy allows (default 100 MiB)', integer('max-attachment-bytes'))
  .option('--max-upload-bytes-per-day <n>', 'most bytes of new attachment files one person may upload in a rolling day (default 2 GiB)', integer('max-upload-bytes-per-day'))
  .option('--rate <rate>', 'per-connection message rate, e.g. 100/s or 100/s:500 (burst)', rate)
  .addOption(new Option('--oidc-issuer <url>', "the company identity provider (OpenID Connect issuer URL); its tokens are accepted beside the relay's own").env('HEARTH_OIDC_ISSUER'))
  .addOption(new Option('--oidc-audience <ids>', 'accepted token audiences, comma-separated (default: the web client id)').env('HEARTH_OIDC_AUDIENCE'))
  .addOption(new Option('--oidc-claim <claim>', 'the token claim that names the person: email, preferred_username, sub or a custom one').env('HEARTH_OIDC_CLAIM'))
  .addOption(new Option('--oidc-web-client <id>', 'the client id the web client signs in with').env('HEARTH_OIDC_WEB_CLIENT'))
  .option('--config <file>', 'JSON file with settings, e.g. { "oidc": { "issuer", "audience", "claim", "webClientId" } }; flags win')
  .addOption(maxTtlOption('--max-token-ttl'))
  .addOption(new Option('--metrics-token <token>', 'serve GET /metrics on the main port to this bearer token (at least 16 characters; prefer the environment variable)').env('HEARTH_METRICS_TOKEN'))
  .addOption(new Option('--metrics-address <host:port>', 'serve GET /metrics on this address only, e.g. 127.0.0.1:9464').env('HEARTH_METRICS_ADDRESS').argParser(metricsAddress))
  .action(async (opts: ServeOptions) => {
    const logger = createLogger();
    const oidc = oidcOptions(opts);
    // Redis carries notifications between processes that share their tables; SQLite has one process.
    if (opts.redis !== undefined && opts.postgres === undefined) throw new InvalidArgumentError('--redis needs --postgres: several relay processes share one PostgreSQL database');
    if (opts.metricsToken !== undefined && opts.metricsAddress !== undefined) throw new InvalidArgumentError('use either --metrics-token or --metrics-address, not both');
    const relay = await startRelay({
      port: opts.port,
      host: opts.host,
      dataDir: resolve(opts.data),
      ...(opts.postgres === undefined ? {} : { postgres: opts.postgres }),
      ...(opts.redis === undefined ? {} : { redis: opts.redis }),
      ...(process.env.HEARTH_REDIS_PREFIX === undefined ? {} : { redisPrefix: process.env.HEARTH_REDIS_PREFIX }),
      ...(process.env.HEARTH_LEASE_TTL_MS === undefined ? {} : { leaseTtlMs: Number(process.env.HEARTH_LEASE_TTL_MS) }),
      demo: opts.demo,
      ...(opts.web === undefined ? {} : { web: resolve(opts.web) }),
      ...(oidc === undefined ? {} : { oidc }),
      limits: { ...limitOverrides(opts as unknown as Record<string, unknown>), maxMessageBytes: opts.maxMessageBytes, ...(opts.rate === undefined ? {} : { rate: opts.rate }) },
      personLimits: personLimitOverrides(opts as unknown as Record<string, unknown>),
      ...(opts.maxTokenTtl === undefined ? {} : { maxTokenTtl: opts.maxTokenTtl }),
      ...(opts.maxAttachmentBytes === undefined ? {} : { maxAttachmentBytes: opts.maxAttachmentBytes }),
      ...(opts.maxUploadBytesPerDay === undefined ? {} : { maxUploadBytesPerDay: opts.maxUploadBytesPerDay }),
      metrics: opts.metricsAddress !== undefined ? { kind: 'address', ...opts.metricsAddress } : opts.metricsToken !== undefined ? { kind: 'token', token: opts.metricsToken } : { kind: 'off' },
      logger,
    });
    let exiting = false;
    const shutdown = (signal: string) => {
      if (exiting) return;
      exiting = true;
      logger.info({ signal }, 'shutting down');
      // Acknowledged updates are on disk already; a stop that hangs must not keep the port forever.
      setTimeout(() => {
        logger.error('shutdown took longer than 15 s; exiting');
        process.exit(1);
      }, 15_000).unref();
      relay.stop().then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    process.on('SIGINT', () => shutdown('SIGINT'));
    console.log(`listening on ${relay.url}`);
  });

interface ServeOptions {
  maxTokenTtl?: number;
  maxAttachmentBytes?: number;
  maxUploadBytesPerDay?: number;
  postgres?: string;
  redis?: string;
  metricsToken?: string;
  metricsAddress?: { host: string; port: number };
  port: number;
  host: string;
  data: string;
  demo: boolean;
  web?: string;
  maxMessageBytes: number;
  rate?: ReturnType<typeof parseRate>;
  oidcIssuer?: string;
  oidcAudience?: string;
  oidcClaim?: string;
  oidcWebClient?: string;
  config?: string;
}

/** The identity provider's settings from flags (or their environment variables), else the config file. */
function oidcOptions(opts: ServeOptions): NonNullable<Parameters<typeof startRelay>[0]['oidc']> | undefined {
  const file = opts.config === undefined ? {} : ((readJsonFile(opts.config) as { oidc?: Record<string, unknown> }).oidc ?? {});
  const str = (flag: string | undefined, key: string): string | undefined => flag ?? (typeof file[key] === 'string' ? file[key] : undefined);
  const issuer = str(opts.oidcIssuer, 'issuer');
  if (issuer === undefined) return undefined;
  const webClientId = str(opts.oidcWebClient, 'webClientId');
  const audience = (str(opts.oidcAudience, 'audience') ?? webClientId ?? '').split(',').map((a) => a.trim()).filter((a) => a !== '');
  if (audience.length === 0) throw new InvalidArgumentError('--oidc-issuer needs --oidc-audience or --oidc-web-client (the client id tokens are issued to)');
  const claim = str(opts.oidcClaim, 'claim');
  return { issuer, audience, ...(claim === undefined ? {} : { claim }), ...(webClientId === undefined ? {} : { webClientId }) };
}

const token = program
  .command('token')
  .argument('[personId]', 'the person to mint a token for')
  .description('print a signed token for a person (reads the key file; works while the relay runs); `token revoke <person>` revokes theirs')
  .addOption(dataOption())
  .addOption(postgresOption())
  .option('--ttl <duration>', 'lifetime, e.g. 8h, 30m, 7d', '8h')
  .option('--admin', 'an admin token (for POST /admin/*) instead of a person token', false)
  .addOption(maxTtlOption('--max-ttl'))
  .action(async (personId: string | undefined, opts: { data: string; postgres?: string; ttl: string; admin: boolean; maxTtl?: number }) => {
    if (personId === undefined) throw new InvalidArgumentError('name the person: hearth-relay token <personId>');
    const dataDir = existingDataDir(opts.data);
    const ttl = parseTtl(opts.ttl);
    // A person token only for someone the relay would let in; an admin token names no person.
    if (!opts.admin) await requireActivePerson(dataDir, personId, opts.postgres);
    const maxTtl = opts.maxTtl === undefined ? {} : { maxTtl: opts.maxTtl };
    console.log(await mintToken(loadSigningKey(dataDir, { create: false }), personId, { ttl, admin: opts.admin, ...maxTtl }));
  });
token
  .command('revoke <personId>')
  .description('revoke every token the person holds (they sign in again); closes their open connections')
  .addOption(dataOption())
  .addOption(postgresOption())
  .action(async (personId: string, opts: { data: string; postgres?: string }) => {
    await admin(opts, 'token-revoke', { person: personId });
  });

program
  .command('backup <file>')
  .description('write a consistent copy of the SQLite database to <file> (VACUUM INTO; safe while the relay runs; PostgreSQL: use pg_dump)')
  .addOption(dataOption())
  .action(async (file: string, opts: { data: string }) => {
    const target = resolve(file);
    if (existsSync(target)) throw new InvalidArgumentError(`${target} exists already`);
    const dataDir = existingDataDir(opts.data);
    if (!existsSync(join(dataDir, DATABASE_FILE))) throw new InvalidArgumentError(`${dataDir} holds no SQLite database (on PostgreSQL, back up with pg_dump)`);
    const storage = await openStorage(storageConfig(dataDir), { readOnly: true });
    try {
      await storage.backup(target);
    } finally {
      await storage.close();
    }
    console.log(`backed up to ${target}; keep ${KEY_FILE} from the data directory with it`);
  });

async function requireActivePerson(dataDir: string, personId: string, postgres?: string): Promise<void> {
  const found = await runAdminOperation(dataDir, 'person-status', { person: personId }, createLogger(process.env.HEARTH_LOG_LEVEL ?? 'warn'), postgres);
  if (!found.ok) throw new InvalidArgumentError(found.error);
  const { status } = found.result as { status: string };
  if (status !== 'active') throw new InvalidArgumentError(`${personId} is ${status} in the directory: the relay would refuse them`);
}

async function admin(opts: { data: string; postgres?: string }, operation: string, body: unknown): Promise<void> {
  const result = await runAdminOperation(resolve(opts.data), operation, body, createLogger(process.env.HEARTH_LOG_LEVEL ?? 'warn'), opts.postgres);
  if (result.ok) {
    console.log(JSON.stringify(result.result, null, 2));
  } else {
    console.error(`error: ${result.error}`);
    if (result.details !== undefined) console.error(JSON.stringify(result.details, null, 2));
    process.exitCode = 1;
  }
}

function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    throw new InvalidArgumentError(`cannot read ${file} as JSON: ${(err as Error).message}`);
  }
}

const directory = program.command('directory').description('the company directory');
directory
  .command('import <file>')
  .description('import the records of a JSON file (an array, or { records: [...] }) into the directory: a refused record changes nobody (exit code 1), people missing from the file are marked as having left')
  .addOption(dataOption())
  .addOption(postgresOption())
  .action(async (file: string, opts: { data: string; postgres?: string }) => {
    const json = readJsonFile(file);
    await admin(opts, 'directory-import', Array.isArray(json) ? { records: json } : json);
  });

const scim = program.command('scim').description('SCIM 2.0 provisioning from the identity provider (/scim/v2)');
scim
  .command('token')
  .description('print a new bearer token for the identity provider; the previous one stops working')
  .addOption(dataOption())
  .addOption(postgresOption())
  .action(async (opts: { data: string; postgres?: string }) => {
    await admin(opts, 'scim-token', {});
  });
scim
  .command('groups <file>')
  .description('set which SCIM group grants which role or space membership: { "<group name>": { "role": "moderator" } | { "space": "<id>" } }')
  .addOption(dataOption())
  .addOption(postgresOption())
  .action(async (file: string, opts: { data: string; postgres?: string }) => {
    await admin(opts, 'scim-group-map', { map: readJsonFile(file) });
  });

const policy = program.command('policy').description('the behaviour policy');
policy
  .command('set <file>')
  .description('publish a new version of the policy from its JSON source')
  .addOption(dataOption())
  .addOption(postgresOption())
  .action(async (file: string, opts: { data: string; postgres?: string }) => {
    await admin(opts, 'policy-set', { source: readJsonFile(file) });
  });

const collect = (value: string, previous: string[]) => [...previous, value];
const space = program.command('space').description('spaces and their members');
space
  .command('create <id>')
  .description('create a space')
  .requiredOption('--name <name>', 'display name')
  .option('--description <text>', 'description')
  .addOption(new Option('--kind <kind>', 'kind').choices(['discussion', 'news', 'course']))
  .addOption(new Option('--visibility <visibility>', 'visibility').choices(['public', 'private', 'secret']))
  .option('--facilitator <personId>', 'a facilitator (repeatable)', collect, [])
  .option('--member <personId>', 'a member of a private or secret space (repeatable)', collect, [])
  .addOption(dataOption())
  .addOption(postgresOption())
  .action(async (id: string, opts: { name: string; description?: string; kind?: string; visibility?: string; facilitator: string[]; member: string[]; data: string; postgres?: string }) => {
    await admin(opts, 'space-create', {
      id,
      name: opts.name,
      ...(opts.description === undefined ? {} : { description: opts.description }),
      ...(opts.kind === undefined ? {} : { kind: opts.kind }),
      ...(opts.visibility === undefined ? {} : { visibility: opts.visibility }),
      facilitators: opts.facilitator,
      members: opts.member,
    });
  });
for (const [name, operation] of [
  ['add-member', 'space-add-member'],
  ['remove-member', 'space-remove-member'],
] as const) {
  space
    .command(`${name} <space> <person>`)
    .description(name === 'add-member' ? 'add a person to a private or secret space' : 'remove a person from a space (closes their connections)')
    .addOption(dataOption())
    .addOption(postgresOption())
    .action(async (spaceId: string, personId: string, opts: { data: string; postgres?: string }) => {
      await admin(opts, operation, { space: spaceId, person: personId });
    });
}

program
  .command('recognition')
  .description('switch recognition (kudos, badges, leaderboards) on or off, for the organisation or per country')
  .addOption(new Option('--enabled <state>', 'for the whole organisation').choices(['on', 'off']))
  .option('--off-countries <codes>', 'comma-separated ISO 3166-1 codes where it is off (replaces the list; "" clears it)')
  .addOption(dataOption())
  .addOption(postgresOption())
  .action(async (opts: { enabled?: string; offCountries?: string; data: string; postgres?: string }) => {
    await admin(opts, 'recognition-set', {
      ...(opts.enabled === undefined ? {} : { enabled: opts.enabled === 'on' }),
      ...(opts.offCountries === undefined ? {} : { offCountries: opts.offCountries.split(',').map((c) => c.trim()).filter(Boolean) }),
    });
  });

(await import('./cli/audit-commands.js')).registerAuditCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  const listen = err as NodeJS.ErrnoException & { port?: number };
  if (err instanceof DataDirLocked) console.error(`error: ${err.message}`);
  // A busy port is the most common first-run failure: say what to do about it.
  else if (listen.code === 'EADDRINUSE' && listen.syscall === 'listen') console.error(`error: port ${listen.port} is in use; set PORT= (npm start) or --port`);
  else console.error(err instanceof Error ? `error: ${err.message}` : err);
  process.exit(1);
});
