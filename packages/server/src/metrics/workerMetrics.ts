import { Counter, Gauge, type Registry } from 'prom-client';
import type { WorkerLoad, WorkerPool, WorkerSlot } from '../sfu/workerPool.js';

const LOAD_HELP: Record<keyof WorkerLoad, string> = {
  peers: 'Clients whose media run on the worker (sites, also those of meetings hosted on another node; chair, operators, checks)',
  routers: 'Open mediasoup routers on the worker',
  transports: 'Open mediasoup transports on the worker',
  producers: 'Open mediasoup producers on the worker',
  consumers: 'Open mediasoup consumers on the worker',
};

const workerLabel = (slot: WorkerSlot) => ({ worker: String(slot.index) });
const running = (pool: WorkerPool) => pool.all().filter((slot) => !slot.worker.closed);

/**
 * The mediasoup workers of this node, read when Prometheus scrapes: their number, whether each
 * runs, its load (from WorkerPool's counts), the CPU its process used and the media it carries.
 */
export function registerWorkerMetrics(registry: Registry, pool: WorkerPool): void {
  const registers = [registry];
  new Gauge({
    name: 'pm_mediasoup_workers',
    help: 'mediasoup workers of this node (MEDIASOUP_NUM_WORKERS)',
    registers,
    collect() {
      this.set(pool.size);
    },
  });
  new Gauge({
    name: 'pm_mediasoup_worker_up',
    help: '1 while the worker runs, 0 while a dead one is being replaced',
    labelNames: ['worker'],
    registers,
    collect() {
      for (const slot of pool.all()) this.set(workerLabel(slot), slot.worker.closed ? 0 : 1);
    },
  });
  for (const [kind, help] of Object.entries(LOAD_HELP) as Array<[keyof WorkerLoad, string]>) {
    new Gauge({
      name: `pm_mediasoup_worker_${kind}`,
      help,
      labelNames: ['worker'],
      registers,
      collect() {
        for (const slot of pool.all()) this.set(workerLabel(slot), slot.load[kind]);
      },
    });
  }
  new Counter({
    name: 'pm_mediasoup_worker_cpu_seconds_total',
    help: 'CPU time (user + system) used by the worker process; restarts from 0 when a worker is replaced',
    labelNames: ['worker'],
    registers,
    async collect() {
      const usages = await Promise.allSettled(running(pool).map(async (slot) => ({ slot, usage: await slot.worker.getResourceUsage() })));
      // A counter read from outside: set it to the worker's own total (mediasoup reports milliseconds).
      this.reset();
      for (const result of usages) {
        if (result.status !== 'fulfilled') continue;
        const { slot, usage } = result.value;
        this.inc(workerLabel(slot), (usage.ru_utime + usage.ru_stime) / 1000);
      }
    },
  });
  new Gauge({
    name: 'pm_mediasoup_bitrate_bits_per_second',
    help: 'Media the worker receives (recv) and sends (send): the sum of its transports’ current bitrates',
    labelNames: ['worker', 'direction'],
    registers,
    async collect() {
      this.reset();
      await Promise.all(
        running(pool).map(async (slot) => {
          const { recv, send } = await sampleBitrates(slot);
          this.set({ ...workerLabel(slot), direction: 'recv' }, recv);
          this.set({ ...workerLabel(slot), direction: 'send' }, send);
        }),
      );
    },
  });
}

/** One stats request per open transport, in parallel; a transport closing meanwhile counts as silent. */
async function sampleBitrates(slot: WorkerSlot): Promise<{ recv: number; send: number }> {
  const stats = await Promise.allSettled([...slot.transports].map((transport) => transport.getStats()));
  let recv = 0;
  let send = 0;
  for (const result of stats) {
    if (result.status !== 'fulfilled') continue;
    for (const stat of result.value as Array<{ recvBitrate?: number; sendBitrate?: number }>) {
      recv += stat.recvBitrate ?? 0;
      send += stat.sendBitrate ?? 0;
    }
  }
  return { recv, send };
}
