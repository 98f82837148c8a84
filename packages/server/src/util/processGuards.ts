import type { Logger } from '../logger.js';

/**
 * A node serves hundreds of meeting rooms: one forgotten promise that rejects must cost a log line,
 * not every meeting on the node. Unhandled rejections are logged and the node keeps serving; an
 * uncaught exception leaves the process in an unknown state, so it is logged and the process exits
 * (the service manager restarts it and the meetings move to other nodes).
 */
export function installProcessGuards(log: Logger): void {
  process.on('unhandledRejection', (reason) => {
    log.error({ err: reason }, 'a promise rejected with nobody to handle it; the node keeps serving');
  });
  process.on('uncaughtException', (err) => {
    log.fatal({ err }, 'uncaught exception; exiting');
    process.exitCode = 1;
    setImmediate(() => process.exit(1));
  });
}
