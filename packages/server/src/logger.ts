import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs (one child logger per module: `log.child({ module: 'sfu' })`). `npm start`
 * asks for the pretty format, for a person watching a terminal; services keep JSON on stdout, and
 * a test may take the JSON lines itself (`destination`) to measure what a node logs.
 */
export function createLogger(level: string, format: 'json' | 'pretty' = 'json', destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'province-meet' },
    ...(format === 'pretty'
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service' } } }
      : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}
