import type { Logger } from '../logger.js';

/**
 * Lets work go on in the background without anyone awaiting it, but never unobserved: a rejection
 * is logged with what the work was, instead of ending the process as an unhandled rejection.
 */
export function detach(work: Promise<unknown>, log: Logger, what: string): void {
  work.catch((err: unknown) => log.error({ err }, `${what} failed`));
}
