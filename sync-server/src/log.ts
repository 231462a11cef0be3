// One pino logger for the relay. Level from HEARTH_LOG_LEVEL (default 'info'; tests use 'silent').
// One logger per level per process: each pino destination registers process exit handlers, and a
// test process that starts dozens of relays would otherwise pile them up.
import { pino } from 'pino';
import type { Logger } from 'pino';

export type { Logger };

const loggers = new Map<string, Logger>();

export function createLogger(level = process.env.HEARTH_LOG_LEVEL ?? 'info'): Logger {
  let logger = loggers.get(level);
  if (logger === undefined) {
    logger = pino({ name: 'hearth-relay', level });
    loggers.set(level, logger);
  }
  return logger;
}
