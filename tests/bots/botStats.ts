import type { ReceivedConsumer } from './botMedia.ts';
import type { SiteBotStats, SourceChange } from './siteBot.ts';

/** Readings over a bot's stats, shared by the tests and the benchmark. */

/** The programme video the bot receives now (its open programme-video consumer), if any. */
export function currentProgrammeVideo(stats: SiteBotStats): ReceivedConsumer | undefined {
  const open = stats.consumers.filter((c) => c.purpose === 'programme-video' && c.closedAt === undefined);
  return open.at(-1);
}

/** Whose camera the programme carried at `at` by the server's caption (null: the chair's); undefined before any. */
export function captionAt(stats: Pick<SiteBotStats, 'captions'>, at: number): string | null | undefined {
  return stats.captions.findLast((c) => c.at <= at)?.videoSiteId;
}

/**
 * When programme video of `siteId`'s camera (null: the chair's) first reached the bot after `since`:
 * the first packet of a programme consumer offered since then while the caption named that camera
 * (a join), or a caption naming it while programme video kept arriving (a switch: the stable
 * consumer stays, the caption follows the source's keyframe). Undefined if neither happened.
 */
export function programmeVideoArrival(stats: SiteBotStats, siteId: string | null, since: number): number | undefined {
  const joined = stats.programmeVideo
    .filter((p) => p.offeredAt >= since && p.firstPacketAt !== undefined && captionAt(stats, p.firstPacketAt) === siteId)
    .map((p) => p.firstPacketAt!);
  const switched = stats.captions
    .filter((c) => c.at >= since && c.videoSiteId === siteId && stats.programmeVideo.some((p) => (p.lastPacketAt ?? 0) > c.at))
    .map((c) => c.at);
  const arrivals = [...joined, ...switched];
  return arrivals.length > 0 ? Math.min(...arrivals) : undefined;
}

/** When the bot first received a programme keyframe from `source` after `since` (the picture changed to it). */
export function sourceArrival(stats: { sourceChanges: readonly SourceChange[] }, source: string, since: number): number | undefined {
  return stats.sourceChanges.find((c) => c.source === source && c.at >= since)?.at;
}

/** The source of the programme picture the bot shows now (its last keyframe's). */
export function currentSource(stats: SiteBotStats): string | undefined {
  return stats.sourceChanges.at(-1)?.source;
}

/**
 * `media:newConsumer` and `media:consumerClosed` events the bot was sent in [from, to): each is a
 * renegotiation at a kiosk. A stable programme makes this zero at rooms a floor change leaves alone.
 */
export function renegotiationsBetween(stats: SiteBotStats, from: number, to: number): number {
  return stats.consumerEvents.filter((e) => e.at >= from && e.at < to).length;
}

/** Per-consumer packet counts, keyed by consumer id, to compare two moments. */
export type CountsSnapshot = Map<string, { expected: number; lost: number; packets: number; bytes: number }>;

export function snapshotCounts(fleet: SiteBotStats[]): CountsSnapshot {
  const snapshot: CountsSnapshot = new Map();
  for (const bot of fleet) {
    for (const c of bot.consumers) {
      snapshot.set(c.consumerId, {
        expected: c.counts.expected,
        lost: c.counts.lost,
        packets: c.counts.packets,
        bytes: c.counts.bytes,
      });
    }
  }
  return snapshot;
}

/** Packets expected and lost between two snapshots; a consumer missing from `before` counts from zero. */
export function lossBetween(
  before: CountsSnapshot,
  after: CountsSnapshot,
): { expected: number; lost: number; packets: number; bytes: number } {
  const total = { expected: 0, lost: 0, packets: 0, bytes: 0 };
  for (const [consumerId, end] of after) {
    const start = before.get(consumerId) ?? { expected: 0, lost: 0, packets: 0, bytes: 0 };
    total.expected += end.expected - start.expected;
    // Retransmissions can recover, inside the window, packets counted lost before it: that is no
    // loss in the window, not a negative one.
    total.lost += Math.max(0, end.lost - start.lost);
    total.packets += end.packets - start.packets;
    total.bytes += end.bytes - start.bytes;
  }
  return total;
}
