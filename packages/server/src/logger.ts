import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs (one child logger per module: `log.child({ module: 'sfu' })`). `npm start`
 * asks for the pretty format, for a person watching a terminal; services keep JSON.
 */
export function createLogger(level: string, format: 'json' | 'pretty' = 'json'): Logger {
  return pino({
    level,
    base: { service: 'province-meet' },
    ...(format === 'pretty'
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service' } } }
      : {}),
  });
}
