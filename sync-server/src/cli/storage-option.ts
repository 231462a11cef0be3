// `--postgres <url>`: the relay's tables in PostgreSQL instead of the data directory's SQLite file.
// Also read from HEARTH_POSTGRES_URL, so a deployment sets it once for `serve` and every admin command.
import { Option } from 'commander';

/** `--redis <url>`: fan-out between relay processes on one PostgreSQL database (docs/operations.md). */
export const redisOption = () =>
  new Option('--redis <url>', 'share rooms with other relay processes through Redis (redis://host:6379); needs --postgres').env('HEARTH_REDIS_URL');

export const postgresOption = () =>
  new Option('--postgres <url>', 'keep the relay\'s tables in PostgreSQL (postgres://user@host:5432/db) instead of <data>/hearth.sqlite').env('HEARTH_POSTGRES_URL');
