import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startPlatform } from './platform.js';
import { startBanner } from './startBanner.js';
import { installProcessGuards } from './util/processGuards.js';

/** Entry point of one node: `tsx src/main.ts`, configured by the environment (see config.ts). */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.log.level, config.log.format);
  installProcessGuards(log);
  const platform = await startPlatform(config, log);
  process.stdout.write(startBanner(platform.url, config, platform.localCa));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    platform.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'could not shut down cleanly');
        process.exit(1);
      },
    );
  };
  // SIGTERM (systemctl stop, docker stop, Kubernetes) drains first, so meetings go on from other
  // nodes; a repeated SIGTERM changes nothing. SIGINT (Ctrl-C) closes at once.
  let draining = false;
  const drainThenStop = () => {
    if (draining) return;
    draining = true;
    log.info({ timeoutSeconds: config.drain.timeoutMs / 1000 }, 'SIGTERM: draining before shutting down');
    const drained = platform.drain.drainAndWait('SIGTERM', config.drain.timeoutMs).then((participantsLeft) => {
      log.info({ participantsLeft }, 'drain finished');
      stop('SIGTERM');
    });
    drained.catch((err: unknown) => {
      log.error({ err }, 'drain failed; shutting down');
      stop('SIGTERM');
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', drainThenStop);
}

main().catch((error: unknown) => {
  console.error('province-meet failed to start:', error);
  process.exit(1);
});
