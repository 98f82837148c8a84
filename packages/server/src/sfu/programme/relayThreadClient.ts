import type { EventLoopUtilization } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../logger.js';
import type { LaneSpec, RelayPorts } from './programmeRelay.js';
import type { RelayCommand, RelayReport, RelayThreadData } from './relayThread.js';

/** The meeting's side of its relay thread: commands go in, lane switches come back. */
export class RelayThreadClient {
  private readonly switchedListeners: Array<(output: string, layer: number, generation: number) => void> = [];
  private readonly lostListeners: Array<(reason: string) => void> = [];
  private closed = false;
  private lastUtilization: EventLoopUtilization;

  private constructor(
    private readonly worker: Worker,
    readonly ports: RelayPorts,
  ) {
    this.lastUtilization = worker.performance.eventLoopUtilization();
  }

  static async start(lanes: LaneSpec[], mediasoup: RelayPorts, log: Logger): Promise<RelayThreadClient> {
    const workerData: RelayThreadData = { lanes, mediasoup };
    const worker = new Worker(new URL('./relayThreadEntry.mjs', import.meta.url), { workerData });
    const ports = await new Promise<RelayPorts>((resolve, reject) => {
      const failed = (err: Error) => settle(() => reject(err));
      const exited = (code: number) => failed(new Error(`the programme relay thread exited (${code}) before it opened`));
      const opened = (report: RelayReport) =>
        settle(() => (report.kind === 'opened' ? resolve(report.ports) : reject(new Error(`the relay thread said ${report.kind} first`))));
      // Only these listeners go: the worker's own (which keep its port referenced) must stay.
      const settle = (then: () => void) => {
        worker.off('error', failed).off('exit', exited).off('message', opened);
        then();
      };
      worker.once('error', failed).once('exit', exited).once('message', opened);
    });
    const client = new RelayThreadClient(worker, ports);
    worker.on('message', (report: RelayReport) => {
      if (report.kind === 'switched') for (const listener of client.switchedListeners) listener(report.output, report.layer, report.generation);
    });
    worker.on('error', (err) => log.error({ err }, 'the programme relay thread failed'));
    worker.on('exit', (code) => {
      if (client.closed) return;
      for (const listener of client.lostListeners) listener(`the programme relay thread exited (${code})`);
    });
    return client;
  }

  /** How busy the relay thread's event loop has been since the last call (0–1): its share of a core. */
  busy(): number {
    const now = this.worker.performance.eventLoopUtilization();
    const share = this.worker.performance.eventLoopUtilization(now, this.lastUtilization).utilization;
    this.lastUtilization = now;
    return share;
  }

  route(output: string, layer: number, sourceSsrc: number | null, generation: number): void {
    this.send({ kind: 'route', output, layer, sourceSsrc, generation });
  }

  onSwitched(listener: (output: string, layer: number, generation: number) => void): void {
    this.switchedListeners.push(listener);
  }

  /** The thread is gone (it crashed): the programme must be built again. */
  onLost(listener: (reason: string) => void): void {
    this.lostListeners.push(listener);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.send({ kind: 'close' });
  }

  private send(command: RelayCommand): void {
    this.worker.postMessage(command);
  }
}
