import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Silence } from '../bots/rtpCounter.ts';
import { RpcChild } from './childProcessRpc.ts';
import type { FleetApi, FleetConnect, JoinTimes, Recovery } from './fleetProcess.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/**
 * The benchmark's bots spread over several processes (fleetProcess.ts each): one Node event loop
 * cannot keep up with hundreds of bots' DTLS, SRTP and renegotiations, and the measurement would
 * be of that loop. Every call goes to all of them; the answers are put together in bot order.
 */
export class BotFleets {
  private constructor(private readonly children: Array<RpcChild<FleetApi>>) {}

  static start(count: number): BotFleets {
    return new BotFleets(Array.from({ length: count }, () => RpcChild.start<FleetApi>(path.join(HERE, 'fleetProcess.ts'))));
  }

  get pids(): number[] {
    return this.children.map((child) => child.pid);
  }

  /** Signs in and connects the bots, an even share in each process; the first holds the late joiners. */
  async connect(args: FleetConnect): Promise<{ failures: string[] }> {
    const share = Math.ceil(args.accounts.length / this.children.length);
    const answers = await Promise.all(
      this.children.map((child, i) =>
        child.call('connect', {
          ...args,
          accounts: args.accounts.slice(i * share, (i + 1) * share),
          lateJoiners: i === 0 ? args.lateJoiners : 0,
        }),
      ),
    );
    return { failures: answers.flatMap((a) => a.failures) };
  }

  /** Every bot of every process joins at once. */
  async joinAll(): Promise<{ startedAt: number; failures: string[] }> {
    const answers = await Promise.all(this.children.map((child) => child.call('joinAll')));
    return { startedAt: Math.min(...answers.map((a) => a.startedAt)), failures: answers.flatMap((a) => a.failures) };
  }

  /** The late joiners (all in the first process) join one at a time; their join times. */
  async lateJoins(): Promise<JoinTimes[]> {
    return this.children[0]!.call('lateJoins');
  }

  async arrivals(args: { siteId: string | null; since: number }): Promise<Array<number | null>> {
    return (await Promise.all(this.children.map((child) => child.call('arrivals', args)))).flat();
  }

  async sourceArrivals(args: { source: string; since: number }): Promise<Array<number | null>> {
    return (await Promise.all(this.children.map((child) => child.call('sourceArrivals', args)))).flat();
  }

  async renegotiations(args: { from: number; to: number }): Promise<number> {
    return (await Promise.all(this.children.map((child) => child.call('renegotiations', args)))).reduce((a, b) => a + b, 0);
  }

  async joinTimes(): ReturnType<FleetApi['joinTimes']> {
    return (await Promise.all(this.children.map((child) => child.call('joinTimes')))).flat();
  }

  async feedbackSent(): Promise<{ nacks: number; plis: number }> {
    const answers = await Promise.all(this.children.map((child) => child.call('feedbackSent')));
    return { nacks: answers.reduce((n, a) => n + a.nacks, 0), plis: answers.reduce((n, a) => n + a.plis, 0) };
  }

  async videoSilences(): Promise<Silence[][]> {
    return (await Promise.all(this.children.map((child) => child.call('videoSilences')))).flat();
  }

  async recovery(args: { since: number }): Promise<Recovery> {
    const answers = await Promise.all(this.children.map((child) => child.call('recovery', args)));
    const moved = answers.reduce((sum, a) => sum + a.moved, 0);
    const recovered = answers.reduce((sum, a) => sum + a.recovered, 0);
    // Each process answers for its own moved bots; a process none of whose bots moved has no time.
    const times = answers.filter((a) => a.moved > 0).map((a) => a.lastMs);
    const lastMs = moved > 0 && times.every((t) => t !== null) ? Math.max(...times) : null;
    return { moved, recovered, lastMs, stalled: answers.reduce((sum, a) => sum + a.stalled, 0) };
  }

  async counts(): ReturnType<FleetApi['counts']> {
    return (await Promise.all(this.children.map((child) => child.call('counts')))).flat();
  }

  async stats(): ReturnType<FleetApi['stats']> {
    return (await Promise.all(this.children.map((child) => child.call('stats')))).flat();
  }

  /** The processes' read-lag histograms added up (1-ms buckets). */
  async readLag(): Promise<number[]> {
    const histograms = await Promise.all(this.children.map((child) => child.call('readLag')));
    return histograms[0]!.map((_, bucket) => histograms.reduce((sum, h) => sum + h[bucket]!, 0));
  }

  async takeWarnings(): Promise<string[]> {
    return (await Promise.all(this.children.map((child) => child.call('takeWarnings')))).flat();
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.children.map(async (child) => {
        await child.call('close').catch(() => undefined);
        await child.stop();
      }),
    );
  }
}
