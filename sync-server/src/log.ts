// One pino logger for the relay. Level from HEARTH_LOG_LEVEL (default 'info'; tests use 'silent').
import { pino } from 'pino';
import type { Logger } from 'pino';

export type { Logger };

export function createLogger(level = process.env.HEARTH_LOG_LEVEL ?? 'info'): Logger {
  return pino({ name: 'hearth-relay', level });
}
