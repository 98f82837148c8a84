import type * as Mediasoup from 'mediasoup';

export type { types as ms } from 'mediasoup';

let loaded: typeof Mediasoup | undefined;

/**
 * mediasoup reads MEDIASOUP_WORKER_BIN when its module is first evaluated, so the configured binary
 * (built by infra/mediasoup-worker) must be in the environment before the first import.
 */
export async function loadMediasoup(workerBin: string): Promise<typeof Mediasoup> {
  if (!loaded) {
    process.env.MEDIASOUP_WORKER_BIN = workerBin;
    loaded = await import('mediasoup');
  } else if (process.env.MEDIASOUP_WORKER_BIN !== workerBin) {
    throw new Error(`mediasoup is already loaded with worker ${process.env.MEDIASOUP_WORKER_BIN}`);
  }
  return loaded;
}
