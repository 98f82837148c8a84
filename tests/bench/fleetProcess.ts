/**
 * The benchmark's bot process: every site bot of the run, in one Node process apart from the
 * platform, so the bots' CPU is measured apart and their load does not slow the server's event loop.
 */
import {
  currentProgrammeVideo,
  programmeVideoArrival,
  renegotiationsBetween,
  snapshotCounts,
  sourceArrival,
} from '../bots/botStats.ts';
import type { SiteAccount } from '../support/meetingFixture.ts';
import { epochMs, SILENCE_MS, type Silence } from '../bots/rtpCounter.ts';
import { SiteBot, type SiteBotStats } from '../bots/siteBot.ts';
import { readLagHistogram } from '../bots/wire/udpBatch.ts';
import { serveRpc } from './childProcessRpc.ts';

/** Logins hash on the server's thread pool: a few at a time keeps the set-up steady. */
const LOGIN_CONCURRENCY = 8;
const PROGRESS_EVERY = 50;

const bots: SiteBot[] = [];
/** Bots held back from the join storm, to join the running meeting one at a time (`lateJoins`). */
const lateBots: SiteBot[] = [];
/** How long a late joiner may take to show the programme before the next one goes. */
const LATE_JOIN_TIMEOUT_MS = 10_000;
const warnings: string[] = [];

function warn(message: string, error: unknown): void {
  warnings.push(`${message}: ${error instanceof Error ? error.message : String(error)}`);
}

export interface FleetConnect {
  baseUrl: string;
  meetingId: string;
  accounts: SiteAccount[];
  /** Each source's picture sizes ('WxH' → source name), for the bots to tell sources apart. */
  sourceSizes: Record<string, string>;
  /** Whether the bots announce transport-cc (and so get the SFU's bandwidth estimation), as Chrome. */
  transportCc: boolean;
  /** The last this many accounts sit out the join storm and join later, one at a time. */
  lateJoiners: number;
}

