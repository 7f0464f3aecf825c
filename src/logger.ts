import pino, { Logger } from 'pino';
import type { Config } from './config';

/** JSON logs on stdout, one line per event. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: { service: 'catalogue-hub' }, timestamp: pino.stdTimeFunctions.isoTime });
}