async function connect(args: FleetConnect): Promise<{ failures: string[] }> {
  const failures: string[] = [];
  const sourceOfSize = (width: number, height: number) => args.sourceSizes[`${width}x${height}`] ?? `${width}x${height}`;
  const queue = [...args.accounts];
  const connectNext = async (): Promise<void> => {
    for (let account = queue.shift(); account; account = queue.shift()) {
      try {
        bots.push(
          await SiteBot.connect({
            baseUrl: args.baseUrl,
            meetingId: args.meetingId,
            ...account,
            sourceOfSize,
            transportCc: args.transportCc,
            onWarning: warn,
          }),
        );
        if (bots.length % PROGRESS_EVERY === 0)
          console.log(`[bots] ${bots.length}/${args.accounts.length} signed in and connected`);
      } catch (error) {
        failures.push(`${account.username}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: LOGIN_CONCURRENCY }, connectNext));
  lateBots.push(...bots.splice(Math.max(0, bots.length - args.lateJoiners)));
  return { failures };
}

/** Every bot sends `meeting:join` in the same tick; resolves once all are answered and ready. */
async function joinAll(): Promise<{ startedAt: number; failures: string[] }> {
  const startedAt = epochMs();
  const results = await Promise.allSettled(bots.map((bot) => bot.join()));
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
  return { startedAt, failures };
}

/**
 * The held-back bots join the running meeting one after the other, each once the one before shows
 * the programme (or gave up): a room joining alone, as most rooms do in a real meeting, without
 * the join storm's queue. Then they count among the fleet's bots. Their join times, in order.
 */
async function lateJoins(): Promise<JoinTimes[]> {
  const times: JoinTimes[] = [];
  for (const bot of lateBots.splice(0)) {
    await bot.join().catch((error: unknown) => warn(`${bot.username}: late join`, error));
    const deadline = epochMs() + LATE_JOIN_TIMEOUT_MS;
    while (bot.stats().firstPictureAt === undefined && epochMs() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    bots.push(bot);
    times.push(firstJoinTimes(bot));
  }
  return times;
}

/** Per bot: when `siteId`'s camera (null: the chair) first arrived as programme after `since`. */
async function arrivals({ siteId, since }: { siteId: string | null; since: number }): Promise<Array<number | null>> {
  return bots.map((bot) => programmeVideoArrival(bot.stats(), siteId, since) ?? null);
}

/** Per bot: when it first showed `source`'s picture after `since` (null: not yet). */
async function sourceArrivals({ source, since }: { source: string; since: number }): Promise<Array<number | null>> {
  return bots.map((bot) => sourceArrival({ sourceChanges: bot.sourceChangesSoFar }, source, since) ?? null);
}

/** Consumer events (renegotiations) all bots were sent in [from, to). */
async function renegotiations({ from, to }: { from: number; to: number }): Promise<number> {
  return bots.reduce((n, bot) => n + renegotiationsBetween(bot.stats(), from, to), 0);
}

export interface JoinTimes {
  requestedAt: number | null;
  answeredAt: number | null;
  readyAt: number | null;
  securedAt: number | null;
  firstPacketAt: number | null;
  firstPictureAt: number | null;
}

/** A bot's first join's request, answer, ready and DTLS done, first programme packet and picture (epoch ms). */
function firstJoinTimes(bot: SiteBot): JoinTimes {
  const s = bot.stats();
  return {
    requestedAt: s.joins[0]?.requestedAt ?? null,
    answeredAt: s.joins[0]?.answeredAt ?? null,
    readyAt: s.joins[0]?.readyAt ?? null,
    securedAt: s.joins[0]?.securedAt ?? null,
    firstPacketAt: s.firstProgrammeVideoAt ?? null,
    firstPictureAt: s.firstPictureAt ?? null,
  };
}

async function joinTimes(): Promise<JoinTimes[]> {
  return bots.map(firstJoinTimes);
}

/**
 * Per bot: the stretches of a second or more in which the SFU sent it no programme video, the one
 * going on now included (mediasoup stops a consumer's video when its bandwidth estimate is below
 * the lowest layer): a switch cannot reach a bot then, however fast the SFU switches.
 */
async function videoSilences(): Promise<Silence[][]> {
  const now = epochMs();
  return bots.map((bot) =>
    bot
      .stats()
      .consumers.filter((c) => c.purpose === 'programme-video' && c.counts.lastPacketAt !== undefined)
      .flatMap((c) => {
        const last = c.counts.lastPacketAt!;
        const ongoing = c.closedAt === undefined && now - last >= SILENCE_MS ? [{ from: last, to: now }] : [];
        return [...c.counts.silences, ...ongoing];
      }),
  );
}

/** What the bots sent back, summed: NACKs, PLIs, and packets of no consumer (bandwidth probes). */
async function feedbackSent(): Promise<{ nacks: number; plis: number }> {
  const consumers = bots.flatMap((bot) => bot.stats().consumers);
  return { nacks: consumers.reduce((n, c) => n + c.nacksSent, 0), plis: consumers.reduce((n, c) => n + c.plisSent, 0) };
}

/** A bot whose programme video has brought no packet for this long is not receiving. */
const STALLED_MS = 2_000;

export interface Recovery {
  /** Bots that rejoined after `since`, and how many of them receive the programme again. */
  moved: number;
  recovered: number;
  /** When the last of the moved bots received it again (once all have). */
  lastMs: number | null;
  /** Bots that were receiving the programme at `since` and have not received it for 2 s. */
  stalled: number;
}

/**
 * After `since` (a node killed): the bots that rejoined, and how long until the last of them
 * received the programme again; `stalled` tells whether any bot that was receiving at `since`
 * still waits (told late, or not rejoining yet).
 */
async function recovery({ since }: { since: number }): Promise<Recovery> {
  const now = epochMs();
  const fleet = bots.map((bot) => bot.stats());
  const moved = fleet.filter((s) => s.joins.some((j) => j.requestedAt >= since && j.reason === 'reconnectRequired'));
  const arrivalsAfter = moved.map((s) => programmeVideoArrival(s, null, since));
  const recovered = arrivalsAfter.filter((a) => a !== undefined).length;
  const wasReceiving = (s: SiteBotStats) =>
    s.consumers.some((c) => c.purpose === 'programme-video' && (c.counts.lastPacketAt ?? 0) >= since - STALLED_MS);
  const stalled = fleet.filter((s) => {
    const last = currentProgrammeVideo(s)?.counts.lastPacketAt;
    return wasReceiving(s) && (last === undefined || now - last > STALLED_MS);
  }).length;
  const all = moved.length > 0 && recovered === moved.length;
  return { moved: moved.length, recovered, lastMs: all ? Math.max(...arrivalsAfter.map((a) => a! - since)) : null, stalled };
}

async function counts(): Promise<Array<[string, { expected: number; lost: number; packets: number; bytes: number }]>> {
  return [...snapshotCounts(bots.map((bot) => bot.stats()))];
}

async function stats(): Promise<SiteBotStats[]> {
  return bots.map((bot) => bot.stats());
}

/** How late the bots read their datagrams (1-ms buckets): a lagging bot process sends its feedback late. */
async function readLag(): Promise<number[]> {
  return readLagHistogram();
}

async function takeWarnings(): Promise<string[]> {
  return warnings.splice(0);
}

async function closeAll(): Promise<void> {
  for (const bot of [...bots.splice(0), ...lateBots.splice(0)]) bot.close();
}

export const fleetApi = {
  connect,
  joinAll,
  lateJoins,
  arrivals,
  sourceArrivals,
  renegotiations,
  joinTimes,
  feedbackSent,
  videoSilences,
  recovery,
  counts,
  stats,
  readLag,
  takeWarnings,
  close: closeAll,
};
export type FleetApi = typeof fleetApi;

serveRpc(fleetApi, closeAll);
